#!/usr/bin/env python3
"""Reference answers from the real tiktoken package, for the Swift tokenizer's differential
test and benchmark.

tiktoken is given the repository's own ranks file through TIKTOKEN_CACHE_DIR (a temporary
directory holding a copy under the name tiktoken looks for), so it never uses the network.

  tiktoken_reference.py check                       exit 0 when tiktoken can be imported
  tiktoken_reference.py corpus  --ranks R --out F   write the test corpus (JSON list of str)
  tiktoken_reference.py encode  --ranks R --texts F --out G
                                                    G = JSON list of encode_ordinary ids per text
  tiktoken_reference.py decode  --ranks R --out G   G = {"single": [decode([id]) for every id],
                                                    "sequences": [[ids, text], ...]}
  tiktoken_reference.py bench   --ranks R --texts F [--repeat N]
                                                    time encode_ordinary over the texts, one
                                                    thread, best of N; print JSON
"""
import argparse
import gzip
import itertools
import json
import os
import random
import shutil
import sys
import sysconfig
import tempfile
import time

CACHE_NAME = "9b5ad71b2ce5302211f9c61530b329a4922fc6a4"  # sha1 of the cl100k_base URL


def load_encoding(ranks_path):
    cache = tempfile.mkdtemp(prefix="tiktoken-cache-")
    shutil.copyfile(ranks_path, os.path.join(cache, CACHE_NAME))
    os.environ["TIKTOKEN_CACHE_DIR"] = cache
    import tiktoken
    try:
        return tiktoken.get_encoding("cl100k_base")
    finally:
        shutil.rmtree(cache, ignore_errors=True)


# ---------------------------------------------------------------- corpus

def real_text_files():
    """Documentation and source on this machine, in a fixed order."""
    found = []
    for root in ["/usr/share/doc", "/usr/share/common-licenses"]:
        for directory, _, files in os.walk(root):
            for name in files:
                found.append(os.path.join(directory, name))
    stdlib = sysconfig.get_paths()["stdlib"]
    for directory, subdirectories, files in os.walk(stdlib):
        subdirectories[:] = [d for d in subdirectories if d not in ("site-packages", "__pycache__")]
        for name in files:
            if name.endswith((".py", ".txt", ".rst")):
                found.append(os.path.join(directory, name))
    return sorted(found)


def read_text(path, limit):
    try:
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rb") as handle:
            raw = handle.read(limit * 4)
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError, EOFError):
        return None
    if "\x00" in text:
        return None
    return text[:limit]


def random_unicode(rng, length):
    ranges = [
        (0x20, 0x7E), (0x00, 0x1F), (0x7F, 0x9F), (0xA0, 0x24F), (0x300, 0x36F), (0x370, 0x3FF), (0x400, 0x4FF),
        (0x590, 0x6FF), (0x900, 0x97F), (0xE00, 0xE7F), (0x1100, 0x11FF), (0x1E00, 0x1EFF),
        (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2150, 0x218F), (0x2460, 0x24FF), (0x3000, 0x303F),
        (0x3040, 0x30FF), (0x4E00, 0x9FFF), (0xAC00, 0xD7A3), (0xFE00, 0xFE0F), (0xFF00, 0xFFEF),
        (0x1D400, 0x1D7FF), (0x1F300, 0x1FAFF), (0x10000, 0x10FFFF),
    ]
    out = []
    for _ in range(length):
        low, high = rng.choice(ranges)
        code = rng.randint(low, high)
        if 0xD800 <= code <= 0xDFFF:
            code = 0x41
        out.append(chr(code))
    return "".join(out)


def assigned_code_points():
    """Every character Python's Unicode tables know (any category but unassigned/surrogate)."""
    import unicodedata
    return [chr(code) for code in range(0x110000)
            if unicodedata.category(chr(code)) not in ("Cn", "Cs")]


def edge_cases(rng):
    cases = [
        "", " ", "  ", "\n", "\r\n", "\n\n\n", " \n ", "a \n ", "x  \n", "a  b", "a\u00a0b", "\t\tx",
        "hello world", "Hello, World!", "don't DON'T we'll WE'LL they're I've I'M she'd it's IT'S",
        "'s 't 're 've 'm 'll 'd 'S 'T 'RE 'VE 'M 'LL 'D 'Re 'lL 'x 'ſ 'K",
        "1 12 123 1234 12345 123456 1234567 3.14159 1,000,000 -42 0x1F 1e-9",
        "٣٤٥٦ ௧௨௩௪ ⅫⅩ ²³¹ ①②③④",
        "café naïve résumé Ångström façade", "e\u0301 a\u0300\u0301\u0302 \u0301\u0301 \u0301x",
        "日本語のテキスト。中文文本，한국어 텍스트", "👋🏽 👨‍👩‍👧‍👦 🏳️‍🌈 ❤️ 🇫🇷🇩🇪",
        "مرحبا بالعالم", "שלום עולם", "नमस्ते दुनिया", "สวัสดีชาวโลก",
        "def f(x):\n    return x ** 2  # square\n", "for (int i = 0; i < n; ++i) {\r\n\tsum += a[i];\r\n}",
        "<|endoftext|> <|fim_prefix|> <|endofprompt|>", "https://example.com/a?b=c&d=e#f",
        "!!!???...,,,;;;", "   leading and trailing   ", "\r\r\n\n\r", " \r\n \r\n ",
        "a\u2028b\u2029c\u0085d\u3000e\u200bf\u202fg\u205fh", "\u00ad\u200d\u200c\ufeff",
        "x" * 3000, " " * 5000, "\n" * 2000, "ab" * 1500, "😀" * 500, "1" * 1000,
        "=" * 400 + "\n", "é" * 700, " \t" * 600 + "x",
    ]
    for _ in range(300):
        cases.append(random_unicode(rng, rng.randint(1, 60)))
    assigned = assigned_code_points()
    ascii_mix = list("aZ09 '\n\t.")
    for _ in range(400):
        cases.append("".join(rng.choice(assigned) if rng.random() < 0.7 else rng.choice(ascii_mix)
                             for _ in range(rng.randint(1, 40))))
    for suffix in ["s", "d", "m", "t", "ll", "ve", "re", "\u017f", "x"]:
        casings = {"".join(chosen) for chosen in itertools.product(*[(c.lower(), c.upper()) for c in suffix])}
        for casing in sorted(casings):
            for after in ["", "a", "ABC", "\u00e9", "1", " ", "'s", "\n"]:
                cases.append("x'" + casing + after)
                cases.append("'" + casing + after + " it'" + casing + "OK")
    pieces = ["  ", "\n", "\r\n", "\t", " ", "'s", "'LL", "'T", "'Ve", "'rE", "'D", "'M", "abc", "ABC", "123", "4567", "é", "\u0301",
              "!", "?!", " (", ")", "日本", "👍", "\u00a0", "\u3000", "x", "9", ".\n", "\r", "ſ"]
    for _ in range(700):
        cases.append("".join(rng.choice(pieces) for _ in range(rng.randint(1, 25))))
    return cases


def build_corpus(max_real_bytes=1_200_000, per_file=6_000, seed=20261121):
    rng = random.Random(seed)
    files = real_text_files()
    rng.shuffle(files)
    texts, total = [], 0
    for path in files:
        if total >= max_real_bytes:
            break
        text = read_text(path, per_file)
        if text:
            texts.append(text)
            total += len(text.encode("utf-8"))
    return texts + edge_cases(rng)


# ---------------------------------------------------------------- commands

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["check", "corpus", "encode", "decode", "bench"])
    parser.add_argument("--ranks")
    parser.add_argument("--texts")
    parser.add_argument("--out")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--max-real-bytes", type=int, default=1_200_000)
    args = parser.parse_args()

    if args.command == "check":
        import tiktoken  # noqa: F401  (exit status 1 with ImportError when missing)
        print(tiktoken.__version__)
        return
    if args.command == "corpus":
        write_json(args.out, build_corpus(args.max_real_bytes))
        return

    encoding = load_encoding(args.ranks)
    if args.command == "encode":
        texts = read_json(args.texts)
        write_json(args.out, [encoding.encode_ordinary(text) for text in texts])
    elif args.command == "decode":
        rng = random.Random(7)
        valid = list(range(100256)) + sorted(encoding._special_tokens.values())
        single = [encoding.decode([token]) for token in valid]
        sequences = []
        for _ in range(2000):
            ids = [rng.choice(valid) for _ in range(rng.randint(1, 8))]
            sequences.append([ids, encoding.decode(ids)])
        write_json(args.out, {"ids": valid, "single": single, "sequences": sequences})
    elif args.command == "bench":
        texts = read_json(args.texts)
        byte_count = sum(len(text.encode("utf-8")) for text in texts)
        best, tokens = float("inf"), 0
        for _ in range(args.repeat):
            start = time.perf_counter()
            tokens = sum(len(encoding.encode_ordinary(text)) for text in texts)
            best = min(best, time.perf_counter() - start)
        import tiktoken
        print(json.dumps({"seconds": best, "bytes": byte_count, "tokens": tokens,
                          "version": tiktoken.__version__}))


def read_json(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def write_json(path, value):
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(value, handle, ensure_ascii=False)


if __name__ == "__main__":
    sys.exit(main())
