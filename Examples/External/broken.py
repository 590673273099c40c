#!/usr/bin/env python3
"""A deliberately broken Dossier analyzer, to show (and test) that one program's failure fails
one article and leaves the rest of the batch intact.

An article's text chooses the failure:
  CRASH-ME        the program exits with status 3 before answering (Dossier starts it again)
  BAD-JSON        it answers with a line that is not JSON
  SLOW-ME         it sleeps past any sensible timeout
  PAUSE-ME        it answers normally, a tenth of a second late
  SECRET-LAYER    it writes a layer it did not declare
  REFUSE-ME       it reports an error of its own for that article
Any other article gets an empty `broken` layer. With `--protocol N` it states protocol version N
in its handshake; with `--banner` it prints a greeting instead of its handshake.
"""
import json
import sys
import time

protocol = 1
if "--protocol" in sys.argv:
    protocol = int(sys.argv[sys.argv.index("--protocol") + 1])

if "--banner" in sys.argv:
    print("broken.py, at your service", flush=True)
else:
    print(json.dumps({"dossier": "external", "protocol": protocol, "id": "broken", "kind": "analyzer",
                      "requires": [], "provides": ["broken"]}), flush=True)

for line in sys.stdin:
    document = json.loads(line)
    text = document["text"]
    if "CRASH-ME" in text:
        print("broken.py: crashing on purpose", file=sys.stderr, flush=True)
        sys.exit(3)
    if "BAD-JSON" in text:
        print("this is not json", flush=True)
        continue
    if "SLOW-ME" in text:
        time.sleep(60)
    if "PAUSE-ME" in text:
        time.sleep(0.1)
    if "SECRET-LAYER" in text:
        print(json.dumps({"id": document["id"], "layers": {"secret": [{"start": 0, "end": 1}]}}), flush=True)
        continue
    if "REFUSE-ME" in text:
        print(json.dumps({"id": document["id"], "error": "this article asks to be refused"}), flush=True)
        continue
    print(json.dumps({"id": document["id"], "layers": {"broken": []}}), flush=True)
