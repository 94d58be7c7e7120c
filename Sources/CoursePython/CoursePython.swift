// CoursePython: the course's Python dialect — lexer, parser, interpreter, sandbox. Knows nothing of embeddings.
