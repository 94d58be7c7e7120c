// Tokenizer: tiktoken's cl100k_base byte-pair encoding in Swift.
