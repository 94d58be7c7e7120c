# Literals of every kind and how repr/str print them.
print(1, -7, 0x1F, 0o17, 0b101, 1_000_000)
print(0.1, 1.5, 100.0, 1e-05, 1e16, 1e15, 1234.5, 2.5e-7, 1/3, -0.0, 0.1 + 0.2)
print(float("inf"), float("-inf"), float("nan"), 1e300 * 1e10)
print('single', "double", '''triple
line''', """another""")
print(repr("it's"), repr('say "hi"'), repr('both \' and "'), repr("tab\tnew\nline\\"))
print([1, 2.0, "three", None, True, False], (1,), (), (1, 2))
print({"a": 1, "b": [1, 2], "c": {"d": None}}, {}, set(), {3})
print(str(1.0), str("x"), repr(1.0), repr([1.0, "x"]))
print("é", len("héllo"), "日本"[1])
print(r"raw\n", "a" "b" 'c')
print(12345678901234, -2**62, 2**62, 7 // 2, -7 // 2, 7 % 3, -7 % 3, 7.5 // 2, -7.5 % 2)
print(2 ** 10, 2 ** -1, 10 / 4, 3 * 1.5, True + True, 1e3, 5e-324, 1.7976931348623157e308)
