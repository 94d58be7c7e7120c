"""An experiment beside step 4 (measured, not shipped): lexical weights learned from pairs.

The lexical part (lexical.py) weighs a piece by its inverse document frequency, which knows how
rare a piece is but not how well it tells one paragraph from another. Here every piece's weight
becomes
idf · exp(a), and the `a` are learned so that, on the combined cosine the endpoint returns,
(semantic cosine + share² · lexical cosine) / (1 + share²), each training summary finds its own
description among the batch's (a symmetric in-batch contrastive loss at `--temperature`), with
an L2 penalty pulling every `a` back to 0 (a piece the pairs never hold keeps its IDF weight).
The semantic part, each piece's bucket and sign, and the share stay exactly as in MODEL.

The first 800 pairs of every pair file are the development sets the rules decide on: they are
never trained on. `--validate` also holds out the next 800 pairs of the first file (the Debian
pairs by default) and reports their retrieval after every epoch; the penalty, epochs and temperature are chosen on that slice.

`--bands N` learns one multiplier per band of IDF instead (N equal-width bands): a function of
IDF alone, which cannot learn the words of the pairs.

Writes the multipliers exp(a), one per vocabulary entry, as a .npy file (`--out`); then
`lexical.py MODEL --share 0.6 --bits 4 --multipliers FILE --out F` writes a file with them.
Neither kind beat plain IDF where it counts (docs/semantic-model.md, "The lexical part").
Usage: python3 lexical_weights.py COMPACT_MODEL [--pairs PATH ...] [--penalty L] [--epochs E]
       [--temperature T] [--lr R] [--bands N] [--validate] [--out PATH]
"""
import argparse
import json
import time
from pathlib import Path

import numpy as np

from build_model import WORK, read_model
from evaluate import retrieval, static_vectors
from evalset import DEBIAN_DEV_PAIRS
from minilm import MODEL_DIR
from train import softmax
from wordpiece import WordPiece

VALIDATION_PAIRS = 800


class LexicalPart:
    """The lexical part of a batch of texts as a function of the pieces' log-multipliers `a`;
    `distinct` holds each text's distinct piece ids (np.unique)."""

    def __init__(self, distinct, bucket_of, signed_weights, buckets):
        text_of = np.concatenate([np.full(len(p), i) for i, p in enumerate(distinct)])
        self.piece = np.concatenate(distinct)
        self.slot = text_of * buckets + bucket_of[self.piece].astype(np.int64)
        self.signed = signed_weights[self.piece].astype(np.float64)
        self.shape = (len(distinct), buckets)

    def forward(self, a):
        """Unit lexical vectors of the texts under multipliers exp(a); keeps what backward needs."""
        self.contribution = self.signed * np.exp(a[self.piece])
        raw = np.bincount(self.slot, self.contribution, self.shape[0] * self.shape[1]).reshape(self.shape)
        self.norm = np.maximum(np.linalg.norm(raw, axis=1, keepdims=True), 1e-12)
        self.unit = raw / self.norm
        return self.unit

    def backward(self, grad_unit, vocabulary_size):
        """Gradient of the loss with respect to `a`, given its gradient with respect to the unit vectors."""
        grad_raw = (grad_unit - self.unit * (self.unit * grad_unit).sum(1, keepdims=True)) / self.norm
        return np.bincount(self.piece, grad_raw.ravel()[self.slot] * self.contribution, vocabulary_size)


def contrastive_gradient(similarities, temperature):
    """(loss, gradient) of the symmetric in-batch contrastive loss, each text's partner the target."""
    logits = similarities / temperature
    k = len(logits)
    rows, cols = softmax(logits, 1), softmax(logits, 0)
    diagonal = np.arange(k)
    loss = -(np.log(rows[diagonal, diagonal]) + np.log(cols[diagonal, diagonal])).mean() / 2
    target = np.eye(k)
    return loss, ((rows - target) + (cols - target)) / (2 * k * temperature)


class PairSet:
    """Summaries and descriptions with their fixed semantic vectors and their lexical pieces."""

    def __init__(self, pairs, tokenizer, table, semantic_head):
        texts = [p[0] for p in pairs] + [p[1] for p in pairs]
        self.count = len(pairs)
        self.semantic = static_vectors(texts, tokenizer, table, head=semantic_head)
        self.distinct = [np.unique(tokenizer.ids(t) or [tokenizer.unk_id]) for t in texts]

    def combined(self, indices, a, placement):
        """(summary vectors, description vectors, their lexical parts) of the pairs `indices`."""
        parts = [LexicalPart([self.distinct[i + offset] for i in indices], *placement) for offset in (0, self.count)]
        lexical = [p.forward(a) for p in parts]
        return self.semantic[indices], self.semantic[indices + self.count], lexical, parts


def retrieval_with(pair_set, a, placement, share):
    """recall@1 and MRR of every summary finding its description among all of the set's."""
    s_q, s_d, (l_q, l_d), _ = pair_set.combined(np.arange(pair_set.count), a, placement)
    join = lambda s, l: np.concatenate([s, share * l], 1) / np.sqrt(1 + share**2)
    return retrieval(join(s_q, l_q), join(s_d, l_d))


def idf_bands(signed_weights, bands):
    """Each piece's band: `bands` equal-width intervals of its weight (its IDF), lowest first."""
    weights = np.abs(signed_weights.astype(np.float64))
    edges = np.linspace(weights.min(), weights.max(), bands + 1)[1:-1]
    return np.searchsorted(edges, weights, side="right")


def learn(model, pair_files, penalty, epochs, temperature, lr, batch, validate, bands=0, seed=11, log=print):
    tokenizer = WordPiece.from_file(MODEL_DIR / "vocab.txt")
    tokens, table, head = read_model(model, with_head=True)
    share = float(head["lexical_share"])
    placement = (head["lexical_bucket_of"], head["lexical_weights"], int(head["lexical_buckets"]))
    semantic_head = {k: v for k, v in head.items() if not k.startswith("lexical")}
    training, validation = [], []
    for index, path in enumerate(pair_files):
        pairs = json.loads(Path(path).read_text())[DEBIAN_DEV_PAIRS:]
        if validate and index == 0:
            validation, pairs = pairs[:VALIDATION_PAIRS], pairs[VALIDATION_PAIRS:]
        training.extend(pairs)
    started = time.time()
    train_set = PairSet(training, tokenizer, table, semantic_head)
    check_set = PairSet(validation, tokenizer, table, semantic_head) if validation else None
    log(f"{len(training)} training pairs, {len(validation)} validation pairs, share {share}, embedded in {time.time() - started:.0f}s")
    a = np.zeros(len(tokens))
    band_of = idf_bands(placement[1], bands) if bands else None
    params = np.zeros(bands) if bands else a
    if check_set:
        log("before: validation recall@1 %.3f MRR %.4f" % retrieval_with(check_set, a, placement, share))
    m, v, step = np.zeros_like(params), np.zeros_like(params), 0
    rng = np.random.default_rng(seed)
    lexical_scale = share**2 / (1 + share**2)
    for epoch in range(epochs):
        losses = []
        order = rng.permutation(train_set.count)
        for start in range(0, train_set.count - batch + 1, batch):
            indices = order[start : start + batch]
            s_q, s_d, (l_q, l_d), (p_q, p_d) = train_set.combined(indices, a, placement)
            similarities = (s_q @ s_d.T + share**2 * (l_q @ l_d.T)) / (1 + share**2)
            loss, grad = contrastive_gradient(similarities, temperature)
            losses.append(loss)
            grad_a = p_q.backward(lexical_scale * grad @ l_d, len(a)) + p_d.backward(lexical_scale * grad.T @ l_q, len(a))
            update = np.bincount(band_of, grad_a, bands) if bands else grad_a + penalty * a
            step += 1
            m = 0.9 * m + 0.1 * update
            v = 0.999 * v + 0.001 * update**2
            params -= lr * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
            if bands:
                a = params[band_of]
        seen = ""
        if check_set:
            seen = "; validation recall@1 %.3f MRR %.4f" % retrieval_with(check_set, a, placement, share)
        if bands:
            log("band log-multipliers " + " ".join(f"{c:+.2f}" for c in params))
        log(f"epoch {epoch + 1}: loss {np.mean(losses):.4f}, |a| mean {np.abs(a).mean():.4f} max {np.abs(a).max():.3f}{seen}, {time.time() - started:.0f}s")
    return np.exp(a).astype(np.float32)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("model", help="a file with a lexical part (lexical.py's output)")
    parser.add_argument("--pairs", nargs="+", default=[str(WORK / "pairs-debian.json")])
    parser.add_argument("--penalty", type=float, default=1e-4, help="L2 penalty on each log-multiplier, per step")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--temperature", type=float, default=0.05)
    parser.add_argument("--lr", type=float, default=0.01, help="Adam's step size on the log-multipliers")
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--bands", type=int, default=0, help="learn one multiplier per band of IDF (this many equal-width bands) instead of one per piece; no penalty")
    parser.add_argument("--validate", action="store_true", help="hold out pairs 800-1599 of the first file too and report their retrieval every epoch")
    parser.add_argument("--out", default=str(WORK / "lexical-multipliers.npy"))
    args = parser.parse_args()
    multipliers = learn(args.model, args.pairs, args.penalty, args.epochs, args.temperature, args.lr, args.batch, args.validate, args.bands)
    np.save(args.out, multipliers)
    print(f"wrote {args.out}: multipliers {multipliers.min():.3f}..{multipliers.max():.3f}, {int((multipliers != 1).sum())} pieces changed")


if __name__ == "__main__":
    main()
