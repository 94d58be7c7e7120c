// EmbeddingsServer: FakeEmbeddings over HTTP (`embedlings serve`).
