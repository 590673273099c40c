#!/usr/bin/env python3
"""Fits the entity analyzer's span classifier on GUM and writes its weights.

Usage: scripts/entities-train.py GUM_DIR DOSSIER_JSON_DIR OUT_FILE
DOSSIER_JSON_DIR holds one `dossier run` JSON per GUM text (reader `text`, analyzers sentences and
entities), as for scripts/entities-dev.py. Every name mention the analyzer proposed is a training
span, labelled with the gold kind of the GUM mention it overlaps (none when it overlaps none).
Features are hashed exactly as EntitySpanModel.swift hashes them: a word is 64-bit FNV-1a over its
lowercased scalars (periods skipped), a feature is WordHash.combine(word(slot), value). The Swift
analyzer only asks the model about spans its rules leave as `misc` or place by a weak cue.
Needs numpy and scikit-learn (pip install scikit-learn). Prints 5-fold cross-validated figures.
"""
import os, re, sys

import gum_predictions
import numpy as np

MASK = (1 << 64) - 1
OFFSET, PRIME = 0xCBF29CE484222325, 0x100000001B3
SEED = 0x2545F4914F6CDD1D
CLASSES = ["none", "person", "organization", "place"]


def lower(ch):
    if ch == "\u2019":
        return "'"
    low = ch.lower()
    return low if len(low) == 1 else ch


def word(text):
    h = OFFSET
    for ch in text:
        if ch == ".":
            continue
        h = ((h ^ ord(lower(ch))) * PRIME) & MASK
    return h


def combine(seq, w):
    return (((seq ^ w) * 0x9E3779B97F4A7C15) + 0x632BE59BD9B4E019) & MASK


SLOTS = {s: word(s) for s in ["bias", "w", "first", "last", "prev", "prev2", "next", "next2", "len", "suf", "caps", "init", "given",
                            "pp", "head", "plain", "lead", "inner"]}


def key(slot, value):
    return combine(SLOTS[slot], value)


TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W_]+(?:-[^\W_]+|['\u2019](?![sS]\b)[^\W_]+)*|['\u2019][sS]\b|\S")


def tokens(text):
    out = []
    for m in TOKEN.finditer(text):
        t = m.group()
        isword = t[0].isalnum()
        h = word(t) if isword else ord(lower(t[0]))
        out.append((m.start(), m.end(), h, isword, t))
    return out


def word_list(root, *files):
    """The word hashes of the gazetteer files, as Gazetteer.swift reads a list of single words."""
    names = set()
    for f in files:
        for line in open(os.path.join(root, "Sources/DossierAnalyzers/Resources/entities", f + ".txt"), encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                names.update(word(w) for w in line.split())
    return names


def one_word_entries(root, name):
    """The one-word names of a phrase list (places, demonyms), hashed as words."""
    out = set()
    for line in open(os.path.join(root, "Sources/DossierAnalyzers/Resources/entities", name + ".txt"), encoding="utf-8"):
        line = line.strip()
        if line and not line.startswith("#") and " " not in line:
            out.add(word(line))
    return out


class Lists:
    def __init__(self, root):
        self.given = word_list(root, "given-names-male", "given-names-female")
        self.org_heads = word_list(root, "org-heads")
        self.place_heads = word_list(root, "place-heads")
        self.misc_heads = word_list(root, "misc-heads")
        self.english = word_list(root, "english-words", "common-words")
        self.places = one_word_entries(root, "places")
        self.demonyms = one_word_entries(root, "demonyms")


def features(toks, a, b, sent_start, sent_end, lists):
    def ctx(i):
        return toks[i][2] if sent_start <= i < sent_end else 1
    f = [key("bias", 0)]
    f += [key("w", toks[i][2]) for i in range(a, b) if toks[i][3]]
    f += [key("first", toks[a][2]), key("last", toks[b - 1][2])]
    f += [key("prev", ctx(a - 1)), key("prev2", ctx(a - 2)), key("next", ctx(b)), key("next2", ctx(b + 1))]
    f.append(key("len", min(b - a, 4)))
    last = toks[b - 1][4]
    if len(last) >= 5:
        f.append(key("suf", word(last[-3:])))
    if b - a == 1 and last.isupper() and len(last) >= 2:
        f.append(key("caps", 1))
    if a == sent_start:
        f.append(key("init", 1))
    if toks[a][2] in lists.given:
        f.append(key("given", 1))
    # The two words before together ("at the", "of the", "by the"), the head class of the last word,
    # a span of ordinary words only, a place or nationality opening it, an inner capital (YouTube).
    f.append(key("pp", combine(ctx(a - 2), ctx(a - 1))))
    head = toks[b - 1][2]
    kind = 1 if head in lists.org_heads else 2 if head in lists.place_heads else 3 if head in lists.misc_heads else 0
    if kind:
        f.append(key("head", kind))
    if all(toks[i][2] in lists.english for i in range(a, b) if toks[i][3]):
        f.append(key("plain", min(b - a, 3)))
    lead = 1 if toks[a][2] in lists.places else 2 if toks[a][2] in lists.demonyms else 0
    if lead:
        f.append(key("lead", lead * 2 + (b - a >= 2)))
    if b - a == 1 and re.search(r"[a-z].*[A-Z]", toks[a][4]):
        f.append(key("inner", 1))
    return f


def main():
    gum, out, dest = sys.argv[1:4]
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    lists = Lists(root)
    X, y, docs, kinds = [], [], [], []
    for base, text, meta, doc, shift in gum_predictions.documents(gum, out):
        gold = meta["entities"]
        toks = tokens(text)
        by_start = {t[0]: i for i, t in enumerate(toks)}
        by_end = {t[1]: i for i, t in enumerate(toks)}
        sents = meta.get("sentences") or [[0, len(text)]]
        for e in doc["layers"].get("entities", []):
            for m in e["mentions"]:
                if m.get("form") not in ("name", "alias"):
                    continue
                s, t = m["start"] + shift, m["end"] + shift
                if s not in by_start or t not in by_end:
                    continue
                a, b = by_start[s], by_end[t] + 1
                ss = next((x for x in sents if x[0] <= s < x[1]), [0, len(text)])
                sa = next(i for i, tk in enumerate(toks) if tk[0] >= ss[0])
                sb = next((i for i, tk in enumerate(toks) if tk[0] >= ss[1]), len(toks))
                label = "none"
                for g in gold:
                    if g["start"] < t and s < g["end"] and g["type"] in CLASSES:
                        label = g["type"]
                        if g["start"] == s and g["end"] == t:
                            break
                X.append(features(toks, a, b, sa, sb, lists))
                y.append(CLASSES.index(label))
                docs.append(base)
                kinds.append(e["kind"])
    from sklearn.linear_model import LogisticRegression
    from scipy.sparse import csr_matrix
    # Features seen in two spans or more: a once-seen word teaches little and would bloat the file.
    from collections import Counter
    counts = Counter(k for f in X for k in set(f))
    vocab = {}
    for f in X:
        for k in f:
            if counts[k] >= 2:
                vocab.setdefault(k, len(vocab))
    rows, cols = [], []
    for r, f in enumerate(X):
        for k in set(f):
            if k not in vocab:
                continue
            rows.append(r)
            cols.append(vocab[k])
    M = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(X), len(vocab)))
    y = np.array(y)
    kinds = np.array(kinds)
    docs = np.array(docs)
    C = float(os.environ.get("C", "1.0"))
    names = sorted(set(docs))
    # Cross-validated by document: what the model does to the spans the rules leave as misc. Not
    # for one fold of scripts/entities-cv, which scores the analyzer itself on the held-out documents.
    if os.environ.get("FOLD") is None:
        probs = np.zeros((len(y), 4))
        for k in range(5):
            test = np.isin(docs, names[k::5])
            model = LogisticRegression(C=C, max_iter=2000).fit(M[~test], y[~test])
            probs[test] = model.predict_proba(M[test])
        pick = probs.argmax(1)
        print("all spans: accuracy %.3f, log loss %.3f" % ((pick == y).mean(), -np.log(probs[np.arange(len(y)), y] + 1e-12).mean()),
              "organisation P %.3f R %.3f" % (((pick == 2) & (y == 2)).sum() / max((pick == 2).sum(), 1), ((pick == 2) & (y == 2)).sum() / max((y == 2).sum(), 1)))
        misc = kinds == "misc"
        print("spans", len(y), "misc", misc.sum(), "misc labels", np.bincount(y[misc], minlength=4))
        for threshold in [0.4, 0.5, 0.6, 0.7, 0.8]:
            pick = probs.argmax(1)
            ok = misc & (pick > 0) & (probs.max(1) >= threshold)
            print("threshold %.1f: relabelled %d, right %d, wrong %d" % (threshold, ok.sum(), (ok & (pick == y)).sum(), (ok & (pick != y)).sum()))
        rule = np.array([{"person": 1, "organization": 2, "location": 3}.get(k, 0) for k in kinds])
        for threshold in [0.6, 0.7, 0.8, 0.9]:
            pick = probs.argmax(1)
            ch = ~misc & (rule > 0) & (pick > 0) & (pick != rule) & (probs.max(1) >= threshold)
            print("override %.1f: changed %d, now right %d, was right %d" % (threshold, ch.sum(), (ch & (pick == y)).sum(), (ch & (rule == y)).sum()))
    # FOLD=k fits on the documents outside fold k of 5 and lists the held-out ones in OUT_FILE.folddocs,
    # so that the Swift analyzer can be scored on documents the model never saw.
    fold = os.environ.get("FOLD")
    train = np.ones(len(y), dtype=bool)
    if fold is not None:
        held = names[int(fold)::5]
        train = ~np.isin(docs, held)
        open(dest + ".folddocs", "w").write("\n".join(held) + "\n")
    model = LogisticRegression(C=C, max_iter=2000).fit(M[train], y[train])
    inverse = {v: k for k, v in vocab.items()}
    with open(dest, "w") as f:
        f.write("# Span classifier of the entities analyzer, written by scripts/entities-train.py from GUM.\n")
        f.write("# Classes none person organization place; a line: feature hash (hex), then one weight a class.\n")
        f.write("intercept " + " ".join("%.4f" % w for w in model.intercept_) + "\n")
        kept = 0
        for j in range(len(vocab)):
            w = model.coef_[:, j]
            if np.abs(w).max() >= float(os.environ.get("PRUNE", "0.05")):
                f.write("%016x " % inverse[j] + " ".join("%.4f" % v for v in w) + "\n")
                kept += 1
    print("features", len(vocab), "kept", kept, "->", dest)


if __name__ == "__main__":
    main()
