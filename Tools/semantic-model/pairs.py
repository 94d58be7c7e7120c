"""Summary -> description pairs from real documentation, for the contrastive term of train.py.

A search query is short and says what a thing does; the document that answers it is a
paragraph that describes it. The man-page evaluation asks exactly that, so the student also
learns from pairs of the same kind written elsewhere (never man pages, never GNU info manuals,
which describe the same commands):

- Python docstrings (the standard library and every installed package): the summary line
  against the first paragraph after it; the function's, class's or module's own name masked.
- Perl's module documentation (POD): the NAME line's summary ("Module - what it does")
  against the first DESCRIPTION paragraph; the module name masked.
- Debian's package descriptions (`Translation-en` of bookworm main, downloaded into
  Tools/work/ by `--debian`): the one-line synopsis against the first paragraph of the long
  description; the package name masked. Packages installed on this machine are left out, and
  so is any package sharing a paragraph with one (corpus.debian_descriptions): the man pages of
  the evaluation come from installed packages, and their descriptions speak of the same tools.

A pair whose texts share a run of 8 words with any evaluation text is dropped. Writes
`Tools/work/semantic/pairs.json` (or `--out`; [summary, description] lists, shuffled) and
prints counts.
Usage: python3 pairs.py [--debian] [--out PATH]
"""
import argparse
import ast
import json
import random
import re
import sys
from pathlib import Path

import evalset
from corpus import MARKUP, PERL_ROOTS, debian_descriptions, pod_plain

WORK = Path(__file__).resolve().parent.parent / "work" / "semantic"
PYTHON_ROOTS = [
    Path(sys.prefix) / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}",
    Path("/usr/lib/python3/dist-packages"),
]
SECTION_HEADING = re.compile(r"^\s*(parameters|returns?|yields|raises|examples?|notes?|see also|attributes|methods|args|arguments|keyword arguments|other parameters|warnings?|references)\s*:?\s*$", re.IGNORECASE)


def plain(text):
    text = MARKUP.sub(lambda m: m.group(1) or " ", text)
    return " ".join(text.split())


def mask(text, names, replacement):
    for name in names:
        if len(name) > 1:
            text = re.sub(r"(?<![\w.-])" + re.escape(name) + r"(?![\w-])", replacement, text, flags=re.IGNORECASE)
    return text


def usable(summary, description):
    words, body = summary.split(), description.split()
    if not 3 <= len(words) <= 24 or len(body) < 8:
        return False
    letters = sum(ch.isalpha() for ch in summary + description)
    return letters >= 0.7 * len(summary + description)


def docstring_pair(doc, name, kind):
    """(summary, description) of a docstring whose first paragraph is one summary sentence
    and whose second is prose (not a parameter list or an example)."""
    blocks = [b for b in re.split(r"\n\s*\n", doc.strip()) if b.strip()]
    if len(blocks) < 2:
        return None
    summary, body = blocks[0], blocks[1]
    first_line = body.strip().splitlines()[0]
    if SECTION_HEADING.match(first_line) or body.lstrip().startswith((">>>", "..", ":", "-", "*", "$")) or "::" in body:
        return None
    summary, body = plain(summary), plain(body)
    if not summary or "(" in summary.split()[0]:
        return None  # empty, or a signature rather than a summary
    replacement = {"module": "this module", "class": "this class"}.get(kind, "this function")
    body = mask(body, [name, name.strip("_")], replacement)
    summary = mask(summary, [name], replacement)
    body = " ".join(body.split()[:60])
    return (summary, body) if usable(summary, body) else None


def python_pairs():
    seen_files = set()
    for root in PYTHON_ROOTS:
        for path in sorted(root.rglob("*.py")) if root.exists() else []:
            if "/test" in str(path) or "/tests/" in str(path):
                continue
            resolved = path.resolve()
            if resolved in seen_files:
                continue
            seen_files.add(resolved)
            try:
                tree = ast.parse(path.read_text(encoding="utf-8"))
            except (SyntaxError, UnicodeDecodeError, ValueError, OSError, RecursionError):
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.Module):
                    kind, name = "module", path.stem
                elif isinstance(node, ast.ClassDef):
                    kind, name = "class", node.name
                elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    kind, name = "function", node.name
                else:
                    continue
                doc = ast.get_docstring(node)
                pair = docstring_pair(doc, name, kind) if doc else None
                if pair:
                    yield pair


def pod_pair(text):
    name_block, description, section = [], [], None
    for block in re.split(r"\n\s*\n", text):
        stripped = block.strip()
        if stripped.startswith("=head1"):
            if section == "DESCRIPTION" and description:
                break
            section = stripped[6:].strip().upper()
            continue
        if stripped.startswith("=") or block.startswith((" ", "\t")):
            continue  # commands and verbatim (code) blocks
        if section == "NAME" and stripped:
            name_block.append(pod_plain(stripped))
        elif section == "DESCRIPTION" and stripped and not description:
            description.append(pod_plain(stripped))
    header = " ".join(name_block)
    if " - " not in header or not description:
        return None
    names, summary = header.split(" - ", 1)
    module_names = [n.strip() for n in names.split(",")]
    body = mask(description[0], module_names + [n.split("::")[-1] for n in module_names], "this module")
    body = " ".join(body.split()[:60])
    return (summary.strip(), body) if usable(summary, body) else None


def perl_pairs():
    for root in PERL_ROOTS:
        for path in sorted(p for p in root.rglob("*") if p.suffix in (".pm", ".pod")) if root.exists() else []:
            try:
                pair = pod_pair(path.read_text(encoding="utf-8", errors="replace"))
            except OSError:
                continue
            if pair:
                yield pair


DEBIAN_BOILERPLATE = re.compile(
    r"^(this package (contains|provides) the (source|header|development|debug)|this package depends on"
    r"|this (meta|dummy |transitional )?package (is part of|will install|is a (transitional|dummy|meta))"
    r"|this metapackage|this task )",
    re.IGNORECASE,
)


def debian_pairs():
    for package, synopsis, prose in debian_descriptions():
        if not prose or DEBIAN_BOILERPLATE.match(prose[0]):
            continue
        stem = re.sub(r"^(lib|python3?-|golang-|node-|r-cran-|ruby-|php-)", "", package)
        names = sorted({package, stem}, key=len, reverse=True)
        body = " ".join(mask(prose[0], names, "this package").split()[:60])
        synopsis = mask(synopsis, names, "this package")
        if usable(synopsis, body):
            yield synopsis, body


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--debian", action="store_true", help="add Debian's package descriptions (downloads Translation-en, 6 MB)")
    parser.add_argument("--out", default=str(WORK / "pairs.json"))
    arguments = parser.parse_args()
    evaluation = evalset.build()
    overlaps = evalset.Overlap(evaluation)
    pairs, seen, dropped = [], set(), 0
    counts = {}
    sources = [("python", python_pairs()), ("perl", perl_pairs())]
    if arguments.debian:
        sources.append(("debian", debian_pairs()))
    for source, stream in sources:
        for summary, body in stream:
            key = summary.lower()
            if key in seen or body.lower() in seen:
                continue
            if overlaps(summary) or overlaps(body):
                dropped += 1
                continue
            seen.add(key)
            seen.add(body.lower())
            pairs.append([summary, body])
            counts[source] = counts.get(source, 0) + 1
    random.Random(23).shuffle(pairs)
    WORK.mkdir(parents=True, exist_ok=True)
    Path(arguments.out).write_text(json.dumps(pairs))
    print(f"{len(pairs)} pairs ({', '.join(f'{k} {v}' for k, v in counts.items())}); {dropped} dropped for overlapping the evaluation set")
    for summary, body in pairs[:8]:
        print(f"  {summary} | {body[:120]}")


if __name__ == "__main__":
    main()
