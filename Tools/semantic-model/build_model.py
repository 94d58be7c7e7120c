"""Step 2 of the generator: fit the static token vectors and write semantic-model.bin.

Reads what embed_all.py left in Tools/work/semantic/ and:
1. starts every token from MiniLM's embedding of that token alone (W0);
2. fits the token vectors W by regularised least squares so that, for each corpus sentence,
   the weighted mean of its WordPiece vectors matches MiniLM's embedding of the sentence:
       minimise  sum_s |sum_{t in s} a_t W_t / sum_{t in s} a_t - y_s|^2  +  lam * sum_t |W_t - W0_t|^2
   with SIF weights a_t = a / (a + p(t)) from the corpus piece frequencies p;
   (conjugate gradients on the normal equations; tokens the corpus never shows keep W0);
3. works in the leading principal directions of the sentence embeddings (uncentred, so
   cosines keep their level): targets and W0 are projected first, which gives the same W as
   fitting in 384 dimensions and projecting afterwards (the objective splits by column), at
   a third of the cost;
4. bakes the weight into each vector (a_t W_t: the runtime just sums and normalises),
   quantises it to int8 with its own float32 scale and writes the file
   (format: Sources/EmbeddingModel/Semantic/SemanticModelFile.swift).

Usage: python3 build_model.py [--dimensions 128] [--lam 0.01] [--smoothing 1e-3] [--out PATH] [--holdout 19 ...] [--limit N]
"""
import argparse
import json
import struct
import time
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from minilm import MODEL_DIR
from wordpiece import WordPiece

HERE = Path(__file__).resolve().parent
WORK = HERE.parent / "work" / "semantic"
RESOURCE = HERE.parent.parent / "Sources" / "EmbeddingModel" / "Resources" / "semantic-model.bin"


def load_corpus(exclude_chunks=()):
    """Every embedded corpus chunk but the excluded ones (held out for tuning/evaluation)."""
    vectors, sentences = [], []
    for path in sorted(WORK.glob("corpus_*.npy")):
        text_path = path.with_suffix(".json")
        if int(path.stem.split("_")[1]) in exclude_chunks:
            continue
        if text_path.exists():
            vectors.append(np.load(path))
            sentences.extend(json.loads(text_path.read_text()))
    return (np.concatenate(vectors) if vectors else np.zeros((0, 384), np.float32)), sentences


def token_weights(tokenized, vocab_size, smoothing):
    """SIF-style weights a / (a + p(token)): frequent pieces ("the", ",") count for little."""
    counts = np.zeros(vocab_size)
    for ids in tokenized:
        np.add.at(counts, ids, 1)
    return smoothing / (smoothing + counts / max(counts.sum(), 1))


def design_matrix(tokenized, weights, vocab_size):
    """Row s holds each token's weight over the sentence's total weight, so A @ W is the
    weighted mean the runtime computes (with the weights baked into the stored vectors)."""
    rows, cols, vals = [], [], []
    for s, ids in enumerate(tokenized):
        total = weights[ids].sum()
        for t in ids:
            rows.append(s)
            cols.append(t)
            vals.append(weights[t] / total)
    return sp.csr_matrix((vals, (rows, cols)), shape=(len(tokenized), vocab_size), dtype=np.float64)


def fit(A, Y, W0, lam, iterations=200, tolerance=1e-4):
    """Solve (A^T A + lam I) W = A^T Y + lam W0 by conjugate gradients, all columns at once."""
    AT = A.T.tocsr()
    apply = lambda X: AT @ (A @ X) + lam * X
    rhs = AT @ Y + lam * W0
    X = W0.copy()
    R = rhs - apply(X)
    P = R.copy()
    rs = (R * R).sum(0)
    start = np.sqrt(rs.sum())
    for step in range(iterations):
        AP = apply(P)
        alpha = rs / np.maximum((P * AP).sum(0), 1e-30)
        X += P * alpha
        R -= AP * alpha
        new_rs = (R * R).sum(0)
        if np.sqrt(new_rs.sum()) < tolerance * start:
            break
        P = R + P * (new_rs / np.maximum(rs, 1e-30))
        rs = new_rs
    return X, step + 1


def principal_basis(Y, dimensions):
    """The leading right-singular vectors of the (uncentred) sentence embeddings, as columns."""
    _, _, vt = np.linalg.svd(Y.astype(np.float64), full_matrices=False)
    return vt[:dimensions].T


# EMBSEM06: each row's 4-bit components come in blocks of this many, each block with its own
# scale. A row's largest component then sets the step of its own block only, which more than
# halves the 4-bit table's loss (docs/semantic-model.md, "Size").
COMPACT_BLOCK = 32
COMPACT_LEVELS = 7
# ... except the rows of the pieces most texts contain, which every text's sum meets: these
# stay 8-bit (still in blocks), for 0.77 MB (docs/semantic-model.md, "Size").
COMPACT_WIDE_ROWS = 6000


def quantise(W, levels=127, block=None):
    """Symmetric quantisation: (int8 values in -levels..levels, float32 scales); `levels` one
    number or one per row. With `block` None, one scale per row (the int8 table, levels=127);
    with `block`, one scale per `block` components of a row, shape (rows, dims / block), each a
    float16 value (the compact table: levels COMPACT_LEVELS, or 127 for its wide rows, block
    COMPACT_BLOCK; EMBSEM06 stores the scales at 16 bits)."""
    count, dims = W.shape
    width = block or dims
    blocks = W.reshape(count, dims // width, width)
    row_levels = np.broadcast_to(np.asarray(levels, np.float32), (count,))[:, None]
    scales = np.abs(blocks).max(2) / row_levels
    scales[scales == 0] = 1.0
    if block:
        scales = scales.astype(np.float16).astype(np.float32)
    bound = row_levels[:, :, None]
    q = np.clip(np.rint(blocks / scales[:, :, None]), -bound, bound).astype(np.int8).reshape(count, dims)
    return q, (scales if block else scales[:, 0]).astype(np.float32)


def compact_levels(df):
    """Each row's levels in a compact table: COMPACT_LEVELS (4 bits), 127 (8 bits) for the
    COMPACT_WIDE_ROWS pieces with the highest document frequency `df`."""
    levels = np.full(len(df), COMPACT_LEVELS, np.int32)
    levels[np.argsort(-df, kind="stable")[:COMPACT_WIDE_ROWS]] = 127
    return levels


# The seed of the rotation a compact model's table is quantised in (`turn_for_quantisation`).
COMPACT_TURN_SEED = 1


def turn_for_quantisation(table, head, attention, seed=COMPACT_TURN_SEED):
    """(table, head, attention, basis) turned by a random orthogonal R: table' = table R,
    W1' = R^T W1, W2' = W2 R, Q' = R^T Q R, so every cosine stays the same. On the principal
    axes a few leading components are large and set their blocks' 4-bit steps; turned, every
    component has the same spread, and 4-bit blocks lose about 40% less (docs/semantic-model.md,
    "Size"). `basis` = R^T takes an output back to the principal axes, so that a `dimensions`
    prefix is still the best low-rank part; EMBSEM06 stores it."""
    rng = np.random.default_rng(seed)
    R, _ = np.linalg.qr(rng.standard_normal((table.shape[1], table.shape[1])))
    return (*turned(table, head, attention, R), R.T.astype(np.float32))


def turned(table, head, attention, R):
    """(table R, head with W1' = R^T W1 and W2' = W2 R (and a second layer's W3' = R^T W3, W4' =
    W4 R), query maps R^T Q_h R), float32: the same model in the basis x -> x R, its outputs
    turned by R and so every cosine unchanged. `head` or `attention` may be None."""
    table = (table.astype(np.float64) @ R).astype(np.float32)
    if head is not None:
        inputs, outputs = ("W1", "W3"), ("W2", "W4")
        head = {name: ((R.T @ w) if name in inputs else (w @ R) if name in outputs else w).astype(np.float32) for name, w in head.items() if name in HEAD_PARTS + SECOND_LAYER_PARTS}
    if attention is not None:
        attention = np.einsum("ij,hjk,kl->hil", R.T, attention.astype(np.float64), R).astype(np.float32)
    return table, head, attention


def dequantise(q, scales):
    """The float32 table of quantise's (q, scales), whichever kind of scales."""
    if scales.ndim == 1:
        return q.astype(np.float32) * scales[:, None]
    count, dims = q.shape
    return (q.reshape(count, scales.shape[1], -1).astype(np.float32) * scales[:, :, None]).reshape(count, dims)


def fnv1a(data):
    h = 0xCBF29CE484222325
    for byte in data:
        h = ((h ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


HEAD_PARTS = ("W1", "b1", "W2")
# A second residual layer after the head, o2 = o + relu(o W3 + b3) W4 (EMBSEM07).
SECOND_LAYER_PARTS = ("W3", "b3", "W4")


def residual_layer_parts(head):
    """The names (input map, bias, output map) of each residual layer `head` holds, in the order
    they act: the head, then a second layer if there is one; none for no head."""
    return [parts for parts in (HEAD_PARTS, SECOND_LAYER_PARTS) if head and parts[0] in head]


def residual_layers(head):
    """(input map, bias, output map) of each residual layer `head` holds, in the order they act."""
    return [tuple(head[k] for k in parts) for parts in residual_layer_parts(head)]


def layer_weights(head):
    """The residual layers' weights alone (no query maps, basis or lexical part), or None."""
    return {k: head[k] for k in HEAD_PARTS + SECOND_LAYER_PARTS if k in head} if head and "W1" in head else None


def pack_nibbles(q):
    """Two 4-bit two's-complement components per byte, the even one in the low nibble."""
    assert q.shape[1] % 2 == 0 and (q.size == 0 or (q.min() >= -8 and q.max() <= 7)), "a 4-bit table needs an even width and values in -8..7"
    nibbles = q.astype(np.uint8) & 0xF
    return (nibbles[:, 0::2] | (nibbles[:, 1::2] << 4)).astype(np.uint8)


def unpack_nibbles(packed, count, dims):
    """The int8 components of pack_nibbles' bytes, a (count, dims) array."""
    packed = packed.reshape(count, dims // 2)
    q = np.empty((count, dims), np.int8)
    q[:, 0::2] = (packed << 4).view(np.int8) >> 4
    q[:, 1::2] = packed.view(np.int8) >> 4
    return q


def write_model(path, tokens, q, scales, head=None, attention=None, lexical=None, placed=False, compact=False, basis=None):
    """The resource: EMBSEM01 for a table alone; EMBSEM02 adds the head's width to the header
    and its float32 weights (W1: dims x width, b1: width, W2: width x dims) after the vectors;
    EMBSEM03 (with `attention`, rounds x dims x dims) adds the number of attention rounds to the
    header and their float32 query maps after the head (a width of 0: no head); EMBSEM04 (with
    `lexical`, (share, (bucket of each token, signed weight of each token), buckets)) adds the
    lexical part's bucket count and share (float32) to the header and the tokens' float32
    lexical weights at the end (0 rounds: no attention; the buckets and signs must be the hash's,
    lexical.hashed_placement); EMBSEM05 (`placed`) stores the weights with their signs and then
    each token's bucket as a u16, so any placement works (lexical.balanced_placement); EMBSEM06
    (`compact`) has the EMBSEM05 header, the table's components 4 bits each (q in -8..7,
    pack_nibbles) except the wide rows' (any row with a value beyond -8..7: 8 bits), with one
    scale per COMPACT_BLOCK components of a row (scales of shape (tokens, dims /
    COMPACT_BLOCK)), and every float after the vocabulary (scales, head, query
    maps, lexical weights) float16: under two thirds of the size; EMBSEM07 is EMBSEM06 with a
    second residual layer (W3, b3, W4 in `head`: dims x width2, width2, width2 x dims), its width
    last in the header and its weights right after the head's. In EMBSEM06 any part may be absent
    (width, rounds or buckets 0); its lexical part is placed; its header ends with the size of
    `basis` (0 or dims), a dims x dims map stored after the query maps that turns the semantic
    output onto its principal axes (turn_for_quantisation), and the number of wide rows. The
    table is then: the wide rows' ids (u32, ascending), the other rows packed two components a
    byte, the wide rows one byte a component."""
    second = head is not None and "W3" in head
    if second and not compact:
        raise ValueError("only the compact format (EMBSEM07) carries a second head layer")
    if compact and lexical is not None and not placed:
        raise ValueError("EMBSEM06's lexical part is placed")
    if compact and scales.shape != (q.shape[0], q.shape[1] // COMPACT_BLOCK):
        raise ValueError(f"EMBSEM06 has one scale per {COMPACT_BLOCK} components of a row")
    real = "<f2" if compact else "<f4"
    vocabulary = "\n".join(tokens).encode("utf-8")
    if compact:
        wide = np.flatnonzero((q < -8).any(1) | (q > 7).any(1))
        narrow = np.setdiff1d(np.arange(len(q)), wide)
        table = wide.astype("<u4").tobytes() + pack_nibbles(q[narrow]).tobytes() + q[wide].tobytes()
    else:
        table = q.tobytes()
    body = vocabulary + scales.astype(real).tobytes() + table
    if head is not None:
        body += b"".join(np.ascontiguousarray(head[k], dtype=real).tobytes() for k in HEAD_PARTS + (SECOND_LAYER_PARTS if second else ()))
    width = 0 if head is None else head["b1"].shape[0]
    if attention is not None:
        body += np.ascontiguousarray(attention, dtype=real).tobytes()
    if basis is not None:
        if not compact:
            raise ValueError("only EMBSEM06 carries an output basis")
        body += np.ascontiguousarray(basis, dtype=real).tobytes()
    rounds = 0 if attention is None else attention.shape[0]
    share, buckets = 0.0, 0
    if lexical is not None:
        share, (bucket_of, signed_weights), buckets = lexical
        if placed:
            body += np.ascontiguousarray(signed_weights, dtype=real).tobytes() + np.ascontiguousarray(bucket_of, dtype="<u2").tobytes()
        else:
            body += np.ascontiguousarray(np.abs(signed_weights), dtype="<f4").tobytes()
    if compact or lexical is not None:
        magic = b"EMBSEM07" if second else b"EMBSEM06" if compact else b"EMBSEM05" if placed else b"EMBSEM04"
        header = magic + struct.pack("<IIIIIIf", len(tokens), q.shape[1], len(vocabulary), width, rounds, buckets, share)
        if compact:
            header += struct.pack("<II", 0 if basis is None else q.shape[1], len(wide))
        if second:
            header += struct.pack("<I", head["b3"].shape[0])
    elif attention is not None:
        header = b"EMBSEM03" + struct.pack("<IIIII", len(tokens), q.shape[1], len(vocabulary), width, attention.shape[0])
    elif head is None:
        header = b"EMBSEM01" + struct.pack("<III", len(tokens), q.shape[1], len(vocabulary))
    else:
        header = b"EMBSEM02" + struct.pack("<IIII", len(tokens), q.shape[1], len(vocabulary), width)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_bytes(header + struct.pack("<Q", fnv1a(body)) + body)


def read_model(path, with_head=False):
    """(tokens, dequantised vectors) of a semantic-model.bin, exactly as the Swift code reads it;
    with `with_head`, also the head's weights (and a second layer's), the attention's query maps as "Q", a compact
    file's output basis as "basis", and the lexical part as "lexical_share", "lexical_buckets", "lexical_weights" (signed) and
    "lexical_bucket_of" (for EMBSEM04, computed from the hash as the Swift code does); None for
    an EMBSEM01 file."""
    raw = Path(path).read_bytes()
    rounds, share = 0, 0.0
    compact = raw[:8] in (b"EMBSEM06", b"EMBSEM07")
    real, real_size = ("<f2", 2) if compact else ("<f4", 4)

    def reals(count, offset):
        return np.frombuffer(raw, real, count, offset).astype(np.float32)

    basis_size = second_width = 0
    if raw[:8] == b"EMBSEM07":
        count, dims, vocab_len, width, rounds, buckets, share, basis_size, wide_count, second_width, checksum = struct.unpack("<IIIIIIfIIIQ", raw[8:56])
        header = 56
    elif compact:
        count, dims, vocab_len, width, rounds, buckets, share, basis_size, wide_count, checksum = struct.unpack("<IIIIIIfIIQ", raw[8:52])
        header = 52
    elif raw[:8] in (b"EMBSEM04", b"EMBSEM05"):
        count, dims, vocab_len, width, rounds, buckets, share, checksum = struct.unpack("<IIIIIIfQ", raw[8:44])
        header = 44
    elif raw[:8] == b"EMBSEM03":
        count, dims, vocab_len, width, rounds, checksum = struct.unpack("<IIIIIQ", raw[8:36])
        header = 36
    elif raw[:8] == b"EMBSEM02":
        count, dims, vocab_len, width, checksum = struct.unpack("<IIIIQ", raw[8:32])
        header = 32
    else:
        count, dims, vocab_len, checksum = struct.unpack("<IIIQ", raw[8:28])
        width, header = 0, 28
    tokens = raw[header : header + vocab_len].decode("utf-8").split("\n")
    scale_count = count * dims // COMPACT_BLOCK if compact else count
    scales = reals(scale_count, header + vocab_len)
    start = header + vocab_len + real_size * scale_count
    table_bytes = 4 * wide_count + (count - wide_count) * dims // 2 + wide_count * dims if compact else count * dims
    if compact:
        wide = np.frombuffer(raw, "<u4", wide_count, start).astype(np.int64)
        narrow = np.setdiff1d(np.arange(count), wide)
        packed_start = start + 4 * wide_count
        packed_bytes = len(narrow) * dims // 2
        q = np.empty((count, dims), np.int8)
        q[narrow] = unpack_nibbles(np.frombuffer(raw, np.uint8, packed_bytes, packed_start), len(narrow), dims)
        q[wide] = np.frombuffer(raw, np.int8, wide_count * dims, packed_start + packed_bytes).reshape(wide_count, dims)
        scales = scales.reshape(count, dims // COMPACT_BLOCK)
    else:
        q = np.frombuffer(raw, np.int8, count * dims, start).reshape(count, dims)
    table = dequantise(q, scales)
    if not with_head:
        return tokens, table
    head = None
    offset = start + table_bytes
    if width:
        shapes = {"W1": (dims, width), "b1": (width,), "W2": (width, dims), "W3": (dims, second_width), "b3": (second_width,), "W4": (second_width, dims)}
        head = {}
        for name in HEAD_PARTS + (SECOND_LAYER_PARTS if second_width else ()):
            size = int(np.prod(shapes[name]))
            head[name] = reals(size, offset).reshape(shapes[name])
            offset += real_size * size
    if rounds:
        head = head or {}
        head["Q"] = reals(rounds * dims * dims, offset).reshape(rounds, dims, dims)
        offset += real_size * rounds * dims * dims
    if basis_size:
        head = head or {}
        head["basis"] = reals(dims * dims, offset).reshape(dims, dims)
        offset += real_size * dims * dims
    if share:
        head = head or {}
        head["lexical_share"] = share
        head["lexical_buckets"] = buckets
        weights = reals(count, offset)
        if raw[:8] in (b"EMBSEM05", b"EMBSEM06", b"EMBSEM07"):
            head["lexical_weights"] = weights
            head["lexical_bucket_of"] = np.frombuffer(raw, "<u2", count, offset + real_size * count)
        else:
            from lexical import hashed_placement

            head["lexical_bucket_of"], head["lexical_weights"] = hashed_placement(weights, buckets)
    return tokens, table, head


def build(dimensions, lam, holdout=(19,), out=RESOURCE, log=print, smoothing=1e-3, limit=None, bias=0.0):
    started = time.time()
    tokenizer = WordPiece.from_file(MODEL_DIR / "vocab.txt")
    W0 = np.load(WORK / "vocab_alone.npy").astype(np.float64)
    Y, sentences = load_corpus(set(holdout))
    if limit:
        Y, sentences = Y[:limit], sentences[:limit]
    log(f"corpus: {len(sentences)} sentences")
    tokenized = [tokenizer.ids(text) or [tokenizer.unk_id] for text in sentences]
    weights = token_weights(tokenized, len(tokenizer.tokens), smoothing) if smoothing > 0 else np.ones(len(tokenizer.tokens))
    if bias:
        # [CLS] joins every sentence as a fitted constant term (the runtime adds its row to
        # every sum), with the weight of one ordinary rare piece.
        tokenized = [ids + [tokenizer.cls_id] for ids in tokenized]
        weights[tokenizer.cls_id] = bias
    else:
        weights[tokenizer.cls_id] = 0.0
    A = design_matrix(tokenized, weights, len(tokenizer.tokens))
    basis = principal_basis(Y, dimensions)
    W, steps = fit(A, Y.astype(np.float64) @ basis, W0 @ basis, lam)
    log(f"fit: lam={lam}, smoothing={smoothing}, {steps} CG steps, {time.time() - started:.0f}s")
    q, scales = quantise(W * weights[:, None])
    write_model(out, tokenizer.tokens, q, scales)
    log(f"wrote {out} ({Path(out).stat().st_size / 1e6:.1f} MB), {time.time() - started:.0f}s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--dimensions", type=int, default=128)
    parser.add_argument("--lam", type=float, default=0.01)
    parser.add_argument("--holdout", type=int, nargs="*", default=[19], help="corpus chunks left out of the fit")
    parser.add_argument("--bias", type=float, default=0.0, help="weight of the [CLS] constant term; 0 = none")
    parser.add_argument("--limit", type=int, help="fit on the first N sentences only")
    parser.add_argument("--smoothing", type=float, default=1e-3, help="SIF a; 0 = plain mean")
    parser.add_argument("--out", default=str(RESOURCE))
    args = parser.parse_args()
    build(args.dimensions, args.lam, args.holdout, args.out, smoothing=args.smoothing, limit=args.limit, bias=args.bias)
