#!/usr/bin/env python3
"""Validate Dossier JSON files against the document schema.

Usage: scripts/validate-json.py SCHEMA FILE...

Exits 0 when every file is valid, 1 when any is not (printing each problem as
FILE: path: message), 2 on bad usage or an unreadable schema. Needs jsonschema 4.x.
"""
import json
import sys

import jsonschema


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft202012Validator.check_schema(schema)
    except (OSError, ValueError, jsonschema.SchemaError) as error:
        print(f"{argv[1]}: unusable schema: {error}", file=sys.stderr)
        return 2
    validator = jsonschema.Draft202012Validator(schema)
    failed = False
    for name in argv[2:]:
        try:
            with open(name, encoding="utf-8") as f:
                instance = json.load(f)
        except (OSError, ValueError) as error:
            print(f"{name}: {error}", file=sys.stderr)
            failed = True
            continue
        errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
        for error in errors:
            path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path).lstrip(".") or "(root)"
            print(f"{name}: {path}: {error.message}", file=sys.stderr)
        failed = failed or bool(errors)
        # Offsets are checked here too, since the schema cannot relate them to the text.
        if not errors and "text" in instance:
            failed = check_ranges(name, instance) or failed
    return 1 if failed else 0


def check_ranges(name, doc):
    text, bad = doc["text"], False
    if doc["length"] != len(text):
        print(f"{name}: length: {doc['length']} but the text has {len(text)} Unicode scalars", file=sys.stderr)
        bad = True

    def walk(node, path):
        nonlocal bad
        if isinstance(node, dict):
            if isinstance(node.get("start"), int) and isinstance(node.get("end"), int):
                s, e = node["start"], node["end"]
                if not 0 <= s <= e <= len(text):
                    print(f"{name}: {path}: range [{s}, {e}) is outside the text (length {len(text)})", file=sys.stderr)
                    bad = True
                # A link's text is its anchor or entry text, not necessarily what its range covers.
                elif "text" in node and not path.startswith("links[") and node["text"] != text[s:e]:
                    print(f"{name}: {path}: text {node['text']!r} differs from text[{s}:{e}] = {text[s:e]!r}", file=sys.stderr)
                    bad = True
            for key, value in node.items():
                walk(value, f"{path}.{key}" if path else key)
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{path}[{i}]")

    walk({k: v for k, v in doc.items() if k != "text"}, "")
    return bad


if __name__ == "__main__":
    sys.exit(main(sys.argv))
