"""The course outcomes and a few harder product queries, through the Python replica of the
Swift path (and, for comparison, MiniLM itself). Quick to run on a candidate model before the
Swift tests: `python3 probe.py [path/to/semantic-model.bin ...]`. Then 40 everyday shopping
requests, each scored against MiniLM's own choice among the ten products: a model change that
gains on documentation text can still pull such requests towards tools (docs/semantic-model.md,
"The pair term on the Debian pairs"), and the course's lessons are made of them.
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
SHOPPING = [
    "something to wash my hands with", "I need to get clean", "a gift for someone who loves to read",
    "keep my feet comfortable on a run", "something for a rainy evening with friends",
    "I want to listen without disturbing anyone", "cut vegetables for dinner", "stretching on the floor",
    "write emails and browse the web", "brew a hot drink", "a detective story", "a place to stay in the woods",
    "exercise at home", "slice bread", "noise cancelling", "wake me up in the morning", "hygiene product",
    "portable office", "family fun night", "marathon training", "something to read on the beach", "chef's tool",
    "meditation", "video calls for work", "bath time", "trail running", "espresso", "board game night",
    "backpacking trip", "podcast listening", "something to keep my skin clean", "a present for a gamer",
    "chop onions", "pilates class", "thriller paperback", "shelter for hiking", "do homework on",
    "play music loudly", "strategy game with dice", "sharp blade",
]
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


def shopping_agreement(name, embed, teacher_choices):
    """How many of the SHOPPING requests find the product MiniLM finds, and which do not."""
    found = np.argmax(embed(SHOPPING) @ embed(PRODUCTS).T, 1)
    misses = [f"  {SHOPPING[i]!r:45} -> {PRODUCTS[found[i]]}   (MiniLM: {PRODUCTS[teacher_choices[i]]})" for i in np.where(found != teacher_choices)[0]]
    print(f"{name}: agrees with MiniLM on {len(SHOPPING) - len(misses)}/{len(SHOPPING)} shopping requests")
    print("\n".join(misses))


if __name__ == "__main__":
    tokenizer = WordPiece.from_file(MODEL_DIR / "vocab.txt")
    teacher = MiniLM()
    if "--minilm" in sys.argv:
        report("all-MiniLM-L6-v2", lambda texts: teacher.encode(texts))
    teacher_choices = np.argmax(teacher.encode(SHOPPING) @ teacher.encode(PRODUCTS).T, 1)
    for path in [a for a in sys.argv[1:] if a != "--minilm"] or [str(RESOURCE)]:
        _, table, head = read_model(path, with_head=True)
        embed = lambda texts, table=table, head=head: static_vectors(texts, tokenizer, table, head=head)
        report(path, embed)
        shopping_agreement(path, embed, teacher_choices)
