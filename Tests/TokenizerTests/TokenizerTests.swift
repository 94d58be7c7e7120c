// Tests for Tokenizer live here.
