response = {"data": [{"embedding": [0.1, 0.2]}]}
print(response["data"][0]["embedding"])
print(response.data)
