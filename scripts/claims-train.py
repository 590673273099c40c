#!/usr/bin/env python3
"""Fits the claims analyzer's check-worthiness model and writes its weights.

Usage: scripts/claims-train.py FEATURES OUT_FILE
FEATURES is what `dossier evaluate claims TRAIN.json --features FEATURES` writes for ClaimBuster's
training split (../shared/data/claims/claimbuster-train.json): one line a sentence, the label (1 =
check-worthy) then SVMlight `index:value` pairs. The Swift analyzer computes the features
(ClaimFeatureExtractor.swift): the first indices are the named features in ClaimFeature order, the
rest are 2^16 hash buckets of word uni/bigrams and character 4-grams, binary and L2-normalised.
Fitting on features the analyzer itself wrote keeps fitting and scoring identical by construction;
the model file names the extractor's version (EXTRACTOR, ClaimFeatureExtractor.version), and the
analyzer refuses a model fitted on another version's features.

A logistic regression with classes weighted to balance (the training split is 25% check-worthy,
news has no fixed rate), so a score of 0.5 is the default threshold. The regularisation C is chosen
by 5-fold cross-validated ROC AUC on the training split alone (F1 at 0.5 is printed beside it); the
evaluation file is never read.
Needs numpy, scipy and scikit-learn (pip install scikit-learn).
"""
import sys

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold

NAMED = [
    "number", "percent", "money", "number-word", "comparison", "causation", "prediction", "rule", "opinion-words",
    "first-person", "second-person", "question", "names-entity", "names-person", "date", "speech", "official-speaker",
    "attribution", "hedge", "booster", "short", "long",
]
BUCKETS = 1 << 16
# The features' version, as ClaimFeatureExtractor.version in the Swift extractor that wrote them.
EXTRACTOR = 2


def read(path):
    rows, cols, vals, labels = [], [], [], []
    with open(path) as f:
        for n, line in enumerate(f):
            parts = line.split()
            if not parts:
                continue
            labels.append(int(parts[0]))
            r = len(labels) - 1
            for p in parts[1:]:
                i, v = p.split(":")
                rows.append(r)
                cols.append(int(i))
                vals.append(float(v))
    X = csr_matrix((vals, (rows, cols)), shape=(len(labels), len(NAMED) + BUCKETS))
    X.sum_duplicates()
    return X, np.array(labels)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    X, y = read(sys.argv[1])
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=7)
    best = None
    for C in [1.0, 3.0, 10.0]:
        aucs, f1s = [], []
        for train, test in folds.split(X, y):
            model = LogisticRegression(C=C, max_iter=5000, class_weight="balanced").fit(X[train], y[train])
            p = model.predict_proba(X[test])[:, 1]
            aucs.append(roc_auc_score(y[test], p))
            f1s.append(f1_score(y[test], p >= 0.5))
        auc, f1 = np.mean(aucs), np.mean(f1s)
        print(f"C={C}: 5-fold ROC AUC {auc:.4f}, F1 at 0.5 {f1:.4f}")
        if best is None or auc > best[1]:
            best = (C, auc, f1)
    C = best[0]
    model = LogisticRegression(C=C, max_iter=5000, class_weight="balanced").fit(X, y)
    w = model.coef_[0]
    with open(sys.argv[2], "w") as out:
        out.write("# The claims analyzer's check-worthiness model, written by scripts/claims-train.py: a logistic\n")
        out.write("# regression fitted on ClaimBuster's training split (claimbuster-train.json, CC BY 4.0),\n")
        out.write(f"# {X.shape[0]} sentences, classes balanced, C={C} (5-fold ROC AUC {best[1]:.3f}, F1 {best[2]:.3f}).\n")
        out.write(f"extractor {EXTRACTOR}\n")
        out.write(f"buckets {BUCKETS}\n")
        out.write(f"bias {model.intercept_[0]:.6f}\n")
        out.write("threshold 0.5\n")
        for i, name in enumerate(NAMED):
            out.write(f"feature {name} {w[i]:.6f}\n")
        for b in range(BUCKETS):
            v = w[len(NAMED) + b]
            if abs(v) >= 1e-5:
                out.write(f"w {b} {v:.5f}\n")
    print(f"wrote {sys.argv[2]} with C={C}")


if __name__ == "__main__":
    main()
