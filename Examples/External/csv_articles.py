#!/usr/bin/env python3
"""A Dossier reader in Python (standard library only): a newsroom's CSV export, one article a row.

It speaks Dossier's external protocol, version 1 (Docs/ExternalComponents.md) as a reader: one
handshake line out, then for each input line in (`{"id", "name", "base64"}`: the file's bytes),
one answer line out with the articles it holds. Each article is a plain object with the fields
the `json` reader maps (`id`, `title`, `text`, `published`, `authors`, `url`); Dossier builds the
documents, so the program only parses. Columns: id, headline, published, byline, url, body
(paragraphs separated by blank lines). A row without a body is passed on with its headline
alone; a file that is not such a CSV is refused with an `error`, and that input fails alone.
"""
import base64
import csv
import io
import json
import sys

HANDSHAKE = {"dossier": "external", "protocol": 1, "id": "csv-articles", "kind": "reader", "version": "1.0.0"}
COLUMNS = {"id", "headline", "body"}


def articles(data):
    text = data.decode("utf-8-sig")
    rows = csv.DictReader(io.StringIO(text))
    missing = COLUMNS - set(rows.fieldnames or [])
    if missing:
        raise ValueError("not a newsroom export: no column " + ", ".join(sorted(missing)))
    found = []
    for row in rows:
        article = {"id": row["id"], "title": row["headline"]}
        if row.get("body"):
            article["text"] = row["body"]
        if row.get("published"):
            article["published"] = row["published"]
        if row.get("byline"):
            article["authors"] = [name.strip() for name in row["byline"].split(" and ")]
        if row.get("url"):
            article["url"] = row["url"]
        found.append(article)
    return found


def main():
    out = sys.stdout
    out.write(json.dumps(HANDSHAKE) + "\n")
    out.flush()
    for line in sys.stdin.buffer:
        request = json.loads(line)
        try:
            answer = {"id": request["id"], "articles": articles(base64.b64decode(request["base64"]))}
        except Exception as error:  # one input's failure is reported, and the next is read
            answer = {"id": request.get("id"), "error": f"{type(error).__name__}: {error}"}
        out.write(json.dumps(answer) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
