#!/usr/bin/env python3
"""Writes the list of ordinary English words the entities analyzer uses to tell a name from a
capitalised phrase of everyday words ("Dark Room", "Devil Rays" are no person).

Usage: scripts/entities-words.py GUM_DIR CLAIMBUSTER_TRAIN_JSON OUT
The words are those written in lowercase at least MIN (3) times in the training texts (GUM and
the ClaimBuster training claims; never an evaluation set), of three letters or more, without the
shipped given names: one a line, sorted, so the file is reproducible.
"""
import json, os, re, sys
from collections import Counter

gum, claims, out = sys.argv[1:4]
minimum = int(os.environ.get("MIN", "3"))
here = os.path.join(os.path.dirname(__file__), "..", "Sources", "DossierAnalyzers", "Resources", "entities")
given = set()
for name in ("given-names-male.txt", "given-names-female.txt"):
    for line in open(os.path.join(here, name), encoding="utf-8"):
        if not line.startswith("#"):
            given.update(w.lower() for w in line.split())
texts = [open(os.path.join(gum, n), encoding="utf-8").read() for n in sorted(os.listdir(gum)) if n.endswith(".txt")]
texts += [c["text"] for c in json.load(open(claims, encoding="utf-8"))]
counts = Counter()
for text in texts:
    counts.update(w for w in re.findall(r"(?<![\w'-])[a-z]+(?![\w'-])", text))
words = sorted(w for w, n in counts.items() if n >= minimum and len(w) >= 3 and w not in given)
with open(out, "w", encoding="utf-8") as f:
    f.write("# Ordinary English words (lowercase at least %d times in GUM and the ClaimBuster training claims),\n" % minimum)
    f.write("# written by scripts/entities-words.py; a capitalised run of them is no person's name.\n")
    for w in words:
        f.write(w + "\n")
print(len(words), "words")
