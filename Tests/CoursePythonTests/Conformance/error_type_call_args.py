def create(model, input, *, dimensions=None):
    return model

create("text-embedding-3-small", "hi")
create("text-embedding-3-small", "hi", 512)
