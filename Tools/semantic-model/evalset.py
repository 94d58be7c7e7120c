"""The evaluation set: man pages' one-line NAME summaries against their DESCRIPTION paragraph.

The query is the summary after `\\-` without the command's own name ("list directory
contents"), the document is the first DESCRIPTION paragraph with the command name masked, so
retrieval has to go by meaning rather than by spelling the name. Nobody wrote this text for
the test, and corpus.py never reads man pages.
"""
import gzip
import random
import re
from pathlib import Path

MAN_DIRS = ["/usr/share/man/man1", "/usr/share/man/man8", "/usr/share/man/man5"]
ESCAPES = re.compile(r"\\f(\[[^\]]*\]|\(..|.)|\\\(..|\\\[[^\]]*\]|\\[&/,%|^:]|\\\*\(..|\\\*.")


def clean(line):
    line = ESCAPES.sub("", line)
    return line.replace("\\-", "-").replace("\\e", "\\").replace('\\"', "").strip()


def parse(text):
    """(name, summary, first description paragraph) of one roff man page, or None."""
    section = None
    name_lines, description, started = [], [], False
    for raw in text.splitlines():
        if raw.startswith(".SH") or raw.startswith(".Sh"):
            title = raw[3:].strip().strip('"').upper()
            if section == "DESCRIPTION" and started:
                break
            section = title
            continue
        if section == "NAME":
            if not raw.startswith(".") or raw.startswith(".Nd") or raw.startswith(".B"):
                name_lines.append(clean(re.sub(r"^\.(Nd|B|BR)\s*", "", raw)))
        elif section == "DESCRIPTION":
            if raw.startswith((".PP", ".P", ".LP", ".Pp", ".TP", ".IP")) and started:
                break
            if raw.startswith(".") and not raw.startswith((".B ", ".I ", ".BR ", ".IR ")):
                continue
            words = clean(re.sub(r"^\.(B|I|BR|IR)\s+", "", raw))
            if words:
                description.append(words)
                started = True
    header = " ".join(name_lines)
    if " - " not in header or not description:
        return None
    names, summary = header.split(" - ", 1)
    paragraph = " ".join(description)
    if len(summary.split()) < 3 or len(paragraph.split()) < 8:
        return None
    if names.startswith(("gcloud", "bq ", "gsutil")):
        return None  # thousands of near-identical cloud-CLI pages would swamp the set
    for name in names.split(","):
        name = name.strip()
        if len(name) > 1:
            paragraph = re.sub(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", "this command", paragraph, flags=re.IGNORECASE)
    return names.strip(), summary.strip(), " ".join(paragraph.split()[:60])


def build(limit=800, seed=11):
    pairs, seen = [], set()
    for directory in MAN_DIRS:
        for path in sorted(Path(directory).glob("*.gz")):
            try:
                text = gzip.open(path, "rt", encoding="utf-8", errors="replace").read()
            except OSError:
                continue
            parsed = parse(text)
            if parsed and parsed[1].lower() not in seen and parsed[2].lower() not in seen:
                seen.add(parsed[1].lower())
                seen.add(parsed[2].lower())
                pairs.append(parsed)
    random.Random(seed).shuffle(pairs)
    return pairs[:limit]


def shingles(text, width=8):
    """Every run of `width` words of a text, lower-cased."""
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i : i + width]) for i in range(len(words) - width + 1)}


DEBIAN_DEV_PAIRS = 800  # the first pairs of pairs-debian.json: a development set, never trained on


def debian_dev_pairs(path):
    """The Debian synopsis/description pairs that choose settings (`lexical.py --scan`), as
    (name, summary, paragraph) triples, so `Overlap` can keep them out of training too."""
    import json

    return [("debian", summary, paragraph) for summary, paragraph in json.loads(Path(path).read_text())[:DEBIAN_DEV_PAIRS]]


class Overlap:
    """Whether a training text shares a run of 8 words with any evaluation text (or is one):
    such texts are kept out of the distillation, so no evaluation text leaks in by quotation."""

    def __init__(self, pairs):
        self.texts = {p[1].lower() for p in pairs} | {p[2].lower() for p in pairs}
        self.runs = set()
        for _, summary, paragraph in pairs:
            self.runs |= shingles(summary) | shingles(paragraph)

    def __call__(self, text):
        return text.lower() in self.texts or not self.runs.isdisjoint(shingles(text))


if __name__ == "__main__":
    pairs = build()
    print(len(pairs))
    for name, summary, paragraph in pairs[:6]:
        print(f"{name} | {summary} | {paragraph[:150]}")
