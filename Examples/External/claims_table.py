#!/usr/bin/env python3
"""A Dossier exporter in Python (standard library only): one tab-separated row per article.

It speaks Dossier's external protocol, version 1 (Docs/ExternalComponents.md) as an exporter: one
handshake line out (with the header row), then for each document line in, one answer line out
whose `output` is that article's row. Dossier writes the rows where the pipeline's `to:` says,
in input order, with the header once before them, and keeps the files atomic as for any exporter.
The row: id, title, claims, unsourced claims, vague attributions, and the highest check-worthiness.
An article whose text holds FAIL-EXPORT is refused with an `error`, to show that it fails alone.
"""
import json
import sys

COLUMNS = ["id", "title", "claims", "unsourced", "vague", "top_score"]

HANDSHAKE = {
    "dossier": "external",
    "protocol": 1,
    "id": "claims-table",
    "kind": "exporter",
    "version": "1.0.0",
    "requires": ["claims", "sources"],
    "header": "\t".join(COLUMNS) + "\n",
}


def cell(value):
    """A TSV cell: tabs and line breaks would split it, so they become spaces."""
    return " ".join(str(value).split())


def row(document):
    if "FAIL-EXPORT" in document["text"]:
        raise ValueError("the article asks to fail (FAIL-EXPORT)")
    layers = document.get("layers", {})
    claims = layers.get("claims", [])
    findings = layers.get("findings", [])
    unsourced = sum(1 for finding in findings if finding.get("kind") == "claims.unsourced")
    vague = sum(1 for finding in findings if finding.get("kind") == "sources.vague-attribution")
    top = max((claim.get("checkWorthiness", 0) for claim in claims), default=0)
    title = document.get("metadata", {}).get("title", "")
    values = [document["id"], title, len(claims), unsourced, vague, f"{top:.3f}"]
    return "\t".join(cell(v) for v in values) + "\n"


def main():
    out = sys.stdout
    out.write(json.dumps(HANDSHAKE) + "\n")
    out.flush()
    for line in sys.stdin.buffer:
        document = json.loads(line)
        try:
            answer = {"id": document["id"], "output": row(document)}
        except Exception as error:  # one article's failure is reported, and the next is read
            answer = {"id": document.get("id"), "error": f"{type(error).__name__}: {error}"}
        out.write(json.dumps(answer) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
