# Closures, nonlocal, global, shadowing, unbound methods as key functions, __name__.
def make_counter():
    count = 0
    def increment(step=1):
        nonlocal count
        count += step
        return count
    return increment
counter = make_counter()
counter(); counter(5)
print(counter())
def outer():
    x = "enclosing"
    def inner():
        return x.upper()
    x = "changed"
    return inner()
print(outer())
words = ["banana", "Apple", "cherry"]
print(sorted(words, key=str.lower), list(map(str.upper, words)), max(words, key=len))
counts = {"a": 3, "b": 7, "c": 5}
print(max(counts, key=counts.get), sorted(counts, key=counts.get, reverse=True))
if __name__ == "__main__":
    print("main module")
def shadow(len=len):
    return len([1, 2])
print(shadow())
value = 1
def read_global():
    return value + 1
print(read_global())
fns = [lambda i=i: i * 10 for i in range(3)]
print([f() for f in fns])
late = [lambda: i for i in range(3)]
print([f() for f in late])
