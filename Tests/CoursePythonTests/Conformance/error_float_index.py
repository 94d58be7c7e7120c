items = [1, 2]
items[1.0]
