"""Step 4 of the generator: the lexical part beside the trained model's output.

A static model blurs rare words into their neighbourhood, so a query naming one thing finds a
paragraph about its cousin. The lexical part keeps exact words: each distinct piece of a text
adds its weight, its inverse document frequency over the training texts, log((N + 1) / (df + 1)),
with a sign to one of `buckets` components; the part is normalised and put beside the unit
semantic vector times `share`. So the cosine of two texts is
(semantic cosine + share² · lexical cosine) / (1 + share²).

Where each piece goes is written into the file (format EMBSEM05): pieces are placed by their
expected collision load, df · weight², heaviest first, each into the bucket with the least load
so far (`balanced_placement`): the 1,280 heaviest pieces never share a bucket with each other,
and the rest fill in where the load is lightest. The sign comes from a fixed hash of the piece id (SplitMix64's output
function). EMBSEM04 files placed every piece by that hash alone (`hashed_placement`); collisions
of common pieces then blurred the part more (docs/semantic-model.md). With `--bits 4` the file is
EMBSEM06 (EMBSEM07 for a model with a second head layer), under two thirds of the size: the
table at 4 bits a component (blocks of 32 sharing a scale) except the rows of the 6,000 most
frequent pieces (8 bits), and the other floats at 16 bits. A model on its principal axes is first turned by a fixed random rotation
(build_model.turn_for_quantisation; the file keeps the map back for `dimensions` prefixes); a
compact model is kept as it is.

`python3 lexical.py MODEL --share S [--out PATH]` writes MODEL with the part (by default to the
shipped resource), its weights counted over the same corpus chunks train.py trained on.
`--scan` prints, for a range of shares, what the share is chosen on: the Spearman correlation
with MiniLM on the held-out corpus chunks and retrieval on the held-out Debian pairs — never
the man pages.
Usage: python3 lexical.py MODEL [--chunks 0-546 582-702] [--holdout 19 20 61 113 582 613]
       [--hashed | --bits 4] (--share S [--out PATH] [--min-weight W] [--multipliers F] | --scan [--pairs PATH] [--dev-chunks 703])
"""
import argparse
import heapq
import json

import numpy as np
import scipy.sparse as sp
from scipy.stats import spearmanr

from build_model import COMPACT_BLOCK, COMPACT_TURN_SEED, compact_levels, layer_weights, RESOURCE, WORK, dequantise, quantise, read_model, turn_for_quantisation, write_model
from evalset import debian_dev_pairs
from minilm import MODEL_DIR
from wordpiece import WordPiece

# With the 256-d table, 1536 components in all: one block of the runtime's expansion.
BUCKETS = 1280
MASK64 = (1 << 64) - 1


def document_frequencies(tokenized, vocabulary_size):
    """How many of the texts in `tokenized` contain each piece."""
    df = np.zeros(vocabulary_size)
    for ids in tokenized:
        df[np.unique(ids)] += 1
    return df


def exact_vectors(tokenized, piece_weights):
    """The lexical part before hashing: one direction per distinct piece, of the piece's
    weight, normalised (sparse rows). train.py's `--lexical` experiment trains against these."""
    distinct = [np.unique(ids) for ids in tokenized]
    rows = np.concatenate([np.full(len(pieces), i) for i, pieces in enumerate(distinct)])
    cols = np.concatenate(distinct)
    L = sp.csr_matrix((piece_weights[cols].astype(np.float32), (rows, cols)), shape=(len(tokenized), len(piece_weights)))
    norms = np.sqrt(np.asarray(L.multiply(L).sum(1)).ravel())
    return sp.diags(1.0 / np.maximum(norms, 1e-12)) @ L


def bucket_hash(piece):
    """SplitMix64's output function of the piece id: the Swift `LexicalPart.hash`."""
    z = (piece + 0x9E3779B97F4A7C15) & MASK64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return z ^ (z >> 31)


def hash_signs(count):
    """+1 or -1 per piece id: the top bit of its hash."""
    return np.array([1.0 if bucket_hash(p) >> 63 == 0 else -1.0 for p in range(count)], dtype=np.float32)


def hashed_placement(piece_weights, buckets):
    """EMBSEM04's placement, computed from the piece id alone: bucket hash mod `buckets`, sign
    the hash's top bit. Returns (bucket of each piece, signed weight of each piece)."""
    bucket_of = np.array([bucket_hash(p) % buckets for p in range(len(piece_weights))], dtype=np.uint16)
    return bucket_of, (piece_weights * hash_signs(len(piece_weights))).astype(np.float32)


def balanced_placement(df, piece_weights, buckets):
    """EMBSEM05's placement: pieces in order of expected collision load df · weight² (heaviest
    first, ties by id), each into the bucket with the least load so far (ties: lowest bucket).
    Two pieces in one bucket blur every pair of texts holding one each, in proportion to the
    product of their loads; spreading the load evenly keeps that blur small. Deterministic."""
    load = df * piece_weights.astype(np.float64) ** 2
    heap = [(0.0, b) for b in range(buckets)]
    bucket_of = np.zeros(len(piece_weights), dtype=np.uint16)
    for piece in np.argsort(-load, kind="stable"):
        total, bucket = heapq.heappop(heap)
        bucket_of[piece] = bucket
        heapq.heappush(heap, (total + load[piece], bucket))
    return bucket_of, (piece_weights * hash_signs(len(piece_weights))).astype(np.float32)


def lexical_vectors(tokenized, bucket_of, signed_weights, buckets):
    """The runtime's lexical part: each distinct piece adds its signed weight to its bucket;
    normalised (zero when every weight is zero)."""
    out = np.zeros((len(tokenized), buckets), dtype=np.float64)
    for i, ids in enumerate(tokenized):
        for piece in sorted(set(ids)):
            out[i, bucket_of[piece]] += float(signed_weights[piece])
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)


def training_statistics(tokenizer, chunk_specs, holdout):
    """(document frequencies, number of texts) over the chunks train.py trained on."""
    from train import available_chunks, chunk_set, chunk_tokens

    only = chunk_set(chunk_specs)
    chosen = [c for c in available_chunks() if c not in holdout and (only is None or c in only)]
    tokenized = [ids for c in chosen for ids in chunk_tokens(tokenizer, c)]
    return document_frequencies(tokenized, len(tokenizer.tokens)), len(tokenized)


def idf(df, count):
    """log((N + 1) / (df + 1)) for document frequencies `df` over N = `count` texts."""
    return np.log((count + 1) / (df + 1)).astype(np.float32)


def scan(path, placement, holdout, dev_chunks, pairs_file, tokenizer):
    from evaluate import retrieval, static_vectors

    tokens, table, head = read_model(path, with_head=True)
    head = {k: v for k, v in head.items() if not k.startswith("lexical")}
    ids = lambda texts: [tokenizer.ids(t) or [tokenizer.unk_id] for t in texts]
    sets = []
    for c in sorted(holdout) + list(dev_chunks):
        texts = json.loads((WORK / f"corpus_{c:04d}.json").read_text())
        y = np.load(WORK / f"corpus_{c:04d}.npy")
        sets.append((c, static_vectors(texts, tokenizer, table, head=head), lexical_vectors(ids(texts), *placement, BUCKETS), y))
    pairs = debian_dev_pairs(pairs_file)
    queries, docs = [p[1] for p in pairs], [p[2] for p in pairs]
    sq, sd = static_vectors(queries, tokenizer, table, head=head), static_vectors(docs, tokenizer, table, head=head)
    lq, ld = lexical_vectors(ids(queries), *placement, BUCKETS), lexical_vectors(ids(docs), *placement, BUCKETS)
    print(f"{'share':>5s} " + " ".join(f"{c:>6}" for c, *_ in sets) + f" {'mean':>7s} | pairs recall@1   MRR")
    for share in (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0):
        rhos = []
        for c, s, lexical, y in sets:
            o = np.concatenate([s, share * lexical], 1)
            upper = np.triu_indices(len(o), 1)
            rhos.append(spearmanr((o @ o.T)[upper], (y @ y.T)[upper]).statistic)
        recall, mrr = retrieval(*(v / np.linalg.norm(v, axis=1, keepdims=True) for v in (np.concatenate([sq, share * lq], 1), np.concatenate([sd, share * ld], 1))))
        print(f"{share:5.1f} " + " ".join(f"{r:6.3f}" for r in rhos) + f" {np.mean(rhos):7.4f} | {recall:14.3f} {mrr:6.3f}", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("model")
    parser.add_argument("--chunks", nargs="+", default=["0-546", "582-702"])
    parser.add_argument("--holdout", type=int, nargs="+", default=[19, 20, 61, 113, 582, 613])
    parser.add_argument("--share", type=float)
    parser.add_argument("--out", default=str(RESOURCE), help="the file to write (the shipped resource if not named)")
    parser.add_argument("--scan", action="store_true")
    parser.add_argument("--pairs", default=str(WORK / "pairs-debian.json"))
    parser.add_argument("--dev-chunks", type=int, nargs="*", default=[703])
    parser.add_argument("--hashed", action="store_true", help="place pieces by their hash alone (EMBSEM04, the earlier format) instead of by load")
    parser.add_argument("--bits", type=int, choices=(4, 8), default=8, help="4: the compact file (EMBSEM06, or EMBSEM07 with a second head layer): the table turned and rounded to 4 bits in blocks of 32, the most frequent pieces' rows to 8")
    parser.add_argument("--min-weight", type=float, default=0.0, help="pieces weighing less count for nothing (common words: their collisions are noise)")
    parser.add_argument("--multipliers", help="lexical_weights.py's output: each piece's weight times its learned multiplier (placement stays by the IDF weights' load)")
    args = parser.parse_args()
    tokenizer = WordPiece.from_file(MODEL_DIR / "vocab.txt")
    df, count = training_statistics(tokenizer, args.chunks, set(args.holdout))
    piece_weights = idf(df, count)
    piece_weights[piece_weights < args.min_weight] = 0.0
    print(f"piece weights over {count} training texts; {int((piece_weights == 0).sum())} pieces weigh nothing")
    placement = hashed_placement(piece_weights, BUCKETS) if args.hashed else balanced_placement(df, piece_weights, BUCKETS)
    if args.multipliers:
        multipliers = np.load(args.multipliers)
        if multipliers.shape != piece_weights.shape or not np.all(np.isfinite(multipliers)) or multipliers.min() <= 0:
            raise SystemExit(f"{args.multipliers}: expected {len(piece_weights)} positive finite multipliers")
        placement = (placement[0], (placement[1] * multipliers).astype(np.float32))
        print(f"weights times {args.multipliers}'s multipliers ({multipliers.min():.3f}..{multipliers.max():.3f})")
    if args.scan:
        scan(args.model, placement, set(args.holdout), args.dev_chunks, args.pairs, tokenizer)
        return
    if args.share is None:
        parser.error("give --share, or --scan")
    if args.hashed and args.bits == 4:
        parser.error("--hashed writes the EMBSEM04 file; the compact file (--bits 4) places its pieces by load")
    tokens, table, head = read_model(args.model, with_head=True)
    head = head or {}
    core = layer_weights(head)
    attention, basis = head.get("Q"), head.get("basis")
    if basis is not None and args.bits == 8:
        raise SystemExit(f"{args.model} is a compact model turned for 4 bits: write it with --bits 4")
    if core and "W3" in core and args.bits == 8:
        raise SystemExit(f"{args.model} has a second head layer, which only the compact file (EMBSEM07) carries: write it with --bits 4")
    if args.bits == 4 and basis is None:
        # A model on its principal axes is turned first, so that its components round alike.
        table, core, attention, basis = turn_for_quantisation(table, core, attention)
        print(f"{args.model} turned for quantisation (seed {COMPACT_TURN_SEED})")
    # A table already on the grid (every row's or block's largest is ±levels) gets the same
    # values and scales again; any other is rounded onto it here.
    q, scales = quantise(table, compact_levels(df), COMPACT_BLOCK) if args.bits == 4 else quantise(table)
    if not np.array_equal(dequantise(q, scales), table):
        print(f"{args.model}'s table rounded onto the {args.bits}-bit grid")
    write_model(args.out, tokens, q, scales, core, attention, lexical=(args.share, placement, BUCKETS), placed=not args.hashed, compact=args.bits == 4, basis=basis)
    compact_format = "EMBSEM07, with a second head layer" if core and "W3" in core else "EMBSEM06"
    layout = "hashed (EMBSEM04)" if args.hashed else f"balanced, 4-bit table, float16 ({compact_format})" if args.bits == 4 else "balanced (EMBSEM05)"
    print(f"wrote {args.out}: share {args.share}, {BUCKETS} buckets, {layout}")


if __name__ == "__main__":
    main()
