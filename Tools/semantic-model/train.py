"""Step 3 of the generator: refine the least-squares table by gradient descent on what is
measured, the teacher's cosines (relational distillation), and train the pooling head.

The runtime function: a text's vector u is the sum of its pieces' rows plus the `[CLS]` row,
normalised; with context weighting (`--attention R`, R rounds) each round sums the rows again,
piece x weighted by exp(clip(x . (u Q_r), +-6)), and normalises; with a head (`--hidden W`)
the output is o = unit(u + relu(u W1 + b1) W2); with a second layer (`--second W2`), that o
goes through one more, unit(o + relu(o W3 + b3) W4), and the file is EMBSEM07 (compact).
Starting from build_model.py's least-squares table (weights baked in), Adam minimises over
minibatches of corpus texts either

    mean_ij (o_i . o_j - y_i . y_j)^2            (default)
    -corr_ij(o_i . o_j, y_i . y_j)               (--pearson: order and spread, not level)

plus mu * mean_i |o_i - unit(y_i P)|^2, where y are MiniLM's unit vectors and P a least-squares
map from the teacher's space into the starting student's (the "anchor": it keeps the axes
where the starting fit put them). A row's length is its weight in the sum, so per-token
weights are learned too. The learning rates decay linearly to zero; the best epoch by the
held-out chunks' mean Spearman is kept. Then table, head and query maps are rotated onto the
principal axes of the output vectors (no cosine changes; a short `dimensions` prefix is the
best low-rank part), the table quantised to int8, and the file written.

Chooses nothing on the man pages: it reports the Spearman of held-out corpus chunks each epoch.
`--pair-bits` and `--features` are experiments that only print scores (see docs/semantic-model.md).
`--contrastive W` adds W times a symmetric in-batch contrastive loss on pairs.py's
summary/description pairs (it reports retrieval on the pairs it holds out); with `--soft-pairs T`
its targets are MiniLM's own in-batch distribution at temperature T (it keeps Spearman where the
one-hot target costs it); `--technical-only GENERAL_CHUNKS` lets only the rows of technical
pieces learn (`technical_rows`), which with the head and query map held keeps every text of
everyday words where it was: the shipped model's last step (docs/semantic-model.md);
`--general-rows-lr R` lets the other rows learn at rate R too (an experiment: it brings the
drift back). `--twice CHUNKS` visits those chunks' texts twice an epoch (more weight to a kind
of text; an experiment). `--resume` goes on from a whole model (table, head, query maps)
instead of a least-squares table; a wider `--hidden` than the model's keeps its units and adds
new ones that start silent. `--compact-grid` (an experiment, with `--resume` from a compact
file) trains the table as rounded for that file and writes a compact file in the same basis.
`--keep W` pulls the texts of `--keep-chunks` (by default the general-English ones) towards
the starting model's own outputs, weight W, so that a model trained further keeps everyday
texts where they were (the shipped model's second layer was trained with it). `--keep-fragments W`
holds 100,000 runs of two to six words cut from those texts the same way, so short everyday
requests stay where they were too (the shipped model's last step: the pair term on every weight
with both held); `--keep-pieces W` holds each everyday piece alone (an experiment: it did not
hold the requests). `--lexical S`
(an experiment, with `--pearson`) scores the batch's cosines with lexical.py's exact part
beside the output at share S, so the table learns around it; the file then carries the part.
Usage: python3 train.py --init PATH [--out PATH] [--holdout 19 20 61 113] [--epochs 6]
       [--lr 1e-2] [--hidden 256 [--second 256]] [--head-lr 3e-3] [--pearson] [--attention 1] [--keep W] [--keep-fragments W]
       [--last-chunk N | --chunks 0-546 582-662] [--twice 61-112] [--resume [--compact-grid]] [--contrastive W [--soft-pairs T] [--pairs PATH] [--technical-only 61-112 ...]] [--lexical S]
"""
import argparse
import json
import time
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from scipy.stats import spearmanr

import lexical as lexical_part
from build_model import COMPACT_BLOCK, HEAD_PARTS, RESOURCE, SECOND_LAYER_PARTS, WORK, compact_levels, dequantise, layer_weights, quantise, read_model, residual_layer_parts, residual_layers, turned, write_model
from minilm import MODEL_DIR, MiniLM
from wordpiece import WordPiece

TOKEN_CACHE = WORK / "tokens"


def chunk_tokens(tokenizer, index):
    """The piece ids of one corpus chunk's sentences (cached: tokenising is the slow part)."""
    TOKEN_CACHE.mkdir(exist_ok=True)
    cache = TOKEN_CACHE / f"corpus_{index:04d}.json"
    if cache.exists():
        return json.loads(cache.read_text())
    texts = json.loads((WORK / f"corpus_{index:04d}.json").read_text())
    ids = [tokenizer.ids(t) or [tokenizer.unk_id] for t in texts]
    cache.write_text(json.dumps(ids))
    return ids


def available_chunks():
    return sorted(int(p.stem.split("_")[1]) for p in WORK.glob("corpus_*.npy") if p.with_suffix(".json").exists())


def pair_bucket(first, second, bits):
    """The pair table's row for two adjacent pieces: Fibonacci hashing of first * 2^32 + second
    (the Swift runtime computes the same, in wrapping UInt64 arithmetic)."""
    key = ((first << 32) | second) * 0x9E3779B97F4A7C15 & 0xFFFFFFFFFFFFFFFF
    return key >> (64 - bits)


def pooling_matrix(tokenized, cls_id, vocab_size, pair_bits=0):
    """Row s counts sentence s's pieces, plus one [CLS]: A @ E is the runtime's sum. With
    `pair_bits`, also each adjacent pair of pieces, in columns vocab_size + its bucket."""
    rows, cols = [], []
    for s, ids in enumerate(tokenized):
        pairs = [vocab_size + pair_bucket(a, b, pair_bits) for a, b in zip(ids, ids[1:])] if pair_bits else []
        rows.extend([s] * (len(ids) + 1 + len(pairs)))
        cols.extend(ids)
        cols.append(cls_id)
        cols.extend(pairs)
    vals = np.ones(len(rows), dtype=np.float32)
    width = vocab_size + (1 << pair_bits if pair_bits else 0)
    return sp.csr_matrix((vals, (rows, cols)), shape=(len(tokenized), width), dtype=np.float32)


def unit(m):
    return m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-12)


class FlatTokens:
    """Every text's piece ids in one array, so a batch's pieces can be gathered at once."""

    def __init__(self, tokenized):
        self.lengths = np.array([len(t) for t in tokenized], dtype=np.int64)
        self.offsets = np.concatenate([[0], np.cumsum(self.lengths)])
        self.ids = np.fromiter((i for t in tokenized for i in t), dtype=np.int64, count=int(self.offsets[-1]))

    def batch(self, idx):
        """(piece ids, the batch row of each piece) for the texts idx, in order."""
        lengths = self.lengths[idx]
        starts = self.offsets[idx]
        rows = np.repeat(np.arange(len(idx)), lengths)
        positions = np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        return self.ids[np.repeat(starts, lengths) + positions], rows


def attention_pool(E, Q, cls_id, ids, rows, count):
    """Context-weighted pooling in rounds: raw_0 = sum of the pieces' rows + [CLS]; round r
    weights each piece x by exp(clip(x . (unit(raw_r) Q_r), -6, 6)) and sums again with [CLS]:
    raw_{r+1}. Q = 0 is the plain sum. Returns what the backward pass needs and the last sum."""
    X = E[ids]
    starts = np.searchsorted(rows, np.arange(count))
    raw = np.add.reduceat(X, starts, axis=0) + E[cls_id]
    states = []
    for Qr in Q:
        norm = np.maximum(np.linalg.norm(raw, axis=1, keepdims=True), 1e-12)
        u = raw / norm
        q = u @ Qr
        s = (X * q[rows]).sum(1)
        inside = np.abs(s) < 6.0
        w = np.exp(np.clip(s, -6.0, 6.0)).astype(X.dtype)
        states.append((norm, u, q, w, inside))
        raw = np.add.reduceat(X * w[:, None], starts, axis=0) + E[cls_id]
    return X, starts, states, raw


def attention_backward(X, starts, rows, states, Q, grad_raw):
    """Gradients of attention_pool's last sum: (per piece, of the [CLS] row, of every Q_r)."""
    grad_X = np.zeros_like(X)
    grad_cls = np.zeros(X.shape[1], X.dtype)
    grad_Q = np.zeros_like(Q)
    g = grad_raw
    for r in range(len(Q) - 1, -1, -1):
        norm, u, q, w, inside = states[r]
        per_piece = g[rows]
        grad_X += w[:, None] * per_piece
        grad_cls += g.sum(0)
        grad_s = (X * per_piece).sum(1) * w * inside
        grad_q = np.add.reduceat(X * grad_s[:, None], starts, axis=0)
        grad_Q[r] = u.T @ grad_q
        grad_X += grad_s[:, None] * q[rows]
        grad_u = grad_q @ Q[r].T
        g = (grad_u - u * (u * grad_u).sum(1, keepdims=True)) / norm
    grad_X += g[rows]
    grad_cls += g.sum(0)
    return grad_X, grad_cls, grad_Q


class HeldOut:
    """Spearman of the student's pairwise cosines against MiniLM's, on corpus chunks the fit
    never sees."""

    def __init__(self, tokenizer, chunks, pair_bits=0):
        self.sets = []
        self.flats = []
        self.lexical = []
        self.cls_id = tokenizer.cls_id
        for c in chunks:
            tokens = chunk_tokens(tokenizer, c)
            y = np.load(WORK / f"corpus_{c:04d}.npy")
            upper = np.triu_indices(len(tokens), 1)
            self.sets.append((c, pooling_matrix(tokens, tokenizer.cls_id, len(tokenizer.tokens), pair_bits), upper, (y @ y.T)[upper]))
            self.flats.append(tokens)

        # "mix": the first 500 texts of every held-out chunk together, so that pairs of a short
        # and a long text, or a technical and a plain one, are ranked against each other too.
        if len(self.sets) > 1:
            A = sp.vstack([s[1][:500] for s in self.sets]).tocsr()
            y = np.concatenate([np.load(WORK / f"corpus_{c:04d}.npy")[:500] for c in chunks])
            upper = np.triu_indices(A.shape[0], 1)
            self.sets.append(("mix", A, upper, (y @ y.T)[upper]))
            self.flats.append([t for tokens in self.flats for t in tokens[:500]])
        self.flats = [FlatTokens(t) for t in self.flats]

    def use_lexical(self, weights, share):
        """From now on score the outputs with the lexical part `share` beside them."""
        self.lexical = []
        for (_, _, upper, _), flat in zip(self.sets, self.flats):
            L = lexical_part.exact_vectors([flat.ids[s:e] for s, e in zip(flat.offsets[:-1], flat.offsets[1:])], weights)
            self.lexical.append(share * share * (L @ L.T).toarray()[upper])

    def scores(self, table, head=None, Q=None):
        out = {}
        for index, ((c, A, upper, teacher), flat) in enumerate(zip(self.sets, self.flats)):
            if Q is not None:
                everything = np.arange(len(flat.lengths))
                ids, rows = flat.batch(everything)
                raw = attention_pool(table, Q, self.cls_id, ids, rows, len(everything))[-1]
            else:
                raw = A @ table
            u = apply_head(head, unit(raw), text_features(A, raw))
            cosines = (u @ u.T)[upper]
            if self.lexical:
                cosines = cosines + self.lexical[index]
            out[c] = spearmanr(cosines, teacher).statistic
        return out


def adam_head(head, grads, step, lr, rates=None):
    """One Adam step on the head's and attention's weights: `lr`, or `rates[name]` where given
    (0 leaves a part as it is)."""
    for name, g in grads.items():
        lr_name = (rates or {}).get(name, lr)
        m, v = head["m_" + name], head["v_" + name]
        m *= 0.9
        m += 0.1 * g
        v *= 0.999
        v += 0.001 * g * g
        head[name] -= lr_name * np.sqrt(1 - 0.999**step) / (1 - 0.9**step) * m / (np.sqrt(v) + 1e-8)


def pearson_gradient(o, y, fixed=None):
    """Gradient of -corr(student cosines, teacher cosines) over the batch's off-diagonal pairs:
    only the order and spread of the cosines matter, not their level (Spearman's view).
    `fixed` (n x n) is added to the student's cosines and not trained: the lexical part's."""
    n = len(o)
    off = ~np.eye(n, dtype=bool)
    a = (o @ o.T if fixed is None else o @ o.T + fixed)[off]
    b = (y @ y.T)[off]
    a = a - a.mean()
    b = b - b.mean()
    na, nb = np.linalg.norm(a), np.linalg.norm(b)
    corr = a @ b / (na * nb)
    g = np.zeros((n, n), np.float32)
    g[off] = -(b / nb - corr * a / na) / na
    return 2.0 * (g @ o)


def softmax(logits, axis):
    e = np.exp(logits - logits.max(axis, keepdims=True))
    return e / e.sum(axis, keepdims=True)


def info_nce_gradient(o, temperature, teacher=None, teacher_temperature=0.05):
    """Gradient of the symmetric in-batch contrastive loss on k pairs (rows 0..k-1 the
    summaries, k..2k-1 their descriptions): cross-entropy of each summary finding its own
    description among the k, and each description its summary, at cosine / temperature.
    With `teacher` (MiniLM's unit vectors of the same 2k texts) the target is not each text's
    own partner but the teacher's in-batch distribution at `teacher_temperature`: the student
    learns the teacher's ranking at the top of each list, near misses included, instead of
    pushing every other text away."""
    k = len(o) // 2
    queries, docs = o[:k], o[k:]
    logits = queries @ docs.T / temperature
    if teacher is None:
        target_rows = target_cols = np.eye(k)
    else:
        teacher_logits = teacher[:k] @ teacher[k:].T / teacher_temperature
        target_rows, target_cols = softmax(teacher_logits, 1), softmax(teacher_logits, 0)
    grad_logits = ((softmax(logits, 1) - target_rows) + (softmax(logits, 0) - target_cols)) / (2 * k * temperature)
    return np.concatenate([grad_logits @ docs, grad_logits.T @ queries]).astype(np.float32)


def pair_teacher_vectors(pairs_file):
    """MiniLM's unit vectors of every text of pairs.py's file, summary then description of each
    pair (cached beside the corpus: embedding ~95,000 texts takes a quarter of an hour)."""
    pairs_file = Path(pairs_file)
    cache = WORK / f"{pairs_file.stem.replace('-', '_')}_minilm_all.npy"
    if not cache.exists():
        np.save(cache, MiniLM().encode([text for pair in json.loads(pairs_file.read_text()) for text in pair]))
    return np.load(cache)


def new_head(dimensions, hidden, rng, features=False, second=0):
    """A residual ReLU layer after pooling: z = u + relu(u W1 + b1) W2, starting as identity;
    with `second`, a second one of that width on the normalised output o, o + relu(o W3 + b3)
    W4, also starting as identity."""
    head = {"W1": (rng.standard_normal((dimensions, hidden)) / np.sqrt(dimensions)).astype(np.float32),
            "b1": np.zeros(hidden, np.float32), "W2": np.zeros((hidden, dimensions), np.float32)}
    if features:
        head["Wf"] = np.zeros((2, hidden), np.float32)
    if second:
        head.update(W3=(rng.standard_normal((dimensions, second)) / np.sqrt(dimensions)).astype(np.float32),
                    b3=np.zeros(second, np.float32), W4=np.zeros((second, dimensions), np.float32))
    for name in list(head):
        head["m_" + name] = np.zeros_like(head[name])
        head["v_" + name] = np.zeros_like(head[name])
    return head


def carry_layer(head, start, parts, width_limit, what, option):
    """Copies a resumed model's residual layer `parts` (input map, bias, output map) into the
    first units of `head`'s; the new layer must be at least as wide (`option` sets its width)."""
    inputs, bias, outputs = parts
    width = start[bias].shape[0]
    if width > width_limit:
        raise SystemExit(f"{what} {width} wide: {option} must be at least that")
    head[inputs][:, :width] = start[inputs]
    head[bias][:width] = start[bias]
    head[outputs][:width] = start[outputs]


def text_features(A, raw):
    """What the head sees besides the direction: log(1 + pieces) and log |sum| (how long the
    text is and how much its pieces agree), both lost when the sum is normalised."""
    pieces = np.asarray(A.sum(1)).ravel() - 1.0  # minus the [CLS] constant
    return np.stack([np.log1p(pieces), np.log(np.maximum(np.linalg.norm(raw, axis=1), 1e-12))], 1).astype(np.float32)


def apply_head(head, u, features=None):
    """The residual layers on the unit sums `u` (the head sees `features` too, if it has Wf)."""
    o = u
    for index, (w_in, bias, w_out) in enumerate(residual_layers(head)):
        hidden = o @ w_in + bias
        if index == 0 and "Wf" in head and features is not None:
            hidden = hidden + features @ head["Wf"]
        o = unit(o + np.maximum(hidden, 0) @ w_out)
    return o


def principal_turn(E, head, Q, cls_id, sample_tokens):
    """(table, head, query maps) turned onto the principal axes of the model's output vectors
    over `sample_tokens`: cosines unchanged, a short prefix is the best low-rank part. The head
    and the attention turn with the table (build_model.turned)."""
    if Q is not None:
        sample_raw = attention_pool(E, Q, cls_id, *FlatTokens(sample_tokens).batch(np.arange(len(sample_tokens))), len(sample_tokens))[-1]
    else:
        sample_raw = pooling_matrix(sample_tokens, cls_id, E.shape[0]) @ E
    _, _, vt = np.linalg.svd(apply_head(head, unit(sample_raw)).astype(np.float64), full_matrices=False)
    return turned(E, head, Q, vt.T)


def on_compact_grid(E, levels):
    """The table as a compact file stores it: each row rounded in blocks of COMPACT_BLOCK to
    `levels` (4 bits, or 8 for the wide rows), float16 scales."""
    return dequantise(*quantise(E, levels, COMPACT_BLOCK))


def train(init, out, holdout, epochs, lr, batch, mu, limit, decay, hidden=0, head_lr=1e-3, last_chunk=None, pair_bits=0, features=False, pearson=False, log=print, seed=5, attention=0, attention_lr=3e-3, resume=False, contrastive=0.0, temperature=0.05, pair_batch=256, held_pair_count=800, only_chunks=None, pairs_file=WORK / "pairs.json", lexical=0.0, soft_pairs=0.0, twice_chunks=None, general_chunks=None, general_rows_lr=0.0, compact_grid=False, second=0, second_lr=None, keep=0.0, keep_chunks=None, keep_pieces=0.0, keep_fragments=0.0):
    started = time.time()
    tokenizer = WordPiece.from_file(MODEL_DIR / "vocab.txt")
    _, table, start_head = read_model(init, with_head=True)
    E = table.astype(np.float32).copy()
    E0 = E.copy()
    chunks = [c for c in available_chunks() if c not in holdout and (last_chunk is None or c <= last_chunk) and (only_chunks is None or c in only_chunks)]
    tokenized, targets, repeated, general, kept = [], [], [], [], []
    for c in chunks:
        first = len(tokenized)
        tokenized.extend(chunk_tokens(tokenizer, c))
        if general_chunks is not None:
            general.extend([c in general_chunks] * (len(tokenized) - first))
        if keep or keep_pieces or keep_fragments:
            kept.extend([c in keep_chunks] * (len(tokenized) - first))
        targets.append(np.load(WORK / f"corpus_{c:04d}.npy"))
        if twice_chunks and c in twice_chunks:
            repeated.append(np.arange(first, len(tokenized)))
    Y = np.concatenate(targets).astype(np.float32)
    if limit:
        tokenized, Y = tokenized[:limit], Y[:limit]
    # Each epoch visits every text once and the texts of `twice_chunks` a second time.
    epoch_texts = np.concatenate([np.arange(len(tokenized))] + [r[r < len(tokenized)] for r in repeated])
    A = pooling_matrix(tokenized, tokenizer.cls_id, len(tokenizer.tokens), pair_bits)
    # With `compact_grid` (from a compact file, in its turned basis): every step sees the table
    # rounded as the compact file will store it, and its gradient moves the unrounded `master`
    # (straight through), so the fit is made for the rounded table it ships as.
    grid_levels = master = None
    if compact_grid:
        if not resume or start_head is None or "basis" not in start_head:
            raise SystemExit(f"--compact-grid goes on (--resume) from a compact file (lexical.py --bits 4); {init} is not one, or --resume is missing")
        grid_levels = compact_levels(lexical_part.document_frequencies(tokenized, len(tokenizer.tokens)))
        master = E
        log(f"on the compact grid: {int((grid_levels == 127).sum())} rows at 8 bits, the rest at 4")
    # With `general_chunks`, the technical pieces' rows learn at `lr` and every other row's steps
    # are scaled to `general_rows_lr` (0: they stay as they are).
    row_scale = None
    if general_chunks is not None:
        moving = technical_rows(tokenized, np.array(general[: len(tokenized)]), len(tokenizer.tokens))
        row_scale = np.full(E.shape[0], general_rows_lr / lr, np.float32)
        row_scale[moving] = 1.0
        log(f"the rows of {len(moving)} technical pieces learn at {lr}, the other {E.shape[0] - len(moving)} at {general_rows_lr}")
    if pair_bits:
        E = np.vstack([E, np.zeros((1 << pair_bits, E.shape[1]), np.float32)])
        E0 = E.copy()
    held = HeldOut(tokenizer, holdout, pair_bits)
    log(f"{len(tokenized)} sentences from {len(chunks)} chunks" + (f" ({len(epoch_texts) - len(tokenized)} seen twice an epoch)" if len(epoch_texts) > len(tokenized) else "") + f"; held out {holdout}; {time.time() - started:.0f}s")
    lexical_rows = lexical_weight_table = lexical_df = None
    if lexical:
        if not pearson:
            raise SystemExit("--lexical needs --pearson")
        lexical_df = lexical_part.document_frequencies(tokenized, len(tokenizer.tokens))
        lexical_weight_table = lexical_part.idf(lexical_df, len(tokenized))
        lexical_rows = lexical_part.exact_vectors(tokenized, lexical_weight_table)
        held.use_lexical(lexical_weight_table, lexical)
        log(f"lexical part beside the output, share {lexical}; {time.time() - started:.0f}s")
    log(f"start: " + ", ".join(f"chunk {c} {s:.3f}" for c, s in held.scores(E).items()))

    # Anchor: each teacher vector mapped linearly into the student's space (least squares
    # over a sample), so the student's axes stay where the initial fit put them.
    sample = slice(0, min(len(tokenized), 20000))
    P = np.linalg.lstsq(Y[sample], unit(A[sample] @ E), rcond=None)[0].astype(np.float32)
    anchor = unit(Y @ P)

    rng = np.random.default_rng(seed)
    total_steps = epochs * (len(epoch_texts) // batch)
    if second and not hidden:
        raise SystemExit("--second is a layer after the head: give --hidden too")
    head = new_head(E.shape[1], hidden, rng, features, second) if hidden else None
    flat = FlatTokens(tokenized) if attention else None
    Q = (0.3 / E.shape[1] * rng.standard_normal((attention, E.shape[1], E.shape[1]))).astype(np.float32) if attention else None
    if resume:
        # Go on from a whole model (table, head and query maps), e.g. the shipped one.
        # A wider --hidden keeps the model's units first; the new ones start with W2 = 0 (as a
        # new head does), so the output is unchanged until they learn.
        carry_layer(head, start_head, HEAD_PARTS, hidden, f"{init} has a head", "--hidden")
        # A second layer goes on the same way; one the model lacks starts as identity (W4 = 0).
        if "W3" in start_head:
            carry_layer(head, start_head, SECOND_LAYER_PARTS, second, f"{init} has a second head layer", "--second")
        Q = start_head["Q"].astype(np.float32).copy()
    all_pairs = json.loads(Path(pairs_file).read_text()) if contrastive else []
    held_pairs, train_pairs = all_pairs[:held_pair_count], all_pairs[held_pair_count:]
    pair_teacher = pair_teacher_vectors(pairs_file)[2 * held_pair_count :] if contrastive and soft_pairs else None
    if attention:
        head = head or {}
        head["Q"] = Q
        head["m_Q"], head["v_Q"] = np.zeros_like(Q), np.zeros_like(Q)
    m, v = np.zeros_like(E), np.zeros_like(E)
    step = 0
    best = (-1.0, E.copy(), None)
    cls_id = tokenizer.cls_id

    def forward(rows_of, flat_of, idx):
        """The runtime function on the texts idx: (unit outputs, what backward needs)."""
        cache = {"idx": idx, "A": rows_of[idx]}
        if attention:
            ids, rows = flat_of.batch(idx)
            X, starts, states, raw = attention_pool(E, head["Q"], cls_id, ids, rows, len(idx))
            cache.update(ids=ids, rows=rows, X=X, starts=starts, states=states)
        else:
            raw = cache["A"] @ E
        norm = np.maximum(np.linalg.norm(raw, axis=1, keepdims=True), 1e-12)
        u = raw / norm
        cache.update(norm=norm, u=u, layers=[])
        o = u
        # Each residual layer: o <- unit(o + relu(o W_in + b) W_out); the head also sees the
        # length features if it has Wf.
        for index, (w_in, bias, w_out) in enumerate(residual_layer_parts(head)):
            hidden = o @ head[w_in] + head[bias]
            features = None
            if index == 0 and "Wf" in head:
                features = text_features(cache["A"], raw)
                hidden = hidden + features @ head["Wf"]
            active = np.maximum(hidden, 0)
            z = o + active @ head[w_out]
            znorm = np.linalg.norm(z, axis=1, keepdims=True)
            cache["layers"].append({"x": o, "hidden": hidden, "active": active, "znorm": znorm, "features": features})
            o = z / znorm
        cache["o"] = o
        return o, cache

    def backward(cache, grad_o):
        """Gradients of the table (dense) and of the head's and attention's weights."""
        o, u, norm = cache["o"], cache["u"], cache["norm"]
        head_grads = {}
        for (w_in, bias, w_out), layer in reversed(list(zip(residual_layer_parts(head), cache["layers"]))):
            grad_z = (grad_o - o * (o * grad_o).sum(1, keepdims=True)) / layer["znorm"]
            grad_hidden = (grad_z @ head[w_out].T) * (layer["hidden"] > 0)
            head_grads.update({w_out: layer["active"].T @ grad_z, w_in: layer["x"].T @ grad_hidden, bias: grad_hidden.sum(0)})
            if layer["features"] is not None:
                head_grads["Wf"] = layer["features"].T @ grad_hidden
            grad_o = grad_z + grad_hidden @ head[w_in].T
            o = layer["x"]
        grad_u = grad_o
        grad_raw = (grad_u - u * (u * grad_u).sum(1, keepdims=True)) / norm
        if attention:
            ids = cache["ids"]
            grad_X, grad_cls, head_grads["Q"] = attention_backward(cache["X"], cache["starts"], cache["rows"], cache["states"], head["Q"], grad_raw)
            scatter = sp.csr_matrix((np.ones(len(ids), np.float32), (ids, np.arange(len(ids)))), shape=(E.shape[0], len(ids)))
            grad = scatter @ grad_X
            grad[cls_id] += grad_cls
        else:
            grad = cache["A"].T @ grad_raw
        return grad, head_grads

    pair_rows = pair_flat = None
    if contrastive:
        pair_tokens = [tokenizer.ids(t) or [tokenizer.unk_id] for pair in train_pairs for t in pair]
        pair_rows = pooling_matrix(pair_tokens, cls_id, len(tokenizer.tokens))
        pair_flat = FlatTokens(pair_tokens)
        log(f"contrastive term: {len(train_pairs)} summary/description pairs, weight {contrastive}, temperature {temperature}" + (f", MiniLM's in-batch targets at temperature {soft_pairs}" if soft_pairs else "") + f"; {len(held_pairs)} pairs held out")

    def pair_retrieval():
        """recall@1 and MRR of the held-out pairs' summaries finding their descriptions."""
        tokens = [tokenizer.ids(t) or [tokenizer.unk_id] for pair in held_pairs for t in pair]
        o, _ = forward(pooling_matrix(tokens, cls_id, len(tokenizer.tokens)), FlatTokens(tokens), np.arange(len(tokens)))
        sims = o[0::2] @ o[1::2].T
        ranks = (sims > sims.diagonal()[:, None]).sum(1) + 1
        return float((ranks == 1).mean()), float((1.0 / ranks).mean())

    def starting_outputs(rows_of, flat_of, idx):
        """The starting model's outputs for the texts idx (before any step), 4,096 at a time."""
        return np.concatenate([forward(rows_of, flat_of, idx[s : s + 4096])[0] for s in range(0, len(idx), 4096)]).astype(np.float32)

    # With `keep`, the texts of `keep_chunks` are pulled towards the starting model's own
    # outputs, so they stay where it put them.
    is_kept = np.array(kept[: len(tokenized)], dtype=bool)
    keep_row = reference = None
    if keep:
        kept_texts = np.flatnonzero(is_kept)
        if not len(kept_texts):
            raise SystemExit("--keep: none of the training texts comes from --keep-chunks")
        keep_row = np.full(len(tokenized), -1)
        keep_row[kept_texts] = np.arange(len(kept_texts))
        reference = starting_outputs(A, flat, kept_texts)
        log(f"keeping {len(kept_texts)} texts near the starting model's outputs, weight {keep}; {time.time() - started:.0f}s")
    # With `keep_pieces`, each everyday piece alone (a one-piece text) is pulled towards the
    # starting model's output for it, a sample of `pair_batch` pieces a step: it holds the words
    # short requests are made of, which the kept sentences hold only in their company. With
    # `keep_fragments`, short runs of words cut from the kept sentences are held the same way
    # (phrases as short as a request), drawn by their own random source.
    short_texts = []

    def short_text_pool(token_lists, weight, sampler):
        rows, flat = pooling_matrix(token_lists, cls_id, len(tokenizer.tokens)), FlatTokens(token_lists)
        short_texts.append((weight, rows, flat, starting_outputs(rows, flat, np.arange(len(token_lists))), sampler))

    if (keep_pieces or keep_fragments) and not is_kept.any():
        raise SystemExit("--keep-pieces / --keep-fragments: none of the training texts comes from --keep-chunks")
    if keep_pieces:
        everyday = everyday_pieces(tokenized, is_kept, len(tokenizer.tokens), {cls_id, tokenizer.unk_id})
        short_text_pool([[int(i)] for i in everyday], keep_pieces, rng)
        log(f"keeping {len(everyday)} everyday pieces, each alone, near the starting model's outputs, weight {keep_pieces}, {pair_batch} a step; {time.time() - started:.0f}s")
    if keep_fragments:
        fragment_rng = np.random.default_rng(seed + 1)
        fragments = everyday_fragments([tokenized[i] for i in np.flatnonzero(is_kept)], tokenizer.tokens, FRAGMENT_COUNT, fragment_rng)
        short_text_pool(fragments, keep_fragments, fragment_rng)
        log(f"keeping {len(fragments)} fragments of kept sentences ({min(map(len, fragments))}-{max(map(len, fragments))} pieces) near the starting model's outputs, weight {keep_fragments}, {pair_batch} a step; {time.time() - started:.0f}s")

    pair_order, pair_cursor = None, 0
    for epoch in range(epochs):
        order = epoch_texts[rng.permutation(len(epoch_texts))]
        for start in range(0, len(order) - batch + 1, batch):
            idx = order[start : start + batch]
            if compact_grid:
                E = on_compact_grid(master, grid_levels)
            o, cache = forward(A, flat, idx)
            yb = Y[idx]
            if pearson:
                fixed = None
                if lexical:
                    rows = lexical_rows[idx]
                    fixed = lexical * lexical * (rows @ rows.T).toarray()
                grad_o = pearson_gradient(o, yb, fixed)
            else:
                diff = o @ o.T - yb @ yb.T
                grad_o = (4.0 / (batch * batch)) * (diff @ o)
            if mu:
                grad_o += (2.0 * mu / batch) * (o - anchor[idx])
            if keep:
                rows = keep_row[idx]
                held_here = rows >= 0
                grad_o[held_here] += (2.0 * keep / batch) * (o[held_here] - reference[rows[held_here]])
            grad, head_grads = backward(cache, grad_o)
            for weight, rows_of, flat_of, reference_of, sampler in short_texts:
                chosen = sampler.choice(len(reference_of), pair_batch, replace=False)
                o_short, short_cache = forward(rows_of, flat_of, chosen)
                short_grad, short_head_grads = backward(short_cache, (2.0 * weight / pair_batch) * (o_short - reference_of[chosen]))
                grad += short_grad
                for name, g in short_head_grads.items():
                    head_grads[name] = head_grads[name] + g
            if contrastive:
                if pair_order is None or pair_cursor + pair_batch > len(pair_order):
                    pair_order, pair_cursor = rng.permutation(len(train_pairs)), 0
                chosen = pair_order[pair_cursor : pair_cursor + pair_batch]
                pair_cursor += pair_batch
                texts = np.concatenate([2 * chosen, 2 * chosen + 1])
                o_pairs, pair_cache = forward(pair_rows, pair_flat, texts)
                pair_grad, pair_head_grads = backward(pair_cache, contrastive * info_nce_gradient(o_pairs, temperature, None if pair_teacher is None else pair_teacher[texts], soft_pairs))
                grad += pair_grad
                for name, g in pair_head_grads.items():
                    head_grads[name] = head_grads[name] + g
            if decay:
                grad += decay * (E - E0)
            fade = 1.0 - step / total_steps  # linear decay to zero: late steps refine, not overfit
            if head_grads:
                rates = {"Q": attention_lr * fade}
                if second_lr is not None:
                    rates.update({name: second_lr * fade for name in SECOND_LAYER_PARTS})
                adam_head(head, head_grads, step + 1, head_lr * fade, rates)
            step += 1
            m *= 0.9
            m += 0.1 * grad
            v *= 0.999
            v += 0.001 * grad * grad
            rate = fade * lr * np.sqrt(1 - 0.999**step) / (1 - 0.9**step)
            update = rate * m / (np.sqrt(v) + 1e-8)
            if row_scale is not None:
                update *= row_scale[:, None]
            (master if compact_grid else E)[...] -= update
        if compact_grid:
            E = on_compact_grid(master, grid_levels)
        scores = held.scores(E, head if head and "W1" in head else None, head.get("Q") if attention else None)
        mean = float(np.mean(list(scores.values())))
        pairs_seen = ""
        if held_pairs:
            recall, mrr = pair_retrieval()
            pairs_seen = f"; held-out pairs recall@1 {recall:.3f} MRR {mrr:.3f}"
        log(f"epoch {epoch + 1}: " + ", ".join(f"chunk {c} {s:.3f}" for c, s in scores.items()) + f" (mean {mean:.3f}){pairs_seen}, {time.time() - started:.0f}s")
        if mean > best[0]:
            best = (mean, E.copy(), {k: w.copy() for k, w in head.items()} if head else None)
    E, head = best[1], best[2]
    if pair_bits or features:
        log(f"best held-out mean {best[0]:.3f}; not written: the runtime has no pair table or length features (experiment only)")
        return
    Q = head.pop("Q") if attention else None
    head = layer_weights(head)
    if compact_grid:
        # Already turned and on the grid: kept in its basis, written as the compact file it is
        # (no lexical part: lexical.py adds it).
        q, scales = quantise(E, grid_levels, COMPACT_BLOCK)
        write_model(out, tokenizer.tokens, q, scales, head, Q, compact=True, basis=start_head["basis"])
        log(f"wrote {out} (compact; best held-out mean {best[0]:.3f}), {time.time() - started:.0f}s")
        return
    count = min(len(tokenized), 50000)
    E, head, Q = principal_turn(E, head, Q, tokenizer.cls_id, tokenized[:count])
    # Only the compact format carries a second layer: its table then keeps 8 bits a component
    # (every row wide), in blocks of COMPACT_BLOCK, until lexical.py --bits 4 rounds it.
    q, scales = quantise(E, 127, COMPACT_BLOCK) if second else quantise(E)
    placement = lexical_part.balanced_placement(lexical_df, lexical_weight_table, lexical_part.BUCKETS) if lexical else None
    write_model(out, tokenizer.tokens, q, scales, head, Q, lexical=(lexical, placement, lexical_part.BUCKETS) if lexical else None, placed=True, compact=bool(second))
    quantised = dequantise(q, scales)
    log(f"wrote {out} (best held-out mean {best[0]:.3f}; after {'8-bit blocks' if second else 'int8'}: " + ", ".join(f"chunk {c} {s:.3f}" for c, s in held.scores(quantised, head, Q).items()) + f"), {time.time() - started:.0f}s")


# `technical_rows`: a piece is technical when its document frequency among the technical texts
# is at least this share of its frequencies in both kinds together (each per text of its kind) ...
TECHNICAL_SHARE = 0.7
# ... and it is not among this many pieces most texts contain (function words: "to", "with").
COMMON_PIECES = 500


def technical_rows(tokenized, is_general, vocabulary_size):
    """The piece ids whose rows `--technical-only` lets learn: pieces relatively more frequent in
    the technical texts (`is_general` False) than in the general-English ones, by TECHNICAL_SHARE,
    leaving out the COMMON_PIECES most frequent pieces overall. Everyday requests ("something to
    wash my hands with") and the products of the course are made of the other pieces, so a pair
    term on documentation cannot pull them towards tools (docs/semantic-model.md, "The pair term
    on technical pieces only")."""
    general = lexical_part.document_frequencies([t for t, g in zip(tokenized, is_general) if g], vocabulary_size)
    technical = lexical_part.document_frequencies([t for t, g in zip(tokenized, is_general) if not g], vocabulary_size)
    general_rate, technical_rate = general / int(is_general.sum()), technical / int((~is_general).sum())
    share = technical_rate / np.maximum(technical_rate + general_rate, 1e-12)
    rank = np.empty(vocabulary_size, int)
    rank[np.argsort(-(general + technical), kind="stable")] = np.arange(vocabulary_size)
    return np.where((share >= TECHNICAL_SHARE) & (rank >= COMMON_PIECES))[0]


def everyday_pieces(tokenized, is_general, vocabulary_size, leave_out):
    """The piece ids `--keep-pieces` holds: pieces in at least EVERYDAY_MIN_TEXTS general-English
    texts (`is_general`) that are not technical (`technical_rows`), without `leave_out`."""
    general = lexical_part.document_frequencies([t for t, g in zip(tokenized, is_general) if g], vocabulary_size)
    chosen = general >= EVERYDAY_MIN_TEXTS
    chosen[technical_rows(tokenized, is_general, vocabulary_size)] = False
    chosen[list(leave_out)] = False
    return np.flatnonzero(chosen)


# `everyday_pieces`: a piece counts when at least this many general-English texts contain it.
EVERYDAY_MIN_TEXTS = 3
# `everyday_fragments`: how many fragments, and how many words each (at least, at most).
FRAGMENT_COUNT = 100000
FRAGMENT_WORDS = (2, 6)


def everyday_fragments(texts, tokens, count, rng):
    """`count` runs of FRAGMENT_WORDS whole words (a word: a piece and its "##" continuations),
    each cut at random from a text of `texts` drawn at random (piece-id lists)."""
    fragments = []
    for t in rng.integers(0, len(texts), count):
        ids = texts[t]
        starts = [i for i, piece in enumerate(ids) if not tokens[piece].startswith("##")] + [len(ids)]
        words = len(starts) - 1
        length = min(int(rng.integers(FRAGMENT_WORDS[0], FRAGMENT_WORDS[1] + 1)), words)
        if length == 0:
            continue
        first = int(rng.integers(0, words - length + 1))
        fragments.append(ids[starts[first] : starts[first + length]])
    return fragments


def chunk_set(specs):
    """{chunk numbers} of "12" and "113-133" style arguments; None for no restriction."""
    if not specs:
        return None
    chunks = set()
    for spec in specs:
        first, _, last = spec.partition("-")
        chunks.update(range(int(first), int(last or first) + 1))
    return chunks


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--init", default=str(RESOURCE), help="a least-squares table from build_model.py")
    parser.add_argument("--out", default=str(RESOURCE))
    parser.add_argument("--holdout", type=int, nargs="+", default=[19, 20, 61])
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--batch", type=int, default=512)
    parser.add_argument("--mu", type=float, default=0.1, help="weight of the per-sentence anchor term")
    parser.add_argument("--decay", type=float, default=0.0, help="pull towards the initial table")
    parser.add_argument("--compact-grid", action="store_true", help="from a compact file: train the table as rounded for it (straight through) and write a compact file in the same basis")
    parser.add_argument("--hidden", type=int, default=0, help="width of the residual ReLU head; 0 = none")
    parser.add_argument("--second", type=int, default=0, help="width of a second residual ReLU layer after the head (the file is then EMBSEM07); 0 = none")
    parser.add_argument("--second-lr", type=float, help="the second layer's rate (default: --head-lr's); with --lr 0 --head-lr 0 --attention-lr 0 it learns alone")
    parser.add_argument("--keep", type=float, default=0.0, help="weight of a term that keeps the texts of --keep-chunks near the --init model's own outputs")
    parser.add_argument("--keep-pieces", type=float, default=0.0, help="weight of a term that keeps each everyday piece alone (in --keep-chunks' texts, not technical) near the --init model's own output for it")
    parser.add_argument("--keep-fragments", type=float, default=0.0, help="weight of a term that keeps short runs of words (everyday_fragments) cut from --keep-chunks' texts near the --init model's own outputs")
    parser.add_argument("--keep-chunks", nargs="+", default=["61-112", "134-222", "397-546"], help="the chunks --keep, --keep-pieces and --keep-fragments hold (numbers or ranges; default: the general-English ones)")
    parser.add_argument("--head-lr", type=float, default=1e-3)
    parser.add_argument("--limit", type=int, help="train on the first N sentences only")
    parser.add_argument("--pair-bits", type=int, default=0, help="experiment only (scores, no file): log2 rows of a hashed piece-pair table")
    parser.add_argument("--features", action="store_true", help="experiment only (scores, no file): the head also sees log(1 + pieces) and log |sum|")
    parser.add_argument("--pearson", action="store_true", help="maximise the batch's correlation of cosines instead of matching them")
    parser.add_argument("--attention", type=int, default=0, help="rounds of context-weighted pooling (0: the plain sum)")
    parser.add_argument("--attention-lr", type=float, default=3e-3)
    parser.add_argument("--last-chunk", type=int, help="train on chunks up to this one only")
    parser.add_argument("--chunks", nargs="+", help="train on these chunks only: numbers or ranges such as 113-133")
    parser.add_argument("--resume", action="store_true", help="start from --init's head and query maps too (a whole model), not only its table")
    parser.add_argument("--contrastive", type=float, default=0.0, help="weight of the contrastive term on pairs.py's summary/description pairs")
    parser.add_argument("--temperature", type=float, default=0.05)
    parser.add_argument("--pair-batch", type=int, default=256, help="pairs per step in the contrastive term")
    parser.add_argument("--pairs", default=str(WORK / "pairs.json"), help="pairs.py's output for the contrastive term")
    parser.add_argument("--soft-pairs", type=float, default=0.0, help="with --contrastive: the targets are MiniLM's in-batch distribution at this temperature, not each text's own partner")
    parser.add_argument("--twice", nargs="+", help="chunks (numbers or ranges) whose texts each epoch visits twice: more weight to a kind of text")
    parser.add_argument("--technical-only", nargs="+", metavar="GENERAL_CHUNKS", help="these chunks are general English: only the rows of pieces more frequent in the other training chunks learn (technical_rows); with --head-lr 0 --attention-lr 0, texts of everyday pieces keep their vectors")
    parser.add_argument("--general-rows-lr", type=float, default=0.0, help="with --technical-only: the other rows learn too, at this rate (0: they stay as they are)")
    parser.add_argument("--lexical", type=float, default=0.0, help="share of the lexical part (hashed pieces, weighted by inverse document frequency) beside the output; needs --pearson")
    args = parser.parse_args()
    if args.epochs < 1:
        parser.error("--epochs must be at least 1")
    train(args.init, args.out, set(args.holdout), args.epochs, args.lr, args.batch, args.mu, args.limit, args.decay, args.hidden, args.head_lr, args.last_chunk, args.pair_bits, args.features, args.pearson, attention=args.attention, attention_lr=args.attention_lr, resume=args.resume, contrastive=args.contrastive, temperature=args.temperature, pair_batch=args.pair_batch, only_chunks=chunk_set(args.chunks), pairs_file=args.pairs, lexical=args.lexical, soft_pairs=args.soft_pairs, twice_chunks=chunk_set(args.twice), general_chunks=chunk_set(args.technical_only), general_rows_lr=args.general_rows_lr, compact_grid=args.compact_grid, second=args.second, second_lr=args.second_lr, keep=args.keep, keep_chunks=chunk_set(args.keep_chunks), keep_pieces=args.keep_pieces, keep_fragments=args.keep_fragments)
