"""Step 1 of the generator: embed everything with MiniLM once and keep it in Tools/work/.

Order: the evaluation set, every vocabulary token alone ([CLS] token [SEP]), then the fitting
corpus in chunks of 1000 sentences: the first TECHNICAL_FIRST sentences of the technical
corpus (chunks 0-19, the first fit), then the varied corpus (Debian descriptions, PyPI
summaries, licences, interleaved), then the rest of the technical corpus, each saved as it finishes so a fit can start from however
many chunks exist. Run it niced in the background: `nice -n 10 python3 embed_all.py`.
`--more N` then adds N sentences of general English (WordNet) mixed with unused varied ones,
`--paragraphs N` N whole paragraphs (documents are longer than sentences), `--technical N` N
more of the technical sentences phase one left out, `--python-docs N` N sentences and short
paragraphs of the Python 3.11 HTML documentation (Debian's python3.11-doc), `--phrases N`
N short phrases cut from the corpus's own texts (never the held-out chunks).
"""
import argparse
import json
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


MAX_PARAGRAPH_TOKENS = 160


HELD_OUT_CHUNKS = {19, 20, 61, 113}


def phrases(done, seed=11):
    """Phase six: short phrases (2-8 words, as man-page NAME lines and search queries are) cut
    at random from the corpus's own texts, never from the held-out chunks; deterministic."""
    rng = np.random.default_rng(seed)
    sources = []
    for path in sorted(WORK.glob("corpus_*.json")):
        if int(path.stem.split("_")[1]) not in HELD_OUT_CHUNKS:
            sources.extend(json.loads(path.read_text()))
    for index in rng.permutation(len(sources)):
        words = sources[index].split()
        if len(words) < 4:
            continue
        length = int(rng.integers(2, min(8, len(words) - 1) + 1))
        start = int(rng.integers(0, len(words) - length + 1))
        phrase = " ".join(words[start : start + length]).strip(" ,.;:()[]")
        if len(phrase) >= 5 and phrase.lower() not in done:
            yield phrase


def general_and_varied(done):
    """Two sentences of general English (WordNet) to one of the varied corpus."""
    general = corpus.collect_general(exclude=done)
    varied = corpus.collect_varied(exclude=done)
    return (s for trio in zip(general[0::2], general[1::2], varied + [None] * len(general)) for s in trio if s)


# Each later phase: (its texts, given the lower-cased texts already embedded; the longest
# text in pieces; whether texts sharing 8 words with the evaluation set are skipped too).
PHASES = {
    "more": (general_and_varied, MAX_FIT_TOKENS, False),
    "paragraphs": (lambda done: corpus.collect_paragraphs(exclude=done), MAX_PARAGRAPH_TOKENS, False),
    "technical": (lambda done: corpus.collect(1_000_000), MAX_FIT_TOKENS, False),
    "python_docs": (lambda done: corpus.collect_python_docs(exclude=done), MAX_PARAGRAPH_TOKENS, False),
    "phrases": (phrases, MAX_FIT_TOKENS, False),
    "package_paragraphs": (lambda done: corpus.collect_package_paragraphs(exclude=done), MAX_PARAGRAPH_TOKENS, True),
    "more_paragraphs": (lambda done: corpus.collect_more_paragraphs(exclude=done), MAX_PARAGRAPH_TOKENS, True),
    "debian_paragraphs": (lambda done: corpus.collect_debian_paragraphs(exclude=done), MAX_PARAGRAPH_TOKENS, True),
}


def more(count, phase="more"):
    """A later phase: `count` further texts after the last existing chunk, skipping every text
    any chunk already holds and the evaluation set, so it can be stopped and restarted at any
    time. Phase two (`more`): general English and varied sentences; three (`paragraphs`):
    whole paragraphs of up to MAX_PARAGRAPH_TOKENS pieces; four (`technical`): the technical
    sentences phase one left out; five (`python_docs`): the Python documentation's sentences
    and short paragraphs; six (`phrases`): short phrases; seven (`package_paragraphs`):
    paragraphs of the installed Python packages' docstrings and Perl's POD; eight
    (`more_paragraphs`): paragraphs of the Google Cloud SDK's Python and the JDK's Javadoc;
    nine (`debian_paragraphs`): the long descriptions of Debian packages not installed here.
    From phase seven on, a text sharing a run of 8 words with the evaluation set is skipped; in
    phase nine also one sharing a run with the Debian development pairs (chunks 703-706 were
    embedded before that guard and hold a few of them: train on 707 and later only)."""
    model = MiniLM()
    started = time.time()
    pairs = json.loads((WORK / "eval.json").read_text())
    held_out = {p[2].lower() for p in pairs} | {p[1].lower() for p in pairs}
    done = set(held_out)
    paths = sorted(WORK.glob("corpus_*.json"))
    for path in paths:
        done.update(s.lower() for s in json.loads(path.read_text()))
    next_index = max((int(p.stem.split("_")[1]) for p in paths), default=-1) + 1
    source, longest, guarded = PHASES[phase]
    mixed = source(done)
    if phase == "debian_paragraphs":
        if not (WORK / "pairs-debian.json").exists():
            raise SystemExit("embed_all.py: run `python3 pairs.py --debian --out ../work/semantic/pairs-debian.json` first: "
                             "its first 800 pairs are a development set the Debian paragraphs must leave out")
        guarded_pairs = pairs + evalset.debian_dev_pairs(WORK / "pairs-debian.json")
    else:
        guarded_pairs = pairs
    overlaps = evalset.Overlap(guarded_pairs) if guarded else (lambda text: False)
    pending = []
    for sentence in mixed:
        if len(pending) >= count:
            break
        if sentence.lower() not in done and len(model.tokenizer.ids(sentence)) <= longest and not overlaps(sentence):
            done.add(sentence.lower())
            pending.append(sentence)
    print(f"{len(pending)} new sentences from chunk {next_index} on, {time.time() - started:.0f}s", flush=True)
    for offset in range(0, len(pending), CHUNK):
        chunk = pending[offset : offset + CHUNK]
        index = next_index + offset // CHUNK
        np.save(WORK / f"corpus_{index:04d}.npy", model.encode(chunk))
        (WORK / f"corpus_{index:04d}.json").write_text(json.dumps(chunk))
        print(f"corpus chunk {index}: {offset + len(chunk)} new sentences, {time.time() - started:.0f}s", flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("limit", type=int, nargs="?", default=40_000, help="phase one: corpus size")
    parser.add_argument("--more", type=int, help="phase two: this many further sentences (WordNet + varied)")
    parser.add_argument("--paragraphs", type=int, help="phase three: this many whole paragraphs")
    parser.add_argument("--technical", type=int, help="phase four: this many further technical sentences")
    parser.add_argument("--python-docs", type=int, help="phase five: this many texts of the Python HTML documentation")
    parser.add_argument("--phrases", type=int, help="phase six: this many short phrases cut from the corpus's texts")
    parser.add_argument("--package-paragraphs", type=int, help="phase seven: this many paragraphs of installed Python packages' docstrings and Perl's POD")
    parser.add_argument("--more-paragraphs", type=int, help="phase eight: this many paragraphs of the Google Cloud SDK's Python and the JDK's Javadoc")
    parser.add_argument("--debian-paragraphs", type=int, help="phase nine: this many paragraphs of Debian's descriptions of packages not installed here")
    args = parser.parse_args()
    chosen = [(phase, getattr(args, phase)) for phase in PHASES if getattr(args, phase)]
    if chosen:
        more(chosen[0][1], chosen[0][0])
    else:
        main(args.limit)
