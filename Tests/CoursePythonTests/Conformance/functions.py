# def with defaults, *args, **kwargs, keyword-only, closures, lambda, recursion, global.
def greet(name, greeting="Hello", *, punct="!"):
    return f"{greeting}, {name}{punct}"
print(greet("Ada"), greet("Bob", "Hi"), greet(name="Cy", punct="?"), greet("D", greeting="Yo"))
def collect(*args, **kwargs):
    return args, kwargs
print(collect(), collect(1, 2, a=3), collect(*[1, 2], **{"k": "v"}))
def make_counter():
    count = 0
    def inc(step=1):
        nonlocal_value = step
        return nonlocal_value * 2
    return inc
print(make_counter()(5))
def adder(n):
    return lambda x: x + n
add5 = adder(5)
print(add5(1), (lambda: 42)(), (lambda a, b=2: a * b)(3))
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(10), fact(20))
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
print([fib(i) for i in range(12)])
counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)
def no_return():
    pass
print(no_return(), greet.__name__, (lambda: 0).__name__)
def cosine(u, v):
    dot = sum(a * b for a, b in zip(u, v))
    norm_u = sum(a * a for a in u) ** 0.5
    norm_v = sum(b * b for b in v) ** 0.5
    return dot / (norm_u * norm_v)
print(round(cosine([1, 2, 3], [2, 4, 7]), 6), cosine([1, 0], [0, 1]))
def outer():
    xs = [1, 2, 3]
    return [x * y for x in xs for y in xs if x != y]
print(outer())
def defaults(a, b=[]):
    b.append(a)
    return b
print(defaults(1), defaults(2))
print(sorted(["b", "A", "c"], key=lambda s: s.lower()), list(map(lambda p: p[1], [(1, "x"), (2, "y")])))
squares = {n: n * n for n in range(4)}
print(squares, {c for c in "hello"} == set("helo"), sum(x * x for x in [1, 2, 3]))
