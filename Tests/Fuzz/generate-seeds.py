#!/usr/bin/env python3
"""Writes large and deeply structured fuzz seeds, one folder per fuzz target.

The defects found by hand in Dossier were driven by size and shape (alias bombs, deep nesting,
long lines, many attributes, one-line list items), which libFuzzer's mutations of small seeds
never reach. These seeds start it there. They are generated at run time, not committed, so the
repository stays small: `scripts/fuzz` calls this with a folder under Tests/Fuzz/.build.

Usage: generate-seeds.py OUTDIR [--max-bytes N]

Every seed is deterministic and at most --max-bytes (default 1 MB: under ASan a linear pass over
1 MB takes a few seconds, so an input that hits the 30 s timeout is super-linear somewhere), so it fits libFuzzer's
-max_len and replays the same way every time.
"""

import json
import os
import sys

MAX = 1024 * 1024


def words(n, seed=0):
    """n words of plausible prose, deterministic."""
    vocab = ("the council said on Monday that costs had risen by 12.5% since 2023 and "
             "Mr. Smith of the Dept. of Works, approx. 40 people, e.g. residents, i.e. voters, "
             "told reporters \u201cwe need more time\u201d while caf\u00e9 owners in K\u00f8benhavn "
             "and \u6771\u4eac disagreed \U0001F600 https://example.org/report?id=1 U.S. St. Jr.").split()
    return " ".join(vocab[(i * 7 + seed) % len(vocab)] for i in range(n))


def sentences(n, seed=0):
    return " ".join(words(8 + (i % 9), seed + i).capitalize() + "." for i in range(n))


def yaml_seeds():
    s = {}
    base = "version: 1\nreader: auto\nanalyzers:\n  - sentences\nexporters:\n  - json:\n      to: out/{id}.json\n"
    # Deep flow nesting, just under and far over any sane depth limit.
    for depth in (200, 5000, 100000):
        s[f"flow-nesting-{depth}.yaml"] = base + "description: " + "[" * depth + "x" + "]" * depth + "\n"
        s[f"flow-mapping-nesting-{depth}.yaml"] = base + "description: " + "{a: " * depth + "x" + "}" * depth + "\n"
    # Deep block nesting by indentation.
    lines = ["version: 1", "reader:"]
    for i in range(1, 400):
        lines.append("  " * i + f"k{i}:")
    lines.append("  " * 400 + "leaf")
    s["block-nesting-400.yaml"] = "\n".join(lines) + "\n"
    s["block-sequence-nesting-2000.yaml"] = "version: 1\nanalyzers:\n" + "".join("  " * i + "- \n" for i in range(2000))
    # Alias bombs: the billion laughs, and one anchor used many times.
    bomb = ["version: 1", "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 12):
        bomb.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    bomb.append("reader: *a11")
    s["alias-bomb.yaml"] = "\n".join(bomb) + "\n"
    s["many-aliases.yaml"] = "version: 1\nx: &x sentences\nanalyzers:\n" + "".join("  - *x\n" for _ in range(100000))
    s["many-anchors.yaml"] = "version: 1\nanalyzers:\n" + "".join(f"  - &a{i} sentences\n" for i in range(100000))
    s["alias-chain.yaml"] = "version: 1\na0: &a0 sentences\n" + "".join(f"a{i}: &a{i} *a{i - 1}\n" for i in range(1, 50000))
    s["merge-keys.yaml"] = ("version: 1\nbase: &b {pretty: false, to: stdout}\nexporters:\n"
                            + "".join("  - json:\n      <<: *b\n      to: \"out/{id}-%d.json\"\n" % i for i in range(20000)))
    # Long lines and many keys.
    s["long-scalar.yaml"] = base + "description: " + "x" * (MAX - 200) + "\n"
    s["long-quoted-scalar.yaml"] = base + 'description: "' + ("\\u00e9\\t\\\"" * ((MAX - 200) // 12)) + '"\n'
    s["long-key.yaml"] = "version: 1\n" + "k" * (1024 * 1024) + ": v\n"
    s["many-keys.yaml"] = "version: 1\nreader:\n  text:\n" + "".join(f"    key{i}: {i}\n" for i in range(100000))
    s["many-exporters.yaml"] = "version: 1\nexporters:\n" + "".join(f"  - json: {{to: out/{i}/{{id}}.json}}\n" for i in range(50000))
    s["many-variables.yaml"] = base + "name: " + "${FUZZ}${MISSING:-x}" * 50000 + "\n"
    s["many-documents.yaml"] = "---\nversion: 1\n" * 50000
    s["many-comments.yaml"] = "".join(f"# comment {i} " + "c" * 100 + "\n" for i in range(20000)) + base
    s["block-scalar.yaml"] = base + "description: |\n" + "".join("  " + words(15, i) + "\n" for i in range(20000))
    s["tabs-and-nul.yaml"] = "version: 1\n\treader: auto\n" + "\0" * 1000 + "\n"
    return s


def text_seeds():
    s = {}
    s["one-long-line.txt"] = words(400000)[: MAX - 1]
    s["one-line-list-item.txt"] = ("- " + words(400000))[:MAX]
    s["many-list-items.txt"] = "".join(f"- {words(6, i)}\n" for i in range(60000))
    s["many-short-lines.txt"] = "".join(f"{words(3, i)}\n" for i in range(150000))
    s["many-blank-lines.txt"] = "Title\n" + "\n" * 1000000 + "Body.\n"
    s["many-paragraphs.txt"] = "".join(sentences(4, i) + "\n\n" for i in range(8000))
    s["many-headings.txt"] = "".join(f"Who Pays {i}?\n\n{sentences(1, i)}\n\n" for i in range(20000))
    s["many-sources.txt"] = "Title\n\n" + sentences(5) + "\n\nSources\n" + "".join(
        f"- https://example.org/{i}/{'p' * (i % 50)}\n" for i in range(40000))
    s["many-urls.txt"] = " ".join(f"https://example.org/{i}?q={'x' * (i % 30)}" for i in range(100000))
    s["long-url.txt"] = "See https://example.org/" + "a" * (MAX - 100) + " now.\n"
    s["deep-indentation.txt"] = "".join(" " * (i % 2000) + words(4, i) + "\n" for i in range(6000))
    s["crlf-and-cr.txt"] = "".join(sentences(2, i) + ("\r\n" if i % 2 else "\r") for i in range(40000))
    s["combining-marks.txt"] = "e" + "\u0301" * 200000 + " " + ("a\u0308\u0301" * 100000)
    s["emoji-zwj.txt"] = ("\U0001F468\u200D\U0001F469\u200D\U0001F467 " * 50000) + "\n"
    s["no-spaces.txt"] = "x" * (MAX - 1)
    s["periods.txt"] = "." * 500000 + " " + "Mr. " * 200000
    s["quotes.txt"] = "\u201c" * 200000 + "said \"" * 100000
    return s


def markdown_seeds():
    s = {}
    s["deep-blockquote.md"] = ">" * 100000 + " quoted\n"
    s["deep-list.md"] = "".join("  " * i + "- item\n" for i in range(3000))
    s["deep-emphasis.md"] = "*" * 100000 + "x" + "*" * 100000 + "\n"
    s["deep-links.md"] = "[" * 50000 + "x" + "](u)" * 50000 + "\n"
    s["many-links.md"] = "".join(f"[link {i}](https://example.org/{i} \"t\") " for i in range(50000))
    s["many-headings.md"] = "".join(f"{'#' * (1 + i % 6)} Heading {i}\n\n{sentences(1, i)}\n\n" for i in range(20000))
    s["big-table.md"] = "| " + " | ".join(f"c{i}" for i in range(200)) + " |\n|" + "---|" * 200 + "\n" + "".join(
        "| " + " | ".join(str(j) for j in range(200)) + " |\n" for _ in range(1000))
    s["big-front-matter.md"] = "---\n" + "".join(f"key{i}: {words(5, i)}\n" for i in range(30000)) + "---\n# T\n\nBody.\n"
    s["front-matter-alias-bomb.md"] = "---\n" + "\n".join(
        ["a0: &a0 [x, x, x, x, x, x, x, x, x]"] + [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 12)]
    ) + "\ntitle: *a11\n---\nBody.\n"
    s["long-code-block.md"] = "```\n" + ("code line\n" * 200000) + "```\n"
    s["one-line-list-item.md"] = ("- " + words(400000))[:MAX]
    s["html-blocks.md"] = "".join(f"<div class=\"c{i}\">\n<p>{words(5, i)}</p>\n</div>\n\n" for i in range(20000))
    return s


def html_seeds():
    s = {}
    s["many-attributes-20k.html"] = "<html><body><p " + " ".join(f"a{i}=\"{i}\"" for i in range(20000)) + ">Text long enough to keep as a paragraph.</p></body></html>"
    s["many-attributes-200k.html"] = "<html><body><p " + " ".join(f"a{i}=x" for i in range(200000)) + ">x</p></body></html>"
    s["duplicate-attributes.html"] = "<html><body><p " + " a=x" * 200000 + ">x</p></body></html>"
    s["deep-divs.html"] = "<html><body>" + "<div>" * 50000 + "<p>" + sentences(3) + "</p>" + "</div>" * 50000 + "</body></html>"
    s["deep-unclosed.html"] = "<html><body>" + "<div><span><b>" * 30000 + sentences(3)
    s["many-paragraphs.html"] = "<html><head><title>T</title></head><body><article>" + "".join(
        f"<p>{sentences(3, i)}</p>\n" for i in range(15000)) + "</article></body></html>"
    s["many-links.html"] = "<html><body><article><p>" + "".join(
        f"<a href=\"https://example.org/{i}\">link {i}</a> " for i in range(40000)) + "</p></article></body></html>"
    s["many-meta.html"] = "<html><head>" + "".join(
        f"<meta name=\"author\" content=\"Author {i}\"><meta property=\"og:title\" content=\"T{i}\">" for i in range(20000)
    ) + "</head><body><p>" + sentences(3) + "</p></body></html>"
    s["big-ld-json.html"] = "<html><head><script type=\"application/ld+json\">" + "[" * 10000 + "{}" + "]" * 10000 + "</script><script type=\"application/ld+json\">" + json.dumps(
        {"@type": "NewsArticle", "author": [{"name": f"A{i}"} for i in range(20000)]}) + "</script></head><body><p>" + sentences(3) + "</p></body></html>"
    s["many-entities.html"] = "<html><body><p>" + "&amp;&#x1F600;&#128512;&nbsp;&bogus;&#0;&#xD800;" * 40000 + "</p></body></html>"
    # A title makes the layout key every early block, however long: keep the closing tags.
    s["title-long-nonascii-paragraph.html"] = "<html><head><title>T</title></head><body><p>" + "a\u00e9" * ((MAX - 100) // 3) + "</p></body></html>"
    s["long-text-node.html"] = "<html><body><p>" + words(300000)[: MAX - 100] + "</p></body></html>"
    s["long-attribute.html"] = "<html><body><a href=\"" + "h" * (MAX - 100) + "\">x</a></body></html>"
    s["many-comments.html"] = "<html><body>" + "<!-- c -->" * 200000 + "<p>" + sentences(2) + "</p></body></html>"
    s["huge-table.html"] = "<html><body><table>" + ("<tr>" + "<td>cell text</td>" * 50 + "</tr>") * 3000 + "</table></body></html>"
    s["many-figures.html"] = "<html><body><article>" + "".join(
        f"<figure><img src=\"{i}.jpg\" alt=\"{i}\"><figcaption>{sentences(1, i)}</figcaption></figure>" for i in range(15000)) + "</article></body></html>"
    return s


def feed_seeds():
    s = {}
    item = "<item><title>Item {i}</title><link>https://example.org/{i}</link><guid>g{i}</guid><pubDate>Mon, 03 Mar 2025 10:00:00 +0000</pubDate><description>&lt;p&gt;{body}&lt;/p&gt;</description></item>\n"
    s["many-items.xml"] = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>F</title>" + "".join(
        item.format(i=i, body=sentences(2, i)) for i in range(8000)) + "</channel></rss>"
    # Closed properly (not cut by the size cap), so the whole paragraph reaches the HTML layout.
    s["one-huge-item.xml"] = "<rss version=\"2.0\"><channel><item><title>T</title><description><![CDATA[<p>" + words(300000)[: MAX * 9 // 10] + "</p>]]></description></item></channel></rss>"
    s["titled-long-nonascii-item.xml"] = "<rss version=\"2.0\"><channel><item><title>T</title><description><![CDATA[<p>" + "a\u00e9" * ((MAX - 200) // 3) + "</p>]]></description></item></channel></rss>"
    s["deep-nesting.xml"] = "<rss><channel><item><description>" + "<x>" * 50000 + "t" + "</x>" * 50000 + "</description></item></channel></rss>"
    s["entity-bomb.xml"] = ("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">" + "".join(
        f"<!ENTITY lol{i} \"" + f"&lol{i - 1 if i > 1 else ''};" * 10 + "\">" for i in range(1, 10))
        + "]><rss><channel><item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>")
    s["external-entity.xml"] = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss><channel><item><title>&x;</title></item></channel></rss>"
    s["many-atom-entries.xml"] = "<feed xmlns=\"http://www.w3.org/2005/Atom\">" + "".join(
        f"<entry><id>urn:{i}</id><title type=\"html\">T &amp;lt;{i}&amp;gt;</title><content type=\"html\">&lt;p&gt;{sentences(2, i)}&lt;/p&gt;</content><author><name>A{i}</name></author></entry>"
        for i in range(6000)) + "</feed>"
    s["many-attributes.xml"] = "<rss><channel><item " + " ".join(f"a{i}=\"x\"" for i in range(50000)) + "><title>t</title></item></channel></rss>"
    s["many-authors.xml"] = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>1</id>" + "<author><name>N</name></author>" * 50000 + "</entry></feed>"
    return s


def json_seeds():
    s = {}
    for depth in (500, 10000, 100000):
        s[f"nested-arrays-{depth}.json"] = "[" * depth + "]" * depth
        s[f"nested-objects-{depth}.json"] = '{"a":' * depth + "1" + "}" * depth
    s["nested-article-fields.json"] = json.dumps({"title": "T", "text": sentences(3), "meta": {"a": [[[[[{"b": "c"}]]]]]}}) + ""
    s["many-articles.json"] = json.dumps([{"id": f"a{i}", "title": f"T{i}", "text": sentences(3, i)} for i in range(8000)])
    s["huge-string.json"] = json.dumps({"title": "T", "text": words(300000)})[:MAX]
    s["huge-html-body.json"] = json.dumps({"title": "T", "body": "".join(f"<p>{sentences(2, i)}</p>" for i in range(10000))})
    s["many-keys.json"] = "{" + ",".join(f'"k{i}":{i}' for i in range(150000)) + ',"text":"body."}'
    s["duplicate-keys.json"] = "{" + ",".join('"text":"x"' for _ in range(150000)) + "}"
    s["numbers.json"] = json.dumps({"id": 1e308, "text": "t"})[:-1] + ',"n":[' + ",".join(
        ["1e400", "-0", "123456789012345678901234567890", "0.000000000000000000000001", "-1e-400"] * 20000) + "]}"
    s["escapes.json"] = '{"text":"' + ("\\ud83d\\ude00\\u00e9\\n\\t\\\"\\\\\\/\\ud800x\\udc00" * 40000) + '"}'
    s["hostile-ids.json"] = json.dumps([{"id": i, "text": "x."} for i in ["../../escape", "/abs", "..", ".", "a/b", "\u0000", "{index}", "x" * 10000]])
    return s


def jsonl_seeds():
    s = {}
    s["many-lines.jsonl"] = "".join(json.dumps({"id": f"l{i}", "text": sentences(2, i)}) + "\n" for i in range(20000))
    s["long-first-line.jsonl"] = json.dumps({"id": "long", "text": words(100000)}) + "\n" + json.dumps({"id": "b", "text": "x."}) + "\n"
    s["one-huge-line.jsonl"] = json.dumps({"text": words(300000)})[: MAX - 2] + "\n"
    s["many-bad-lines.jsonl"] = "".join(("{bad\n" if i % 2 else json.dumps({"text": "ok."}) + "\n") for i in range(100000))
    s["many-blank-lines.jsonl"] = "\n" * 1000000 + '{"text":"x."}\n'
    s["deep-line.jsonl"] = "[" * 100000 + "]" * 100000 + "\n" + '{"text":"x."}\n'
    s["no-newline.jsonl"] = "x" * (MAX - 1)
    return s


def roundtrip_seeds():
    t = text_seeds()
    keep = ["one-line-list-item.txt", "many-list-items.txt", "many-paragraphs.txt", "many-headings.txt",
            "many-sources.txt", "combining-marks.txt", "emoji-zwj.txt", "crlf-and-cr.txt", "quotes.txt"]
    return {k: t[k] for k in keep}


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    global MAX
    if "--max-bytes" in sys.argv:
        MAX = int(sys.argv[sys.argv.index("--max-bytes") + 1])
    groups = {"yaml": yaml_seeds(), "text": text_seeds(), "markdown": markdown_seeds(), "html": html_seeds(),
              "feed": feed_seeds(), "json": json_seeds(), "jsonl": jsonl_seeds(), "roundtrip": roundtrip_seeds()}
    raw = {"yaml": {"invalid-utf8.yaml": b"version: 1\nname: \xff\xfe\xc3\x28\xed\xa0\x80\n"},
           "text": {"nul-bytes.txt": b"Title\n\n" + b"body\x00text " * 1000, "utf16-no-bom.txt": "Hello, a sentence.\n".encode("utf-16-le") * 5000,
                    "invalid-utf8.txt": b"\xff\xfe\xc3\x28\xed\xa0\x80 text " * 20000},
           "html": {"utf16-html.html": "<html><body><p>UTF-16 page with enough text.</p></body></html>".encode("utf-16")}}
    count = 0
    for target, seeds in groups.items():
        folder = os.path.join(out, target)
        os.makedirs(folder, exist_ok=True)
        for name, text in seeds.items():
            data = text.encode("utf-8", "surrogatepass")[:MAX]
            with open(os.path.join(folder, name), "wb") as f:
                f.write(data)
            count += 1
        for name, data in raw.get(target, {}).items():
            with open(os.path.join(folder, name), "wb") as f:
                f.write(data[:MAX])
            count += 1
    print(f"wrote {count} seeds to {out}")


if __name__ == "__main__":
    main()
