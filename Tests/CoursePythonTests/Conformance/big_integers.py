# ints beyond 64 bits behave as in CPython.
print(2 ** 100, -2 ** 63, 2 ** 64 - 1, 12345678901234567890123 * 98765432109876543210)
print(2 ** 100 // 7, 2 ** 100 % 7, -(2 ** 100) // 7, -(2 ** 100) % 7, (2 ** 100) // -7, divmod(10 ** 30, -12345))
print(10 ** 25 / 10 ** 5, float(10 ** 25), int(10 ** 25 / 3), 2 ** 64 == 18446744073709551616, 2 ** 64 > 1.5e19)
factorial = 1
for n in range(1, 31):
    factorial *= n
print(factorial, len(str(factorial)), str(factorial)[:5], 100000000000000000000000 + 1)
print(sum([2 ** 62, 2 ** 62, 2 ** 62]), max(2 ** 70, 3), min([-2 ** 70, 0]), abs(-2 ** 80), round(2 ** 70))
print(type(2 ** 80), isinstance(2 ** 80, int), 2 ** 80 - 2 ** 80, bool(2 ** 80), 7 * 2 ** 63 // 2 ** 63)
