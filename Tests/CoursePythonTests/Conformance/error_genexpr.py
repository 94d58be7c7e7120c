values = [1, 0, 2]
print(sum(10 / v for v in values))
