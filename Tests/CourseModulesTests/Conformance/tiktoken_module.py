# tiktoken: counting tokens as the embedding models do.
import tiktoken

encoding = tiktoken.get_encoding("cl100k_base")
print(encoding.name, encoding.n_vocab)
tokens = encoding.encode("Embeddings turn text into vectors.")
print(tokens, len(tokens))
print(encoding.decode(tokens))
print(len(encoding.encode("naïve café — 東京 🙂")))
model = tiktoken.encoding_for_model("text-embedding-3-small")
print(model.name, model.encode("hello world"))
price_per_million = 0.02
text = "The quick brown fox jumps over the lazy dog. " * 10
count = len(model.encode(text))
print(count, f"${count * price_per_million / 1_000_000:.8f}")
print(tiktoken.encoding_name_for_model("text-embedding-3-large"), tiktoken.encoding_name_for_model("gpt-4o"))
for function in (tiktoken.encoding_for_model, tiktoken.encoding_name_for_model):
    try:
        function("not-a-model")
    except KeyError as error:
        print("KeyError:", error)
