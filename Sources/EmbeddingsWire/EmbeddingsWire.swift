// EmbeddingsWire: the OpenAI embeddings API's request, response and error bodies (Codable).
