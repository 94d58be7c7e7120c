import_value = float("inf")
print(int(import_value))
