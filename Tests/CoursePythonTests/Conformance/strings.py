# String methods real code uses.
s = "  Hello, World  "
print(s.strip(), s.lstrip(), s.rstrip() + "|", s.lower(), s.upper())
print("a,b,,c".split(","), "a b  c\n".split(), "a-b-c".split("-", 1), "k=v=w".rsplit("=", 1))
print("-".join(["x", "y", "z"]), "".join(str(i) for i in range(5)))
print("hello".replace("l", "L"), "hello".replace("l", "L", 1), "hello".startswith("he"), "hello".endswith(("lo", "x")))
print("hello".find("l"), "hello".find("z"), "hello".rfind("l"), "hello".index("e"), "banana".count("a"), "banana".count("an"))
print("abc".isalpha(), "123".isdigit(), "a1".isalnum(), "   ".isspace(), "Title case words".title(), "word".capitalize())
print("x".center(5, "*"), "x".ljust(3) + "|", "x".rjust(3), "42".zfill(5), "-42".zfill(5))
print("a:b:c".partition(":"), "line1\nline2\n".splitlines())
print("abcdef"[1:4], "abcdef"[::-1], "abcdef"[-2:], "abcdef"[::2], "abcdef"[10:], "abc" * 3, "ab" + "cd")
print("ell" in "hello", "z" not in "hello", len(""), "abc" < "abd", "Z" < "a", max("apple", "pear"))
print("{} and {}".format(1, 2), "{1}{0}".format("a", "b"), "{name}!".format(name="hi"), "{:>5}|{:<5}|{:^5}|".format(1, 2, 3))
print("{0[0]} {1[k]}".format([7], {"k": 8}), "{:.2f}".format(3.14159), "{{literal}}".format())
print("%s has %d items costing %.2f" % ("cart", 3, 9.5), "%5s|%-5s|%05d" % ("a", "b", 42), "%r" % "q", "100%%" % ())
print(str(123) + "4", "abc".upper().lower(), "Hello"[0], "Hello"[-1])
print(ord("a"), chr(98), sorted("hello"), list("abc"), "a\tb".split("\t"))
for ch in "hi":
    print(ch)
