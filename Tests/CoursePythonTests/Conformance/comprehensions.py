# List, dict and set comprehensions; generator expressions; nesting and scoping.
words = ["apple", "Banana", "cherry", "date"]
print([w.upper() for w in words if len(w) > 4])
print({w: len(w) for w in words}, {len(w) for w in words} == {4, 5, 6})
print([(i, j) for i in range(3) for j in range(i)], [[i * j for j in range(3)] for i in range(3)])
print(sum(len(w) for w in words), max(len(w) for w in words), list(x * 2 for x in range(3)))
print(any(w.startswith("c") for w in words), all(w.islower() for w in words), sorted(w.lower() for w in words))
x = "outer"
squares = [x * x for x in range(4)]
print(x, squares)
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)], [n for row in matrix for n in row if n % 2])
pairs = {k: v for k, v in zip("abc", range(3)) if v}
print(pairs, dict(sorted(pairs.items(), key=lambda kv: -kv[1])))
def scale(values, factor):
    return [v * factor for v in values]
print(scale([1, 2.5], 2), [f"{v:.1f}" for v in scale([1, 2], 0.5)])
g = (i for i in range(3))
print(next(g), next(g), list(g), next(iter([]), "empty"))
print(list(enumerate(x for x in "ab")), dict((str(i), i) for i in range(2)))
