#!/usr/bin/env python3
"""The least an external analyzer can do: answer each document at once, adding nothing.

Used to measure the protocol's own cost per article (Docs/Performance.md). It reads only the
document's id, so the cost measured is Dossier's encoding and the pipe, not Python's JSON parser.
"""
import json
import sys

sys.stdout.write(json.dumps({"dossier": "external", "protocol": 1, "id": "echo", "kind": "analyzer",
                             "requires": [], "provides": ["echo"]}) + "\n")
sys.stdout.flush()
for line in sys.stdin.buffer:
    # Keys are sorted, so the document's own "id" is the first one at the top level (blocks have
    # none, and a quote inside the text is escaped): echo its bytes back as they are.
    start = line.find(b'"id":"')
    end = line.find(b'"', start + 6)
    sys.stdout.buffer.write(b"{" + line[start:end + 1] + b"}\n")
    sys.stdout.flush()
