"""The GUM documents that a `dossier run` wrote predictions for, shared by the entity scripts.

`documents(gum, out)` yields, for each GUM_DIR/NAME.txt with a DOSSIER_JSON_DIR/NAME.json, the
name, the GUM text, GUM's annotation file, the Dossier document and the shift that aligns the
document's offsets with the GUM text (the reader may drop a leading BOM or whitespace).
"""
import json, os


def documents(gum, out):
    for name in sorted(os.listdir(gum)):
        if not name.endswith(".txt"):
            continue
        base = name[:-4]
        pred_file = os.path.join(out, base + ".json")
        if not os.path.exists(pred_file):
            continue
        text = open(os.path.join(gum, name), encoding="utf-8").read()
        meta = json.load(open(os.path.join(gum, base + ".json")))
        doc = json.load(open(pred_file))
        doc = doc[0] if isinstance(doc, list) else doc
        yield base, text, meta, doc, text.find(doc["text"][:50])
