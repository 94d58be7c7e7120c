"""Item 4: how well the shipped model tracks MiniLM, on man pages nobody wrote for the test.

Task: each man page's NAME summary ("list directory contents") must retrieve its own
DESCRIPTION paragraph among all 800 (command names masked). Reports recall@1 and MRR for
MiniLM itself, the shipped model (read from semantic-model.bin and pooled exactly as the Swift
`SemanticEmbedder.compactVector` does: quantised components × their scales, sum, normalise —
the expansion to 1536/3072 is an isometry so it changes no cosine), the plain distillation
without the least-squares fit, and a word-hash baseline. Then the Spearman correlation between the
shipped model's and MiniLM's cosines over all query/document pairs, and 95% intervals of the
shipped model's recall@1 and MRR minus MiniLM's (a paired bootstrap over the queries).

Optionally also the Spearman correlation over all pairs of corpus sentences that the fit did
not see (a corpus chunk embedded after the model was built): `--unseen-chunk N`.

Usage: python3 evaluate.py [path/to/semantic-model.bin] [--unseen-chunk N]
"""
import argparse
import json
import re
from collections import Counter
from pathlib import Path

import numpy as np
from scipy.stats import spearmanr

from build_model import RESOURCE, WORK, read_model, residual_layers
from lexical import lexical_vectors
from minilm import MODEL_DIR
from wordpiece import WordPiece

COMMON = set(
    "a an the and or but of to in on at for with by from is are was were be been it its this that these "
    "those as i you he she we they my your our their do does did not no so if then than there what which "
    "who how can will would should has have had me him her".split()
)


def normalise(m):
    return m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-12)


def static_vectors(texts, tokenizer, table, constant=True, head=None):
    """As the Swift path: the pieces' rows (or [UNK]'s) plus the [CLS] row (the fit's constant
    term), summed, normalised; with attention ("Q" in `head`), in each round every piece's row
    weighted by exp(clip(row . (the unit sum) Q_r, ±6)) and summed again with the [CLS] row,
    normalised; then, if the model has a head, u + relu(u W1 + b1) W2, normalised again; then,
    if it has a second layer (EMBSEM07), o + relu(o W3 + b3) W4, normalised; then,
    if it has an output basis (EMBSEM06), times it, normalised; then, if it has a lexical part,
    that part times its share beside it, and the whole normalised.
    `constant=False` for tables without a constant (plain distillation)."""
    out = np.zeros((len(texts), table.shape[1]), dtype=np.float64)
    rounds = [] if head is None or "Q" not in head else head["Q"].astype(np.float64)
    tokenized = [tokenizer.ids(text) or [tokenizer.unk_id] for text in texts]
    for i, ids in enumerate(tokenized):
        pieces = table[ids].astype(np.float64)
        constant_row = table[tokenizer.cls_id] if constant else 0.0
        out[i] = pieces.sum(0) + constant_row
        for query_map in rounds:
            query = out[i] / max(np.linalg.norm(out[i]), 1e-12) @ query_map
            weights = np.exp(np.clip(pieces @ query, -6.0, 6.0))
            out[i] = (weights[:, None] * pieces).sum(0) + constant_row
    out = normalise(out)
    for layer in residual_layers(head):
        w_in, bias, w_out = (w.astype(np.float64) for w in layer)
        out = normalise(out + np.maximum(out @ w_in + bias, 0) @ w_out)
    if head is not None and "basis" in head:
        out = normalise(out @ head["basis"].astype(np.float64))
    if head is not None and "lexical_share" in head:
        lexical = lexical_vectors(tokenized, head["lexical_bucket_of"], head["lexical_weights"], head["lexical_buckets"])
        out = normalise(np.concatenate([out, head["lexical_share"] * lexical], 1))
    return out


def word_hash_vectors(texts):
    """The word-hash baseline in expectation: each word its own orthogonal direction, common
    words weighted 0.15, plural `s` folded, plus a shared direction of weight 0.35."""
    bags = []
    for text in texts:
        bag = Counter()
        for word in re.findall(r"[^\W_]+", text.lower()):
            if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
                word = word[:-1]
            bag[word] += 0.15 if word in COMMON else 1.0
        bags.append(bag)
    words = {w: i for i, w in enumerate(sorted({w for b in bags for w in b}))}
    m = np.zeros((len(texts), len(words) + 1))
    for i, bag in enumerate(bags):
        for w, weight in bag.items():
            m[i, words[w]] = weight
    m = normalise(m)
    m[:, -1] = 0.35
    return normalise(m)


def ranks_of_own(queries, docs):
    """Each query's rank of its own document (the one at its index) among all documents."""
    sims = queries @ docs.T
    return (sims > sims.diagonal()[:, None]).sum(1) + 1


def retrieval(queries, docs):
    ranks = ranks_of_own(queries, docs)
    return float((ranks == 1).mean()), float((1.0 / ranks).mean())


def paired_bootstrap(ranks, reference_ranks, resamples=10000, seed=3):
    """95% intervals of (recall@1, MRR) minus the reference's, the queries drawn with replacement
    (the same draw for both systems): how far a difference on this set is from chance."""
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(ranks), (resamples, len(ranks)))
    hit = (ranks == 1).astype(float) - (reference_ranks == 1)
    reciprocal = 1.0 / ranks - 1.0 / reference_ranks
    return [tuple(np.percentile(values[draws].mean(1), [2.5, 97.5])) for values in (hit, reciprocal)]


def main(path):
    pairs = json.loads((WORK / "eval.json").read_text())
    queries = [p[1] for p in pairs]
    docs = [p[2] for p in pairs]
    tokenizer = WordPiece.from_file(MODEL_DIR / "vocab.txt")
    tokens, table, head = read_model(path, with_head=True)
    assert tokens == tokenizer.tokens
    with open(path, "rb") as model_file:
        compact = model_file.read(8) in (b"EMBSEM06", b"EMBSEM07")
    mq, md = np.load(WORK / "eval_queries.npy"), np.load(WORK / "eval_docs.npy")
    basis_free_w0 = np.load(WORK / "vocab_alone.npy")
    systems = {
        "all-MiniLM-L6-v2 (teacher)": (mq, md),
        f"shipped static model ({table.shape[1]}-d {'4-bit' if compact else 'int8'}{', attention' if head and 'Q' in head else ''}{', head ' + str(len(head['b1'])) if head and 'b1' in head else ''})": (static_vectors(queries, tokenizer, table, head=head), static_vectors(docs, tokenizer, table, head=head)),
        "plain distillation, no fit (384-d)": (static_vectors(queries, tokenizer, basis_free_w0, False), static_vectors(docs, tokenizer, basis_free_w0, False)),
        "word-hash baseline": tuple(np.split(word_hash_vectors(queries + docs), [len(queries)])),
    }
    print(f"man-page retrieval: {len(pairs)} NAME summaries -> their DESCRIPTION paragraph among {len(pairs)}")
    teacher = np.concatenate([mq, md])
    upper = np.triu_indices(len(teacher), 1)
    teacher_cos = (teacher @ teacher.T)[upper]
    print(f"{'system':56s} {'recall@1':>9s} {'MRR':>7s} {'Spearman vs MiniLM':>19s}")
    for name, (q, d) in systems.items():
        r1, mrr = retrieval(q, d)
        both = np.concatenate([q, d])
        rho = spearmanr((both @ both.T)[upper], teacher_cos).statistic
        print(f"{name:56s} {r1:9.3f} {mrr:7.3f} {rho:19.4f}")
    shipped = list(systems.values())[1]
    print("shipped model, Spearman vs MiniLM by kind of pair: " + ", ".join(f"{kind} {rho:.3f}" for kind, rho in spearman_by_kind(*shipped, mq, md).items()))
    (r1_low, r1_high), (mrr_low, mrr_high) = paired_bootstrap(ranks_of_own(*shipped), ranks_of_own(mq, md))
    print(f"shipped model minus MiniLM, 95% paired bootstrap over the queries: recall@1 {r1_low:+.3f}..{r1_high:+.3f}, MRR {mrr_low:+.3f}..{mrr_high:+.3f}")


def spearman_by_kind(q, d, mq, md):
    """The Spearman correlation with MiniLM's cosines within each kind of pair: summary with
    summary, paragraph with paragraph, summary with paragraph (where the weakness lies)."""
    within = np.triu_indices(len(q), 1)
    return {
        "summary-summary": spearmanr((q @ q.T)[within], (mq @ mq.T)[within]).statistic,
        "paragraph-paragraph": spearmanr((d @ d.T)[within], (md @ md.T)[within]).statistic,
        "summary-paragraph": spearmanr((q @ d.T).ravel(), (mq @ md.T).ravel()).statistic,
    }


def unseen_chunk(path, chunk):
    tokenizer = WordPiece.from_file(MODEL_DIR / "vocab.txt")
    _, table, head = read_model(path, with_head=True)
    texts = json.loads((WORK / f"corpus_{chunk:04d}.json").read_text())
    teacher = np.load(WORK / f"corpus_{chunk:04d}.npy")
    student = static_vectors(texts, tokenizer, table, head=head)
    upper = np.triu_indices(len(texts), 1)
    rho = spearmanr((student @ student.T)[upper], (teacher @ teacher.T)[upper]).statistic
    print(f"unseen corpus chunk {chunk} ({len(texts)} sentences, all pairs): Spearman vs MiniLM {rho:.3f}")


def held_out_pairs(path, pairs_file, count=800):
    """Retrieval on the summary/description pairs train.py holds out (the first `count` of
    pairs.py's file): the score the contrastive term's settings are chosen on, never the man pages."""
    from minilm import MiniLM

    pairs_file = Path(pairs_file)
    pairs = json.loads(pairs_file.read_text())[:count]
    queries, docs = [p[0] for p in pairs], [p[1] for p in pairs]
    cache = WORK / f"{pairs_file.stem.replace('-', '_')}_minilm_{count}.npy"
    if not cache.exists():
        np.save(cache, MiniLM().encode(queries + docs))
    teacher = np.load(cache)
    tokenizer = WordPiece.from_file(MODEL_DIR / "vocab.txt")
    _, table, head = read_model(path, with_head=True)
    student = static_vectors(queries + docs, tokenizer, table, head=head)
    print(f"held-out documentation pairs: {count} summaries -> their description among {count}")
    for name, vectors in (("all-MiniLM-L6-v2 (teacher)", teacher), ("this model", student)):
        r1, mrr = retrieval(vectors[:count], vectors[count:])
        print(f"{name:56s} {r1:9.3f} {mrr:7.3f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("model", nargs="?", default=str(RESOURCE))
    parser.add_argument("--unseen-chunk", type=int)
    parser.add_argument("--pairs", nargs="?", const=str(WORK / "pairs.json"), help="only the held-out documentation pairs (pairs.py's file; pairs.json if none is named), not the man pages")
    args = parser.parse_args()
    if args.pairs:
        held_out_pairs(args.model, args.pairs)
        raise SystemExit
    main(args.model)
    if args.unseen_chunk is not None:
        unseen_chunk(args.model, args.unseen_chunk)
