# tiktoken: text that spells a special token, as encode and encode_ordinary treat it.
import tiktoken

encoding = tiktoken.get_encoding("cl100k_base")
marker = "<|endoftext|>"
text = "first document" + marker + "second <|fim_prefix|> document"
print(sorted(encoding.special_tokens_set))
print(encoding.eot_token)
try:
    encoding.encode(text)
except ValueError as error:
    print("ValueError:", error)
print(encoding.encode(text, allowed_special={marker, "<|fim_prefix|>"}))
print(encoding.encode(text, allowed_special="all"))
print(encoding.encode(text, disallowed_special=()))
print(encoding.encode_ordinary(text))
print(encoding.encode(text, allowed_special={marker}, disallowed_special=()))
try:
    encoding.encode(text, allowed_special={marker})
except ValueError as error:
    print("ValueError:", str(error).splitlines()[0])
try:
    encoding.encode("plain words, then <|endofprompt|>", disallowed_special=["<|endofprompt|>"])
except ValueError as error:
    print("ValueError:", str(error).splitlines()[0])
print(encoding.encode("no markers here", allowed_special={"not a token"}))
print(encoding.encode(marker + marker, allowed_special="all"))
print(encoding.decode(encoding.encode(text, allowed_special="all")) == text)
print(len(encoding.encode(text, disallowed_special=())), len(encoding.encode(text, allowed_special="all")))
batch = ["hello world", "goodbye world", text]
print(encoding.encode_ordinary_batch(batch))
print(encoding.encode_batch(batch, allowed_special="all"))
print(encoding.encode_batch(batch[:2], num_threads=2))
try:
    encoding.encode_batch(batch)
except ValueError as error:
    print("ValueError:", str(error).splitlines()[0])
print(encoding.decode_batch(encoding.encode_batch(batch, disallowed_special=())) == batch)
