"""A model part-way between a trained model and one fine-tuned from it (weight interpolation,
as in WiSE-FT): every weight is (1 - alpha) * base + alpha * tuned. A fine-tuning step that
gains on one kind of text (the pair term on documentation) can lose on another (everyday
requests); a point between the two often keeps most of the gain and little of the loss. For
the pair term it did not: the soap query's margin and the pair retrieval move together along
the line (docs/semantic-model.md, "Holding the everyday requests").

train.py writes each model turned onto its own principal axes, so the tuned model is first
turned back into the base model's basis: the orthogonal map that best carries its table onto
the base's (Procrustes over all rows), applied to the table, the head and the query maps alike,
which changes none of its outputs. The mix is then turned onto its principal axes and quantised
as train.py does, and lexical.py adds the lexical part.

Usage: python3 interpolate.py BASE TUNED --alpha 0.5 --out PATH [--holdout 19 20 61 113 582 613]
"""
import argparse

import numpy as np

from build_model import COMPACT_BLOCK, HEAD_PARTS, SECOND_LAYER_PARTS, quantise, read_model, turned, write_model
from minilm import MODEL_DIR
from train import available_chunks, chunk_tokens, principal_turn
from wordpiece import WordPiece

TURN_SAMPLE = 50000


def weights(path):
    """(tokens, table, {"W1", "b1", "W2", "Q"} and a second layer's "W3", "b3", "W4" if it has
    one) of a train.py model (no lexical part)."""
    tokens, table, head = read_model(path, with_head=True)
    if head is None or not {"W1", "b1", "W2", "Q"} <= head.keys() or "lexical_share" in head or "basis" in head:
        raise SystemExit(f"{path}: not a train.py model with a head and attention (interpolate before lexical.py)")
    parts = HEAD_PARTS + ("Q",) + (SECOND_LAYER_PARTS if "W3" in head else ())
    return tokens, table.astype(np.float64), {k: head[k].astype(np.float64) for k in parts}


def alignment(moving, fixed):
    """The orthogonal R minimising |moving R - fixed| (orthogonal Procrustes)."""
    u, _, vt = np.linalg.svd(moving.T @ fixed)
    return u @ vt


def mix(base, tuned, alpha):
    """((1 - alpha) * base + alpha * tuned, part by part), after turning tuned onto base's basis."""
    (base_table, base_head), (tuned_table, tuned_head) = base, tuned
    tuned_table, core, attention = turned(tuned_table, {k: w for k, w in tuned_head.items() if k != "Q"}, tuned_head["Q"], alignment(tuned_table, base_table))
    tuned_head = {**core, "Q": attention}
    table = (1 - alpha) * base_table + alpha * tuned_table
    head = {k: (1 - alpha) * base_head[k] + alpha * tuned_head[k] for k in base_head}
    return table, head


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("tuned")
    parser.add_argument("--alpha", type=float, required=True, help="0: the base model, 1: the tuned one")
    parser.add_argument("--out", required=True)
    parser.add_argument("--holdout", type=int, nargs="+", default=[19, 20, 61, 113, 582, 613], help="chunks the principal axes are not taken from")
    args = parser.parse_args()
    tokens, base_table, base_head = weights(args.base)
    tuned_tokens, tuned_table, tuned_head = weights(args.tuned)
    if tokens != tuned_tokens or base_table.shape != tuned_table.shape:
        raise SystemExit("the two models have different vocabularies or dimensions")
    if base_head.keys() != tuned_head.keys() or any(base_head[k].shape != tuned_head[k].shape for k in base_head):
        raise SystemExit("the two models have different heads (widths, or a second layer in one only)")
    table, head = mix((base_table, base_head), (tuned_table, tuned_head), args.alpha)
    tokenizer = WordPiece.from_file(MODEL_DIR / "vocab.txt")
    sample = []
    for chunk in (c for c in available_chunks() if c not in args.holdout):
        sample.extend(chunk_tokens(tokenizer, chunk))
        if len(sample) >= TURN_SAMPLE:
            break
    second = "W3" in head
    E, rest, Q = principal_turn(table.astype(np.float32), {k: w.astype(np.float32) for k, w in head.items() if k != "Q"}, head["Q"].astype(np.float32), tokenizer.cls_id, sample[:TURN_SAMPLE])
    # As train.py writes: a model with a second layer only fits the compact format (EMBSEM07).
    q, scales = quantise(E, 127, COMPACT_BLOCK) if second else quantise(E)
    write_model(args.out, tokens, q, scales, rest, Q, placed=True, compact=second)
    print(f"wrote {args.out}: {args.alpha} of the way from {args.base} to {args.tuned}")


if __name__ == "__main__":
    main()
