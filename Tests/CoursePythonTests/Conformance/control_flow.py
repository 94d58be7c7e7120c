# if/elif/else, loops with break/continue/else, comparisons chains, boolean operators.
for n in range(1, 16):
    if n % 15 == 0:
        print("FizzBuzz")
    elif n % 3 == 0:
        print("Fizz")
    elif n % 5 == 0:
        print("Buzz")
    else:
        print(n)
i = 0
while True:
    i += 1
    if i < 3:
        continue
    if i > 5:
        break
    print("i", i)
for x in [1, 2, 3]:
    if x == 10:
        break
else:
    print("no break")
while i < 8:
    i += 1
else:
    print("while else", i)
print(1 < 2 < 3, 3 > 2 > 2, 1 < 3 > 2, 1 == 1 != 2)
print(0 or "default", "" or None, 1 and 2, 0 and 1, not 0, not [1], None or [] or "last")
print("yes" if 3 > 2 else "no", [x for x in range(10) if x % 2 == 0])
def check(v):
    if v:
        return "truthy"
    return "falsy"
print([check(v) for v in [0, 1, "", "a", [], [0], {}, None, 0.0, 2.5]])
total = 0
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    total += i * (a + b)
print(total)
for k in {"x": 1, "y": 2}:
    print(k)
pass
