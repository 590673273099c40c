#!/usr/bin/env python3
"""A Dossier analyzer in Python (standard library only): finds words in capitals.

It speaks Dossier's external protocol, version 1 (Docs/ExternalComponents.md): one handshake
line out, then for each document line in, one result line out. The layer it adds, `shouting`,
holds one item per all-capitals word, with `start` and `end` in Unicode scalar offsets (the same
as Python string indices), and a `words` count in a `shouting-summary` item without a range.
"""
import json
import os
import re
import sys

OPTIONS = json.loads(os.environ.get("DOSSIER_OPTIONS") or "{}")
MIN_LENGTH = int(OPTIONS.get("minLength", 2))
# Letters only, so that 'COVID-19' counts as 'COVID' and digits never shout.
WORD = re.compile(r"[^\W\d_]+")

HANDSHAKE = {
    "dossier": "external",
    "protocol": 1,
    "id": "shouting",
    "kind": "analyzer",
    "version": "1.0.0",
    "requires": [],
    "provides": ["shouting"],
    "options": {"minLength": {"type": "int", "default": 2, "help": "the fewest letters a word in capitals needs"}},
}


def analyze(document):
    text = document["text"]
    items = []
    for match in WORD.finditer(text):
        word = match.group()
        if len(word) >= MIN_LENGTH and word.isupper():
            items.append({"start": match.start(), "end": match.end(), "kind": "word"})
    return {"shouting": items}


def main():
    out = sys.stdout
    out.write(json.dumps(HANDSHAKE) + "\n")
    out.flush()
    for line in sys.stdin.buffer:
        document = json.loads(line)
        try:
            result = {"id": document["id"], "layers": analyze(document)}
        except Exception as error:  # one article's failure is reported, and the next is read
            result = {"id": document.get("id"), "error": f"{type(error).__name__}: {error}"}
        out.write(json.dumps(result) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
