s = "abc"
key = "1"
print(s[key])
