// Tests for EmbeddingModel live here.
