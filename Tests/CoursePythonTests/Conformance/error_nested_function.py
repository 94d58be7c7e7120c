def normalize(vector):
    length = sum(x * x for x in vector) ** 0.5
    return [x / length for x in vector]

def prepare(vectors):
    return [normalize(v) for v in vectors]

prepare([[3, 4], [0, 0]])
