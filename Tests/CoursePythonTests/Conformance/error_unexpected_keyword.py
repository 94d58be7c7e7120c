def embed(text, model="small"):
    return text

embed("hi", modle="large")
