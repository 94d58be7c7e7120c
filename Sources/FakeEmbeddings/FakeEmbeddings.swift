// FakeEmbeddings: the offline endpoint. Validates like the real API and answers deterministically. No I/O.
