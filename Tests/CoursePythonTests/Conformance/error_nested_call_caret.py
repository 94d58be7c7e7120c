data = {"a": 1}
result = len(data) + data["b"] * 2
