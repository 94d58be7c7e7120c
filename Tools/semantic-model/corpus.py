"""Real sentences from this machine for fitting the static model.

Sources: Python standard-library docstrings and comments, documentation under /usr/share/doc,
Vim's help files, and the Markdown of the Swift packages in /opt/swift-packages (`collect`,
the technical corpus of the first fit); then less technical, more varied English
(`collect_varied`): Debian package descriptions from the apt lists, PyPI package summaries
from /work/.library/env/packages/pypi.tsv and the licence texts in /usr/share/common-licenses;
and general English (`collect_general`): WordNet's definitions, examples and phrases; and
whole paragraphs (`collect_paragraphs`), the length of a document in a search; and the Python
3.11 HTML documentation from Debian's python3.11-doc (`collect_python_docs`), new technical prose;
and the long descriptions of the Debian packages not installed here (`collect_debian_paragraphs`).
Man pages are left out on purpose: the evaluation (evaluate.py) is built from them.
"""
import ast
import gzip
from html.parser import HTMLParser
import lzma
import random
import re
import subprocess
import sys
import urllib.request
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


def python_texts(root, packages=False):
    """Docstring paragraphs and comment blocks of the .py files under `root`: the standard
    library, or with `packages` the installed packages (site-packages)."""
    for path in sorted(Path(root).rglob("*.py")):
        if "/test" in str(path) or ("site-packages" in str(path) and not packages):
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
                if PYTHON_DOCS in path.parents:
                    continue
                try:
                    if path.suffix == ".gz":
                        text = gzip.open(path, "rt", encoding="utf-8", errors="replace").read()
                    else:
                        text = path.read_text(encoding="utf-8", errors="replace")
                except OSError:
                    continue
                yield from paragraphs(text[:400_000])


PYTHON_DOCS = Path("/usr/share/doc/python3.11/html")


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


APT_LISTS = Path("/var/lib/apt/lists")
PYPI = Path("/work/.library/env/packages/pypi.tsv")


def debian_texts():
    """Package summaries ("a board game for two players") and the paragraphs of their long
    descriptions, from the apt lists (lz4-compressed or plain)."""
    for path in sorted(APT_LISTS.glob("*_Packages*")):
        if path.suffix == ".lz4":
            try:
                text = subprocess.run(["lz4cat", str(path)], capture_output=True, check=True).stdout.decode("utf-8", "replace")
            except (OSError, subprocess.CalledProcessError):
                continue
        else:
            text = path.read_text(encoding="utf-8", errors="replace")
        for stanza in text.split("\n\n"):
            match = re.search(r"^Description(?:-en)?: (.*)\n((?: .*\n?)*)", stanza, re.M)
            if not match:
                continue
            yield "summary", match.group(1).strip()
            for paragraph in re.split(r"^ \.\s*$", match.group(2), flags=re.M):
                yield "paragraph", paragraph


TRANSLATIONS_URL = "http://deb.debian.org/debian/dists/bookworm/main/i18n/Translation-en.xz"
TRANSLATIONS = Path(__file__).resolve().parent.parent / "work" / "Translation-en.xz"


def installed_packages():
    try:
        listed = subprocess.run(["dpkg-query", "-W", "-f", "${Package}\n"], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        sys.exit("the Debian descriptions need dpkg-query, to leave out the packages installed here")
    return set(listed.split())


def debian_descriptions():
    """(package, synopsis, prose paragraphs of the long description) of every package in
    bookworm main's `Translation-en` (downloaded once into Tools/work/, 6 MB) that is not
    installed here. The man pages of the evaluation come from the installed packages, whose
    descriptions speak of the same tools, so their paragraphs are left out wherever they occur
    (a -dev or -doc package often repeats its library's). Lists are not prose and are dropped."""
    if not TRANSLATIONS.exists():
        TRANSLATIONS.parent.mkdir(parents=True, exist_ok=True)
        urllib.request.urlretrieve(TRANSLATIONS_URL, TRANSLATIONS)
    entries = []
    for stanza in lzma.decompress(TRANSLATIONS.read_bytes()).decode("utf-8", "replace").split("\n\n"):
        package = re.search(r"^Package: (\S+)", stanza, re.M)
        description = re.search(r"^Description-en: (.*)\n((?: .*\n?)*)", stanza, re.M)
        if not package or not description:
            continue
        prose = [" ".join(block.split()) for block in re.split(r"^ \.\s*$", description.group(2), flags=re.M) if not re.search(r"^\s+[*o+-] ", block, re.M)]
        entries.append((package.group(1), description.group(1).strip(), [p for p in prose if p]))
    installed = installed_packages()
    installed_paragraphs = {p.lower() for package, _, prose in entries if package in installed for p in prose}
    for package, synopsis, prose in entries:
        if package not in installed and not any(p.lower() in installed_paragraphs for p in prose):
            yield package, synopsis, prose


def pypi_summaries():
    """One-line summaries of PyPI packages, most-downloaded first."""
    if not PYPI.exists():
        return
    ranked, rest = [], []
    with PYPI.open(encoding="utf-8", errors="replace") as handle:
        next(handle, None)
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 5 or not fields[4].strip():
                continue
            (ranked if fields[3].strip() else rest).append(fields[4].strip())
    yield from ranked
    yield from rest


def license_texts():
    root = Path("/usr/share/common-licenses")
    for path in sorted(root.glob("*")) if root.exists() else []:
        if path.is_file():
            yield from paragraphs(path.read_text(encoding="utf-8", errors="replace"))


def short_phrase(text, minimum_words=3):
    """A summary line kept whole: a few words, mostly letters, ASCII (English)."""
    text = re.sub(r"\s+", " ", text).strip().rstrip(".")
    words = text.split()
    if not minimum_words <= len(words) <= 40 or not text.isascii():
        return None
    if sum(ch.isalpha() for ch in text) < 0.7 * len(text):
        return None
    return text


def collect_varied(exclude=(), seed=11):
    """The varied corpus, deduplicated against `exclude` (lower-cased), interleaved so that
    every prefix mixes its sources: Debian summaries, Debian description sentences, PyPI
    summaries, licence sentences."""
    seen = set(exclude)
    streams = {"debian-summary": [], "debian": [], "pypi": [], "license": []}

    def add(stream, sentence):
        if sentence and sentence.lower() not in seen:
            seen.add(sentence.lower())
            streams[stream].append(sentence)

    for kind, text in debian_texts():
        if kind == "summary":
            add("debian-summary", short_phrase(text))
        else:
            for sentence in sentences_from_paragraph(text):
                if sentence.isascii():
                    add("debian", sentence)
    for summary in pypi_summaries():
        add("pypi", short_phrase(summary, 4))
    for paragraph in license_texts():
        for sentence in sentences_from_paragraph(paragraph):
            add("license", sentence)
    return interleave(streams, ["debian", "debian-summary", "pypi", "debian", "pypi", "license"], seed)


WORDNET = Path(__file__).resolve().parent.parent / "work" / "wordnet" / "root" / "usr" / "share" / "wordnet"


def wordnet_texts(root=WORDNET):
    """General English from WordNet 3.0 (Debian's wordnet-base, unpacked into Tools/work/):
    each synset as "lemma: definition", its quoted usage examples, and its multi-word lemmas
    alone ("coffee maker"), the short phrases a course query looks like."""
    for part in ("noun", "verb", "adj", "adv"):
        path = Path(root) / f"data.{part}"
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("  ") or " | " not in line:
                continue
            fields, gloss = line.split(" | ", 1)
            parts = fields.split()
            lemmas = [re.sub(r"\(.*\)$", "", w).replace("_", " ") for w in parts[4 : 4 + 2 * int(parts[3], 16) : 2]]
            examples = re.findall(r'"([^"]+)"', gloss)
            definition = re.sub(r'"[^"]*"', "", gloss).strip(" ;")
            if lemmas and definition:
                yield "definition", f"{lemmas[0]}: {definition}"
            for example in examples:
                yield "example", example.strip()
            for lemma in lemmas:
                if " " in lemma:
                    yield "phrase", lemma


def collect_general(exclude=(), seed=13):
    """WordNet (definitions, examples, phrases) interleaved, deduplicated against `exclude`."""
    seen = set(exclude)
    streams = {"definition": [], "example": [], "phrase": []}
    for kind, text in wordnet_texts():
        text = re.sub(r"\s+", " ", text).strip()
        if text and text.isascii() and text.lower() not in seen:
            seen.add(text.lower())
            streams[kind].append(text)
    return interleave(streams, ["definition", "example", "definition", "phrase"], seed)


def collect_paragraphs(exclude=(), seed=17):
    """Whole paragraphs (cleaned of markup, mostly letters, ASCII) from the Debian long
    descriptions, Python docstrings and the documentation under /usr/share/doc: longer texts,
    as documents in a search are, shuffled, deduplicated against `exclude` (lower-cased)."""
    seen = set(exclude)
    found = []
    stdlib = Path(sys.prefix) / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}"
    sources = ((text for kind, text in debian_texts() if kind == "paragraph"), python_texts(stdlib), document_texts())
    for source in sources:
        for paragraph in source:
            text = re.sub(r"\s+", " ", MARKUP.sub(lambda m: m.group(1) or " ", paragraph)).strip()
            words = text.split()
            if not 30 <= len(words) <= 120 or not text.isascii():
                continue
            if sum(ch.isalpha() for ch in text) < 0.7 * len(text) or text.lower() in seen:
                continue
            seen.add(text.lower())
            found.append(text)
    random.Random(seed).shuffle(found)
    return found


SITE_PACKAGES = [Path(sys.prefix) / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "site-packages", Path("/usr/lib/python3/dist-packages")]
PERL_ROOTS = [Path("/usr/share/perl"), Path("/usr/share/perl5"), Path("/usr/lib/x86_64-linux-gnu/perl"), Path("/usr/lib/x86_64-linux-gnu/perl5")]
POD_ESCAPES = re.compile(r"[A-Z]<<+\s(.*?)\s>>+|[A-Z]<([^<>]*)>")


def pod_plain(text):
    """POD's formatting codes (B<bold>, C<< code >>, L<text|link>) reduced to their text."""
    for _ in range(3):
        text = POD_ESCAPES.sub(lambda m: (m.group(1) or m.group(2) or "").split("|")[0], text)
    return " ".join(text.split())


def pod_texts():
    """The prose paragraphs of Perl's module documentation (POD in .pm and .pod files): not
    commands (=head1 ...), not verbatim blocks (indented code)."""
    for root in PERL_ROOTS:
        for path in sorted(p for p in root.rglob("*") if p.suffix in (".pm", ".pod")) if root.exists() else []:
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            inside = False
            for block in re.split(r"\n\s*\n", text):
                stripped = block.strip()
                if stripped.startswith("=cut"):
                    inside = False
                elif stripped.startswith("="):
                    inside = True
                elif inside and stripped and not block.startswith((" ", "\t")):
                    yield pod_plain(stripped)


def package_texts():
    """Docstring paragraphs and comments of the installed Python packages (site-packages and
    Debian's dist-packages; phase one read the standard library only)."""
    for root in SITE_PACKAGES:
        if root.exists():
            yield from python_texts(root, packages=True)


GOOGLE_CLOUD_SDK = Path("/usr/lib/google-cloud-sdk")
JDK_SOURCES = Path("/usr/lib/jvm/temurin-25-jdk-amd64/lib/src.zip")
JAVADOC = re.compile(r"/\*\*(.*?)\*/", re.DOTALL)
JAVADOC_INLINE = re.compile(r"\{@(?:code|link|linkplain|literal|value)\s+([^{}]*)\}")


def javadoc_texts(archive=JDK_SOURCES, modules=("java.base", "java.net.http", "java.sql", "java.logging", "java.xml", "java.desktop", "java.management", "java.compiler")):
    """The prose paragraphs of the JDK's Javadoc comments (the `src.zip` a JDK ships): each
    comment's text before its first block tag (@param, @return, ...), split at <p> and blank
    lines, inline tags reduced to their text."""
    import zipfile

    if not archive.exists():
        return
    with zipfile.ZipFile(archive) as zipped:
        for name in sorted(zipped.namelist()):
            if not name.endswith(".java") or not name.startswith(modules):
                continue
            source = zipped.read(name).decode("utf-8", errors="replace")
            for comment in JAVADOC.findall(source):
                lines = [re.sub(r"^\s*\*\s?", "", line) for line in comment.splitlines()]
                body = []
                for line in lines:
                    if line.lstrip().startswith("@"):
                        break
                    body.append(line)
                text = JAVADOC_INLINE.sub(lambda m: m.group(1).split("#")[-1], "\n".join(body))
                for paragraph in re.split(r"<[pP]>|\n\s*\n", text):
                    if "<pre>" not in paragraph and "{@" not in paragraph:
                        yield paragraph


def collect_more_paragraphs(exclude=(), seed=31):
    """Paragraphs (20-120 words) of two further technical sources: the Google Cloud SDK's
    Python (docstrings, comments, command help) and the JDK's Javadoc; one to one, deduplicated
    against `exclude` (lower-cased)."""
    streams = {"gcloud": list(python_texts(GOOGLE_CLOUD_SDK, packages=True)) if GOOGLE_CLOUD_SDK.exists() else [], "java": list(javadoc_texts())}
    return technical_paragraphs(streams, ["gcloud", "java"], exclude, seed, minimum_words=20)


def technical_paragraphs(sources, order, exclude, seed, minimum_words=30):
    """The paragraphs of each named source that are prose (minimum_words-120 words, ASCII,
    mostly letters, no parameter lists or examples), deduplicated against `exclude`
    (lower-cased) and each other, interleaved following `order`."""
    seen = set(exclude)
    streams = {name: [] for name in sources}
    for kind, source in sources.items():
        for paragraph in source:
            text = re.sub(r"\s+", " ", MARKUP.sub(lambda m: m.group(1) or " ", paragraph)).strip()
            words = text.split()
            if not minimum_words <= len(words) <= 120 or not text.isascii():
                continue
            if sum(ch.isalpha() for ch in text) < 0.7 * len(text) or text.lower() in seen:
                continue
            if any(marker in text for marker in (":param", ":type", ":return", ">>>", "@param")):
                continue  # parameter lists and examples, not prose
            seen.add(text.lower())
            streams[kind].append(text)
    return interleave(streams, order, seed)


def collect_package_paragraphs(exclude=(), seed=29):
    """Whole paragraphs (30-120 words) of technical prose that no earlier phase read: the
    installed Python packages' docstrings and Perl's module documentation, interleaved, two
    Python paragraphs to one Perl paragraph, deduplicated against `exclude` (lower-cased)."""
    return technical_paragraphs({"python": package_texts(), "perl": pod_texts()}, ["python", "python", "perl"], exclude, seed)


def collect_debian_paragraphs(exclude=(), seed=37):
    """Paragraphs (20-120 words) of the long descriptions of Debian packages not installed here
    (`debian_descriptions`): what a tool or library does, the closest kind of text to a man
    page's DESCRIPTION; deduplicated against `exclude` (lower-cased), shuffled."""
    source = (p for _, _, prose in debian_descriptions() for p in prose)
    return technical_paragraphs({"debian": source}, ["debian"], exclude, seed, minimum_words=20)


class _SphinxProse(HTMLParser):
    """The running text of one Sphinx page: only inside the `role="main"` division, one
    paragraph per block element, leaving out code listings, scripts and styles."""

    BLOCKS = {"p", "li", "dd", "dt", "td", "th", "blockquote", "section", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "dl"}
    SKIPPED = {"pre", "script", "style"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.divisions = []
        self.main_depth = 0
        self.skip_depth = 0
        self.current = []
        self.found = []

    def flush(self):
        text = re.sub(r"\s+", " ", "".join(self.current)).strip()
        if text:
            self.found.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag == "div":
            is_main = dict(attrs).get("role") == "main"
            self.divisions.append(is_main)
            self.main_depth += is_main
            self.flush()
        elif tag in self.SKIPPED:
            self.skip_depth += 1
            self.flush()
        elif tag in self.BLOCKS or tag == "br":
            self.flush()

    def handle_endtag(self, tag):
        if tag == "div":
            if self.divisions and self.divisions.pop():
                self.main_depth -= 1
            self.flush()
        elif tag in self.SKIPPED:
            self.skip_depth = max(self.skip_depth - 1, 0)
            self.flush()
        elif tag in self.BLOCKS:
            self.flush()

    def handle_data(self, data):
        if self.main_depth > 0 and self.skip_depth == 0:
            self.current.append(data)


def python_doc_paragraphs(root=PYTHON_DOCS):
    """Paragraphs of the Python HTML documentation (library reference, tutorial, HOWTOs, ...),
    page by page; index pages, which are lists of links, are skipped."""
    for path in sorted(Path(root).rglob("*.html")) if Path(root).exists() else []:
        if path.name in ("genindex.html", "py-modindex.html", "search.html") or path.name.startswith("genindex-"):
            continue
        if any(part.startswith("_") for part in path.relative_to(root).parts):
            continue
        parser = _SphinxProse()
        try:
            parser.feed(path.read_text(encoding="utf-8", errors="replace"))
            parser.close()
        except (OSError, AssertionError):
            continue
        parser.flush()
        yield from parser.found


def collect_python_docs(exclude=(), seed=19):
    """Technical prose from the Python 3.11 documentation: its sentences, and its short
    paragraphs (2+ sentences, 15-80 words) whole, three sentences to one paragraph, ASCII,
    deduplicated against `exclude` (lower-cased)."""
    seen = set(exclude)
    streams = {"sentence": [], "paragraph": []}

    def add(stream, text):
        if text.isascii() and text.lower() not in seen:
            seen.add(text.lower())
            streams[stream].append(text)

    for paragraph in python_doc_paragraphs():
        sentences = list(sentences_from_paragraph(paragraph))
        for sentence in sentences:
            add("sentence", sentence)
        words = paragraph.split()
        if len(sentences) >= 2 and 15 <= len(words) <= 80 and sum(ch.isalpha() for ch in paragraph) >= 0.7 * len(paragraph):
            add("paragraph", paragraph)
    return interleave(streams, ["sentence", "sentence", "sentence", "paragraph"], seed)


if __name__ == "__main__":
    sentences = collect(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
    print(len(sentences))
    for s in sentences[:15]:
        print("-", s)


def interleave(streams, order, seed):
    """Each stream shuffled with `seed`, then taken in turns following `order` (a stream
    named twice contributes twice as often) until all are used up."""
    rng = random.Random(seed)
    for stream in streams.values():
        rng.shuffle(stream)
    out, position = [], {name: 0 for name in streams}
    while any(position[n] < len(streams[n]) for n in streams):
        for name in order:
            if position[name] < len(streams[name]):
                out.append(streams[name][position[name]])
                position[name] += 1
    return out
