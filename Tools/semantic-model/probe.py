"""The course outcomes and a few harder product queries, through the Python replica of the
Swift path (and, for comparison, MiniLM itself). Quick to run on a candidate model before the
Swift tests: `python3 probe.py [path/to/semantic-model.bin ...]`.
"""
import sys

import numpy as np

from build_model import RESOURCE, read_model
from evaluate import static_vectors
from minilm import MODEL_DIR, MiniLM
from wordpiece import WordPiece

PRODUCTS = ["A bar of soap", "A laptop", "Running shoes", "A coffee maker", "Headphones", "A board game",
            "A tent", "A kitchen knife", "A mystery novel", "A yoga mat"]
QUERIES = [("soap", "A bar of soap"), ("computer", "A laptop"), ("coffee", "A coffee maker"),
           ("camping", "A tent"), ("jogging", "Running shoes"),
           ("somewhere to sleep outdoors", "A tent"), ("something to play with the kids", "A board game"),
           ("morning caffeine", "A coffee maker"), ("music", "Headphones")]
LABELS = ["Great product, I love it.", "Bad product, I hate it."]
REVIEWS = [
    ("I absolutely love this product, it works perfectly and I would buy it again!", 0),
    ("Fantastic quality, fast delivery, and great customer service.", 0),
    ("Best purchase I have made all year. Highly recommended.", 0),
    ("Terrible product. It broke after one day and support never answered.", 1),
    ("Awful quality, a complete waste of money. Do not buy this.", 1),
    ("I hate it. It arrived damaged and the refund was refused.", 1),
]


def report(name, embed):
    hits, lines = 0, []
    p = embed(PRODUCTS)
    for query, expected in QUERIES:
        found = PRODUCTS[int(np.argmax(p @ embed([query])[0]))]
        hits += found == expected
        lines.append(f"  {query!r:36} -> {found}{'' if found == expected else '   (expected ' + expected + ')'}")
    labels = embed(LABELS)
    for review, label in REVIEWS:
        got = int(np.argmax(labels @ embed([review])[0]))
        hits += got == label
        if got != label:
            lines.append(f"  review misfiled: {review[:50]}")
    print(f"{name}: {hits}/{len(QUERIES) + len(REVIEWS)} hold")
    print("\n".join(lines))


if __name__ == "__main__":
    tokenizer = WordPiece.from_file(MODEL_DIR / "vocab.txt")
    if "--minilm" in sys.argv:
        model = MiniLM()
        report("all-MiniLM-L6-v2", lambda texts: model.encode(texts))
    for path in [a for a in sys.argv[1:] if a != "--minilm"] or [str(RESOURCE)]:
        _, table, head = read_model(path, with_head=True)
        report(path, lambda texts, table=table, head=head: static_vectors(texts, tokenizer, table, head=head))
