// Tests for EmbeddingsAPI live here.
