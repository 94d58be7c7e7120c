# Assignment forms, del, global, pass, chained assignment, augmented assignment on items.
a = b = c = 0
a, b = 1, 2
a, b = b, a
print(a, b, c)
(x, y), z = (1, 2), 3
print(x, y, z)
first, *middle, last = range(6)
print(first, middle, last)
data = {"count": 1, "items": [1]}
data["count"] += 1
data["items"] += [2]
data["items"][0] *= 10
print(data)
nums = [1, 2, 3, 4, 5]
del nums[1]
del nums[::2]
print(nums)
temp = 5
del temp
try:
    print(temp)
except NameError as e:
    print("NameError:", e)
total = 0
def add_to_total(n):
    global total
    total = total + n
    return total
add_to_total(5)
add_to_total(7)
print(total)
if True:
    pass
for _ in range(0):
    pass
else:
    print("empty loop else")
s = "abc"
s += "def"
print(s, s[1:-1])
t = (1, 2)
t += (3,)
print(t)
value: int = 42
print(value)
x = 1; y = 2; print(x + y)
if x < y: print("inline if")
while x < 3: x += 1
print(x)
lst = [3, 1, 2]
lst[1:2] = [7, 8, 9]
print(lst, lst[::-2], lst[-3:-1], lst[:-10], lst[1:100:3])
nested = [[0] * 3 for _ in range(2)]
nested[0][1] = 5
print(nested)
