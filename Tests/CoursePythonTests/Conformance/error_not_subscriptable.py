def create():
    return None

response = create()
print(response[0])
