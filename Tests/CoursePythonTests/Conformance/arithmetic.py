# Python arithmetic: floor division and modulo signs, int/float mixing, powers, precedence.
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (7.5, 2), (-7.5, 2), (7, 2.5)]:
    print(a, b, a // b, a % b, a / b, divmod(a, b))
print(2 ** 10, 2 ** 0.5, (-8) ** 2, -8 ** 2, 2 ** -2, 10 ** 18)
print(1 + 2 * 3 - 4 / 2, (1 + 2) * 3, 7 - 3 - 2, 2 ** 3 ** 2)
print(abs(-3), abs(-2.5), abs(True), round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234.5678, -2), round(7, -1))
print(int(3.9), int(-3.9), int("42"), int(" -7 "), float("1e3"), float(" 2.5 "), int("ff", 16), int(True))
print(True + 1, True * 2.5, False - 1, 3 * True)
print(1 == 1.0, 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
print(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 10, 1024 >> 3, -9 >> 1)
print(pow(3, 4), pow(2, -1), min(3, 1, 2), max([4, 9, 2]), sum([1, 2, 3]), sum([0.1] * 10), sum([1, 2], 10))
print(10 / 3, 2 / 3, 1e22, 1e-7, 123456789.123456789, 0.000123, 3.0 * 1.1)
x = 10
x += 5; x -= 3; x *= 2; x //= 5; x **= 3; x %= 7
print(x)
y = 2.0
y /= 4
print(y)
