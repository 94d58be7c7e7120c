row = {"embedding": [0.1], "index": 0}
print(row["index"])
value = row["embeddings"]
