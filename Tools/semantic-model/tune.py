"""Chooses the regularisation strength on held-out corpus sentences (never on the evaluation set).

Fits on all corpus chunks but the last N sentences, then reports the Spearman correlation of
the static model's cosines with MiniLM's over all pairs of those held-out sentences.
Usage: python3 tune.py [N] [lam ...]
"""
import sys
import tempfile

import numpy as np
from scipy.stats import spearmanr

from build_model import build, load_corpus, read_model
from evaluate import static_vectors
from minilm import MODEL_DIR
from wordpiece import WordPiece


def main(holdout, lams, dimensions=128):
    Y, sentences = load_corpus()
    test_y, test_text = Y[-holdout:], sentences[-holdout:]
    upper = np.triu_indices(holdout, 1)
    teacher = (test_y @ test_y.T)[upper]
    tokenizer = WordPiece.from_file(MODEL_DIR / "vocab.txt")
    for lam in lams:
        with tempfile.NamedTemporaryFile(suffix=".bin") as out:
            build(dimensions, lam, holdout, out.name, log=lambda *_: None)
            _, table = read_model(out.name)
        v = static_vectors(test_text, tokenizer, table)
        rho = spearmanr((v @ v.T)[upper], teacher).statistic
        print(f"lam={lam:<8} held-out Spearman={rho:.3f}", flush=True)


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    main(n, [float(x) for x in sys.argv[2:]] or [0.003, 0.01, 0.03, 0.1, 0.3])
