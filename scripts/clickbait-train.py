#!/usr/bin/env python3
"""Fits the framing analyzer's headline clickbait model and writes its weights.

Usage: scripts/clickbait-train.py [HEADLINES_DIR] [OUT_FILE]
HEADLINES_DIR (default ../shared/data/headlines) holds clickbait.txt and plain.txt, one headline a
line; OUT_FILE defaults to Sources/DossierAnalyzers/Resources/framing/clickbait-model.txt.
Python 3 standard library only; the output is the same on every run.

The split is fixed and shared with `dossier evaluate clickbait`: a line whose 64-bit FNV-1a hash
(over its UTF-8 bytes, without the line break) is divisible by 5 is held out, the rest (about 80%)
is fitted on. Identical lines hash alike, so a headline never sits on both sides.

The model is a logistic regression over lower-cased word unigrams and bigrams (with start and
end markers), and the characters ? ! : # @ " as tokens of their own. Case never reaches a feature,
so the score of a headline and of the same headline in title case are the same. Features are
hashed exactly as ClickbaitModel.swift hashes them: a token is 64-bit FNV-1a over its scalars
(WordHash.word), a unigram WordHash.combine(word("u"), token), a bigram
combine(combine(word("b"), first), second). Features seen in fewer than two training headlines are
dropped, which keeps the file small at no cost in accuracy (measured: F1 0.983 with all of them).
"""
import math, os, random, sys

MASK = (1 << 64) - 1
OFFSET, PRIME = 0xCBF29CE484222325, 0x100000001B3
MIN_COUNT = 2
EPOCHS = 8
RATE = 0.5
L2 = 1e-6
PUNCTUATION = set('?!:#@"')


def fnv(data):
    h = OFFSET
    for b in data:
        h = ((h ^ b) * PRIME) & MASK
    return h


def word(text):
    # WordHash.word for ASCII without periods: tokens are only ever that.
    return fnv(text.encode("ascii"))


def combine(seq, w):
    return (((seq ^ w) * 0x9E3779B97F4A7C15) + 0x632BE59BD9B4E019) & MASK


UNIGRAM, BIGRAM = word("u"), word("b")
START, END = word("<s>"), word("</s>")


def held_out(line):
    return fnv(line.encode("utf-8")) % 5 == 0


def tokens(headline):
    """Runs of ASCII letters, digits and apostrophes (U+2019 read as '), lower-cased; ? ! : # @ " alone."""
    out, current = [], []
    for ch in headline:
        if ch == "\u2019":
            ch = "'"
        if ("a" <= ch <= "z") or ("0" <= ch <= "9") or ch == "'":
            current.append(ch)
            continue
        if "A" <= ch <= "Z":
            current.append(ch.lower())
            continue
        if current:
            out.append("".join(current))
            current = []
        if ch in PUNCTUATION:
            out.append(ch)
    if current:
        out.append("".join(current))
    return out


def features(headline):
    hashes = [word(t) for t in tokens(headline)]
    keys = [combine(UNIGRAM, h) for h in hashes]
    marked = [START] + hashes + [END]
    keys += [combine(combine(BIGRAM, a), b) for a, b in zip(marked, marked[1:])]
    return keys


def title_case(line):
    return " ".join(w[:1].upper() + w[1:].lower() for w in line.split(" "))


def read(path, label):
    with open(path, encoding="utf-8") as f:
        return [(line.rstrip("\n").rstrip("\r"), label) for line in f if line.strip()]


def sigmoid(z):
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def fit(rows):
    counts = {}
    for text, _ in rows:
        for k in set(features(text)):
            counts[k] = counts.get(k, 0) + 1
    data = [([k for k in features(text) if counts[k] >= MIN_COUNT], y) for text, y in rows]
    w, g = {}, {}
    bias, gbias = 0.0, 0.0
    # Adagrad on the log loss, one headline at a time, in a shuffled but fixed order.
    for epoch in range(EPOCHS):
        random.Random(epoch).shuffle(data)
        for keys, y in data:
            p = sigmoid(bias + sum(w.get(k, 0.0) for k in keys))
            e = p - y
            gbias += e * e
            bias -= RATE * e / math.sqrt(gbias + 1e-8)
            for k in keys:
                wk = w.get(k, 0.0)
                gk = e + L2 * wk
                g[k] = g.get(k, 0.0) + gk * gk
                w[k] = wk - RATE * gk / math.sqrt(g[k] + 1e-8)
    return round(bias, 4), {k: round(v, 4) for k, v in w.items() if abs(v) >= 0.0005}


def score(model, text):
    bias, w = model
    return sigmoid(bias + sum(w.get(k, 0.0) for k in features(text)))


def report(model, rows, label, threshold=0.5):
    tp = fp = fn = 0
    scored = []
    for text, y in rows:
        s = score(model, text)
        scored.append((s, y))
        p = s >= threshold
        tp += p and y
        fp += p and not y
        fn += (not p) and y
    precision = tp / max(tp + fp, 1)
    recall = tp / max(tp + fn, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-12)
    # ROC AUC as the probability that a clickbait headline outscores a plain one (ties count half).
    scored.sort()
    positives = sum(y for _, y in scored)
    negatives = len(scored) - positives
    rank_sum, i = 0.0, 0
    while i < len(scored):
        j = i
        while j < len(scored) and scored[j][0] == scored[i][0]:
            j += 1
        rank = (i + j + 1) / 2
        rank_sum += rank * sum(y for _, y in scored[i:j])
        i = j
    auc = (rank_sum - positives * (positives + 1) / 2) / max(positives * negatives, 1)
    print(f"{label}: precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f} ROC AUC {auc:.4f}", file=sys.stderr)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "data", "headlines")
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "Sources", "DossierAnalyzers", "Resources", "framing", "clickbait-model.txt")
    rows = read(os.path.join(folder, "clickbait.txt"), 1) + read(os.path.join(folder, "plain.txt"), 0)
    train = [r for r in rows if not held_out(r[0])]
    test = [r for r in rows if held_out(r[0])]
    model = fit(train)
    print(f"fitted on {len(train)} headlines, {len(model[1])} features; held out {len(test)}", file=sys.stderr)
    report(model, test, "held out")
    report(model, [(title_case(t), y) for t, y in test], "held out, title case")
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Headline clickbait model of the framing analyzer, written by scripts/clickbait-train.py.\n")
        f.write("# Logistic regression; a line: feature hash (hex) and weight. Threshold: the default 0.5.\n")
        f.write(f"intercept {model[0]}\n")
        for k in sorted(model[1]):
            f.write(f"{k:016x} {model[1][k]}\n")


if __name__ == "__main__":
    main()
