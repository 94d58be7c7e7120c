"""Checks the numpy MiniLM against published numbers and the reference tokenizer.

1. Our WordPiece gives the same ids as the Hugging Face `tokenizers` library on the model's own
   tokenizer.json, for varied text (needs `pip install --no-deps --target Tools/work/tok tokenizers`).
2. The sentence-transformers quick-start for all-MiniLM-L6-v2 publishes the cosine matrix of
   three sentences ("The weather is lovely today." / "It's so sunny outside!" / "He drove to the
   stadium."): 0.6660, 0.1046, 0.1411. The numpy forward pass must reproduce them.
3. Batched (padded) and one-by-one encodings agree.
"""
import sys
from pathlib import Path

import numpy as np

from minilm import MODEL_DIR, MiniLM

HERE = Path(__file__).resolve().parent


def main():
    model = MiniLM()
    samples = [
        "The weather is lovely today.",
        "Crème brûlée, naïve café — résumé!",
        "def embed(text: str) -> list[float]:  # returns a unit vector",
        "東京は日本の首都です。 And emoji 🙂 too.",
        "It's 3.14159 o'clock... isn't it?",
        "supercalifragilisticexpialidocious antidisestablishmentarianism",
    ]
    sys.path.insert(0, str(HERE.parent / "work" / "tok"))
    try:
        from tokenizers import Tokenizer

        reference = Tokenizer.from_file(str(MODEL_DIR / "tokenizer.json"))
        reference.no_padding()
        reference.no_truncation()
        for text in samples:
            ours = model.ids(text)
            theirs = reference.encode(text).ids
            assert ours == theirs, (text, ours, theirs)
        print(f"tokenizer: {len(samples)} samples identical to HF tokenizers")
    except ImportError:
        print("tokenizer: HF tokenizers not installed, skipped")

    vectors = model.encode(["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."])
    sims = vectors @ vectors.T
    expected = {(0, 1): 0.6660, (0, 2): 0.1046, (1, 2): 0.1411}
    for (i, j), value in expected.items():
        print(f"cos({i},{j}) = {sims[i, j]:.4f} (published {value:.4f})")
        assert abs(sims[i, j] - value) < 5e-4
    one_by_one = np.stack([model.encode([s])[0] for s in samples])
    batched = model.encode(samples)
    assert np.abs(one_by_one - batched).max() < 1e-5
    print("batched == one-by-one; MiniLM forward pass verified")


if __name__ == "__main__":
    main()
