# Lists, tuples, dicts, sets and their methods.
a = [3, 1, 2]
a.append(5); a.extend([9, 0]); a.insert(1, 7); a.insert(-1, 8); a.insert(100, 4)
print(a, a.pop(), a.pop(0), a.index(2), a.count(9), len(a))
a.remove(9); a.sort(); print(a); a.sort(reverse=True); print(a); a.reverse(); print(a)
b = a.copy(); b.clear(); print(a, b)
print(a[0], a[-1], a[1:3], a[::-1], a[::2], a[5:1:-2], a[-100:100])
a[0] = 100; a[1:3] = ["x", "y", "z"]; print(a)
del a[0]; del a[-2:]; print(a)
t = (1, 2, 3, 2)
print(t.count(2), t.index(3), t[1:], t + (4,), t * 2, len(t), 2 in t, (1, 2) < (1, 3))
d = {"b": 2, "a": 1}
d["c"] = 3; d["b"] = 20
print(d, list(d.keys()), list(d.values()), list(d.items()), d.get("a"), d.get("zz"), d.get("zz", 0))
print(d.setdefault("a", 99), d.setdefault("e", 5), d.pop("e"), d.pop("missing", None), "a" in d, len(d))
d.update({"f": 6}, g=7); d.update([("h", 8)]); print(d)
e = d.copy(); del e["a"]; print(d == e, sorted(e), dict(a=1, b=2), dict([("x", 1)]), dict(zip("ab", [1, 2])))
print(d.keys(), d.values(), d.items())
for k, v in d.items():
    print(k, v, end="; ")
print()
s = {3, 1, 2}
s.add(4); s.discard(10); s.remove(1)
print(sorted(s), 2 in s, len(s), sorted(s | {9}), sorted(s & {2, 3}), sorted(s - {2}), sorted(set([1, 1, 2])))
print({1, 2} == {2, 1}, [1, [2, 3]] == [1, [2, 3]], {"a": [1]} == {"a": [1]}, [1, 2] != [1, 2])
nested = {"data": [{"embedding": [0.1, 0.2], "index": 0}], "usage": {"total_tokens": 5}}
print(nested["data"][0]["embedding"][:1], nested["usage"]["total_tokens"])
print(list(range(5)), list(range(2, 10, 3)), list(range(5, 0, -1)), range(3), len(range(0, 10, 2)), 4 in range(5))
print(list(reversed([1, 2, 3])), list(enumerate("ab")), list(enumerate("ab", 1)), list(zip([1, 2, 3], "ab")))
print(list(map(str, [1, 2])), list(map(lambda x, y: x + y, [1, 2], [10, 20])), list(filter(None, [0, 1, "", "a"])), list(filter(lambda x: x > 1, [1, 2, 3])))
print(sorted([3, 1, 2], reverse=True), sorted(["bb", "a", "ccc"], key=len), sorted([(1, "b"), (1, "a"), (0, "z")]))
print(min([3, 1, 2], key=lambda x: -x), max([], default="empty"), min("bca"), max(1, 2.5), any([0, 0, 1]), all([]), any([]))
print(tuple([1, 2]), list((1, 2)), set(), str([1, "a"]), [1, 2] * 2, [[0] * 2] * 2, [] + [])
x, *rest = [1, 2, 3]; first, (p, q) = 1, (2, 3); *init, last = "abc"
print(x, rest, first, p, q, init, last)
a = b = [1]
b.append(2)
print(a, a is b, a == [1, 2], a is [1, 2], None is None)
