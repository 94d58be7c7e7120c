"""Real sentences from this machine for fitting the static model.

Sources: Python standard-library docstrings and comments, documentation under /usr/share/doc,
Vim's help files, and the Markdown of the Swift packages in /opt/swift-packages. Man pages are
left out on purpose: the evaluation (evaluate.py) is built from them.
"""
import ast
import gzip
import random
import re
import sys
from pathlib import Path

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])")
MARKUP = re.compile(r"[`*_#>|=~^]+|\[(.*?)\]\(.*?\)|<[^>]+>|\{[^}]*\}")


def sentences_from_paragraph(paragraph):
    text = MARKUP.sub(lambda m: m.group(1) or " ", paragraph)
    text = re.sub(r"\s+", " ", text).strip()
    for sentence in SENTENCE_END.split(text):
        words = sentence.split()
        if not 5 <= len(words) <= 60:
            continue
        letters = sum(ch.isalpha() for ch in sentence)
        if letters < 0.65 * len(sentence):
            continue
        yield sentence


def paragraphs(text):
    return re.split(r"\n\s*\n", text)


def python_texts(root):
    for path in sorted(Path(root).rglob("*.py")):
        if "/test" in str(path) or "site-packages" in str(path):
            continue
        try:
            source = path.read_text(encoding="utf-8")
            tree = ast.parse(source)
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                doc = ast.get_docstring(node)
                if doc:
                    yield from paragraphs(doc)
        comment = []
        for line in source.splitlines():
            stripped = line.strip()
            if stripped.startswith("#") and not stripped.startswith("#!"):
                comment.append(stripped.lstrip("#").strip())
            elif comment:
                yield " ".join(comment)
                comment = []


def document_texts():
    patterns = [
        ("/usr/share/doc", ("*.txt", "*.md", "*.rst", "README*", "*.html")),
        ("/usr/share/vim", ("*.txt",)),
        ("/opt/swift-packages", ("*.md",)),
    ]
    for root, globs in patterns:
        for pattern in globs:
            for path in sorted(Path(root).rglob(pattern)):
                if not path.is_file() or "changelog" in path.name.lower():
                    continue
                try:
                    if path.suffix == ".gz":
                        text = gzip.open(path, "rt", encoding="utf-8", errors="replace").read()
                    else:
                        text = path.read_text(encoding="utf-8", errors="replace")
                except OSError:
                    continue
                yield from paragraphs(text[:400_000])


def collect(limit, seed=7):
    seen = set()
    found = []
    stdlib = Path(sys.prefix) / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}"
    for source in (python_texts(stdlib), document_texts()):
        for paragraph in source:
            for sentence in sentences_from_paragraph(paragraph):
                key = sentence.lower()
                if key not in seen:
                    seen.add(key)
                    found.append(sentence)
    random.Random(seed).shuffle(found)
    return found[:limit]


if __name__ == "__main__":
    sentences = collect(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
    print(len(sentences))
    for s in sentences[:15]:
        print("-", s)
