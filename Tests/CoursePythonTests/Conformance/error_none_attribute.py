result = [3, 1].sort()
result.append(2)
