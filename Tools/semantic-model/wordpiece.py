"""BERT uncased WordPiece, the reference the Swift `WordPieceTokenizer` follows.

Basic tokenisation: drop control characters, put spaces around CJK ideographs, lower-case,
strip accents (NFD, then drop combining marks), split on whitespace and punctuation. Then each
word becomes the greedy longest-match pieces of the vocabulary, continuations prefixed `##`;
a word with no full cover (or longer than 100 characters) becomes [UNK].
"""
import unicodedata

MAX_WORD_CHARS = 100


def is_whitespace(ch):
    if ch in (" ", "\t", "\n", "\r"):
        return True
    return unicodedata.category(ch) == "Zs"


def is_control(ch):
    if ch in ("\t", "\n", "\r"):
        return False
    return unicodedata.category(ch) in ("Cc", "Cf")


def is_punctuation(ch):
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def is_cjk(cp):
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x20000 <= cp <= 0x2A6DF
        or 0x2A700 <= cp <= 0x2B73F
        or 0x2B740 <= cp <= 0x2B81F
        or 0x2B820 <= cp <= 0x2CEAF
        or 0xF900 <= cp <= 0xFAFF
        or 0x2F800 <= cp <= 0x2FA1F
    )


def basic_words(text):
    """Lower-cased, accent-free words and single punctuation marks."""
    cleaned = []
    for ch in text:
        cp = ord(ch)
        if cp == 0 or cp == 0xFFFD or is_control(ch):
            continue
        if is_cjk(cp):
            cleaned.append(" " + ch + " ")
        elif is_whitespace(ch):
            cleaned.append(" ")
        else:
            cleaned.append(ch)
    words = []
    for token in "".join(cleaned).split():
        token = unicodedata.normalize("NFD", token.lower())
        token = "".join(c for c in token if unicodedata.category(c) != "Mn")
        current = []
        for ch in token:
            if is_punctuation(ch):
                if current:
                    words.append("".join(current))
                    current = []
                words.append(ch)
            else:
                current.append(ch)
        if current:
            words.append("".join(current))
    return words


class WordPiece:
    def __init__(self, vocab):
        self.vocab = vocab
        self.tokens = sorted(vocab, key=vocab.get)
        self.unk_id = vocab["[UNK]"]
        self.cls_id = vocab["[CLS]"]
        self.sep_id = vocab["[SEP]"]

    @classmethod
    def from_file(cls, path):
        with open(path, encoding="utf-8") as f:
            return cls({line.rstrip("\n"): i for i, line in enumerate(f)})

    def word_ids(self, word):
        if len(word) > MAX_WORD_CHARS:
            return [self.unk_id]
        pieces = []
        start = 0
        while start < len(word):
            end = len(word)
            found = None
            while start < end:
                piece = word[start:end]
                if start > 0:
                    piece = "##" + piece
                if piece in self.vocab:
                    found = self.vocab[piece]
                    break
                end -= 1
            if found is None:
                return [self.unk_id]
            pieces.append(found)
            start = end
        return pieces

    def ids(self, text):
        """Token ids without [CLS]/[SEP]."""
        out = []
        for word in basic_words(text):
            out.extend(self.word_ids(word))
        return out
