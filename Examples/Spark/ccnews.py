"""A CC-NEWS-style job: a manifest of WARC files in, one Dossier result per HTML page out.

    spark-submit --master yarn --files /path/to/dossier --py-files Examples/Spark/dossier_spark.py \
        Examples/Spark/ccnews.py warc.paths s3a://bucket/dossier/2025/ --format parquet

The manifest holds one WARC path or URL a line (local paths, file://, http(s)://; for s3:// read
through your own opener, see `open_warc`). Each file is one task, so a task that fails is retried
on its file alone. Inside a task the HTML response records are read with warcio and turned into
`{"id": WARC-Record-ID, "url": WARC-Target-URI, "html": ...}`, streamed through one `dossier`
process, and written as JSON Lines (the dossier output lines as they are) or Parquet (columns
warc, id, url, ok, error, document).
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import sys
import urllib.request
from typing import Iterator, Optional

from dossier_spark import stream_answers, summary_row

HTML_TYPES = ("text/html", "application/xhtml+xml")
PARQUET_SCHEMA = "warc string, id string, url string, ok boolean, error string, document string"


def open_warc(path: str):
    """A binary stream over one WARC file (gzipped or not; warcio tells them apart)."""
    if re.match(r"^https?://", path):
        return urllib.request.urlopen(path)
    return open(path[len("file://") :] if path.startswith("file://") else path, "rb")


def html_records(path: str) -> Iterator[dict]:
    """The HTML responses of one WARC file as dossier input objects."""
    from warcio.archiveiterator import ArchiveIterator

    with open_warc(path) as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            if record.http_headers.get_statuscode() != "200":
                continue
            content_type = (record.http_headers.get_header("Content-Type") or "").lower()
            if not content_type.startswith(HTML_TYPES):
                continue
            body = record.content_stream().read()
            charset = re.search(r"charset=([\w-]+)", content_type)
            try:
                html = body.decode(charset.group(1) if charset else "utf-8", "replace")
            except LookupError:  # a charset Python does not know
                html = body.decode("utf-8", "replace")
            url = record.rec_headers.get_header("WARC-Target-URI")
            yield {
                "id": record.rec_headers.get_header("WARC-Record-ID") or url,
                "url": url,
                "html": html,
            }


def analyze_warcs(paths, binary: Optional[str] = None) -> Iterator[tuple]:
    """mapPartitions function: every WARC of the partition through one dossier process, as rows
    (warc, id, url, ok, error, document). Answers come back in input order, so the url of each
    comes from a queue filled as records go in."""
    urls: collections.deque = collections.deque()

    def records():
        for path in paths:
            path = path.strip()
            for record in html_records(path) if path else ():
                urls.append((path, record["url"]))
                yield record

    for answer, line in stream_answers(records(), binary):
        path, url = urls.popleft()
        rid, ok, error, document = summary_row(answer, line)
        yield (path, rid, url, ok, error, document)


def run(spark, manifest: str, out: str, fmt: str = "parquet", binary: Optional[str] = None) -> None:
    sc = spark.sparkContext
    paths = [line.strip() for line in sc.textFile(manifest).collect() if line.strip()]
    # one partition per file: the unit of work and of retry
    rows = sc.parallelize(paths, max(1, len(paths))).mapPartitions(lambda p: analyze_warcs(p, binary))
    if fmt == "jsonl":
        rows.map(lambda row: row[5]).saveAsTextFile(out)
    else:
        rows.toDF(PARQUET_SCHEMA).write.mode("overwrite").parquet(out)


def main(argv: list[str]) -> int:
    from pyspark.sql import SparkSession

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("manifest", help="a text file with one WARC path or URL a line")
    parser.add_argument("out", help="output folder")
    parser.add_argument("--format", choices=["parquet", "jsonl"], default="parquet")
    parser.add_argument("--dossier", help="path of the dossier binary on the executors")
    args = parser.parse_args(argv[1:])
    spark = SparkSession.builder.appName("dossier-ccnews").getOrCreate()
    here = os.path.dirname(os.path.abspath(__file__))
    for module in ("dossier_spark.py", "ccnews.py",):  # the same as --py-files
        spark.sparkContext.addPyFile(os.path.join(here, module))
    run(spark, args.manifest, args.out, args.format, args.dossier)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
