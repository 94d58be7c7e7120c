"""Chooses the fit's settings on held-out corpus chunks (never on the evaluation set).

Fits on every corpus chunk except chunk 19 (kept unseen for evaluate.py) and the tuning
chunks, then reports the Spearman correlation of the static model's cosines with MiniLM's over
all pairs of sentences in each tuning chunk.
Usage: python3 tune.py --chunks 18 20 --dimensions 128 256 --lam 0.01 0.03 --bias 0 1 [--limit N]
"""
import argparse
import itertools
import json
import tempfile

import numpy as np
from scipy.stats import spearmanr

from build_model import WORK, build, read_model
from evaluate import static_vectors
from minilm import MODEL_DIR
from wordpiece import WordPiece


def main(chunks, dimensions, lams, smoothings, biases, limit):
    tokenizer = WordPiece.from_file(MODEL_DIR / "vocab.txt")
    tests = []
    for chunk in chunks:
        texts = json.loads((WORK / f"corpus_{chunk:04d}.json").read_text())
        y = np.load(WORK / f"corpus_{chunk:04d}.npy")
        upper = np.triu_indices(len(texts), 1)
        tests.append((chunk, texts, upper, (y @ y.T)[upper]))
    for d, lam, a, bias in itertools.product(dimensions, lams, smoothings, biases):
        with tempfile.NamedTemporaryFile(suffix=".bin") as out:
            build(d, lam, (19, *chunks), out.name, log=lambda *_: None, smoothing=a, limit=limit, bias=bias)
            _, table = read_model(out.name)
        scores = []
        for chunk, texts, upper, teacher in tests:
            v = static_vectors(texts, tokenizer, table)
            scores.append(f"chunk {chunk}: {spearmanr((v @ v.T)[upper], teacher).statistic:.3f}")
        print(f"d={d} lam={lam} a={a} bias={bias} limit={limit}: " + ", ".join(scores), flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--chunks", type=int, nargs="+", default=[20])
    parser.add_argument("--dimensions", type=int, nargs="+", default=[128])
    parser.add_argument("--lam", type=float, nargs="+", default=[0.003, 0.01, 0.03, 0.1])
    parser.add_argument("--smoothing", type=float, nargs="+", default=[1e-3])
    parser.add_argument("--bias", type=float, nargs="+", default=[0.0, 1.0])
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    main(args.chunks, args.dimensions, args.lam, args.smoothing, args.bias, args.limit)
