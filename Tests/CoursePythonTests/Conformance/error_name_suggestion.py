response = {"data": [1, 2]}
print("before")
print(respose["data"])
