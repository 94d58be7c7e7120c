"""Step 1 of the generator: embed everything with MiniLM once and keep it in Tools/work/.

Order: the evaluation set, every vocabulary token alone ([CLS] token [SEP]), then the fitting
corpus in chunks of 1000 sentences: the first TECHNICAL_FIRST sentences of the technical
corpus (chunks 0-19, the first fit), then the varied corpus (Debian descriptions, PyPI
summaries, licences, interleaved), then the rest of the technical corpus, each saved as it finishes so a fit can start from however
many chunks exist. Run it niced in the background: `nice -n 10 python3 embed_all.py`.
"""
import json
import sys
import time
from pathlib import Path

import numpy as np

import corpus
import evalset
from minilm import MiniLM

WORK = Path(__file__).resolve().parent.parent / "work" / "semantic"
MAX_FIT_TOKENS = 40
CHUNK = 1000
TECHNICAL_FIRST = 20_000


def main(limit):
    WORK.mkdir(parents=True, exist_ok=True)
    model = MiniLM()
    started = time.time()

    pairs = evalset.build()
    (WORK / "eval.json").write_text(json.dumps(pairs))
    if not (WORK / "eval_docs.npy").exists():
        np.save(WORK / "eval_queries.npy", model.encode([p[1] for p in pairs]))
        np.save(WORK / "eval_docs.npy", model.encode([p[2] for p in pairs]))
    print(f"eval set: {len(pairs)} pairs, {time.time() - started:.0f}s", flush=True)

    if not (WORK / "vocab_alone.npy").exists():
        ids = [[model.tokenizer.cls_id, i, model.tokenizer.sep_id] for i in range(len(model.tokenizer.tokens))]
        out = np.concatenate([model.encode_ids(ids[s : s + 2048]) for s in range(0, len(ids), 2048)])
        np.save(WORK / "vocab_alone.npy", out)
    print(f"vocabulary alone: {time.time() - started:.0f}s", flush=True)

    held_out = {p[2].lower() for p in pairs} | {p[1].lower() for p in pairs}
    technical = corpus.collect(1_000_000)
    varied = corpus.collect_varied(exclude={s.lower() for s in technical} | held_out)
    ordered = technical[:TECHNICAL_FIRST * 2]
    fits = lambda s: s.lower() not in held_out and len(model.tokenizer.ids(s)) <= MAX_FIT_TOKENS
    first = [s for s in ordered if fits(s)][:TECHNICAL_FIRST]
    used = {s.lower() for s in first}
    rest = (s for s in varied + technical if s.lower() not in used and fits(s))
    sentences = first + [s for _, s in zip(range(max(limit - len(first), 0)), rest)]
    for index, start in enumerate(range(0, len(sentences), CHUNK)):
        path = WORK / f"corpus_{index:04d}.npy"
        if path.exists():
            continue
        chunk = sentences[start : start + CHUNK]
        np.save(path, model.encode(chunk))
        (WORK / f"corpus_{index:04d}.json").write_text(json.dumps(chunk))
        print(f"corpus chunk {index}: {start + len(chunk)} sentences, {time.time() - started:.0f}s", flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40_000)
