#!/usr/bin/env python3
"""Development check of the entities analyzer on GUM documents (never on wikigold).

Usage: scripts/entities-dev.py GUM_DIR DOSSIER_JSON_DIR
Runs after `dossier run` wrote one JSON per GUM text (reader `text`, analyzers sentences and
entities); scores overlapping-span and exact-span F1 for person, organization and place.
"""
import sys

import gum_predictions
from collections import Counter

gum, out = sys.argv[1], sys.argv[2]
kinds = {"person": "person", "organization": "organization", "location": "place"}
c = Counter()
for base, text, meta, doc, shift in gum_predictions.documents(gum, out):
    gold = meta["entities"]
    preds = []
    for e in doc["layers"].get("entities", []):
        t = kinds.get(e["kind"])
        if t:
            preds += [(m["start"] + shift, m["end"] + shift, t) for m in e["mentions"] if m.get("form") in ("name", "alias")]
    golds = [(g["start"], g["end"], g["type"]) for g in gold if g["type"] in kinds.values()]
    for p in preds:
        c["pred", p[2]] += 1
        c["exact", p[2]] += p in golds
        c["ovl", p[2]] += any(g[2] == p[2] and g[0] < p[1] and p[0] < g[1] for g in golds)
        if "-v" in sys.argv and not any(g[0] < p[1] and p[0] < g[1] for g in golds):
            c["fp:" + p[2] + ":" + text[p[0]:p[1]]] += 1
    for g in golds:
        c["gold", g[2]] += 1
        c["found", g[2]] += any(p[2] == g[2] and g[0] < p[1] and p[0] < g[1] for p in preds)
        c["efound", g[2]] += g in preds
        if "-v" in sys.argv and not any(g[0] < p[1] and p[0] < g[1] for p in preds):
            c["fn:" + g[2] + ":" + text[g[0]:g[1]]] += 1
def f(a, b, n, d):
    p = a / max(b, 1); r = n / max(d, 1)
    return p, r, 2 * p * r / max(p + r, 1e-9)
for t in ["person", "organization", "place", "ALL"]:
    sel = (lambda k: c[k, t]) if t != "ALL" else (lambda k: sum(c[k, x] for x in kinds.values()))
    print(t.ljust(13), "exact P %.3f R %.3f F1 %.3f" % f(sel("exact"), sel("pred"), sel("efound"), sel("gold")),
          " overlap P %.3f R %.3f F1 %.3f" % f(sel("ovl"), sel("pred"), sel("found"), sel("gold")), "gold", sel("gold"))
if "-v" in sys.argv:
    for k, v in c.most_common():
        if isinstance(k, str):
            print(v, k)
