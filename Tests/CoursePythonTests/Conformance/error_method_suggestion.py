text = "hello"
print(len(text))
print(text.uppper())
