"""The Spark smoke test (run by scripts/spark-check, which sets up Python and the binary).

Builds a small JSON Lines file (with a line that is not JSON, a record with a title and no text,
and one with neither) and two small WARC files (HTML pages made from Examples/Articles/*.txt, plus
records the job must skip), runs a plain `dossier run -p stream -` on each, then every Spark route
in one local[2] session, and checks that every input id comes back exactly once with the same
result as the plain run. Then it checks that a dossier that fails makes each route fail.
"""

from __future__ import annotations

import argparse
import collections
import glob
import html
import io
import json
import os
import subprocess
import sys
import tarfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import ccnews  # noqa: E402
import routes  # noqa: E402
from dossier_spark import analyze_dataframe, command, find_binary, stream_lines  # noqa: E402

FAILED = []


def check(ok: bool, what: str) -> None:
    print(f"spark-check: {'ok' if ok else 'FAILED'}: {what}", flush=True)
    if not ok:
        FAILED.append(what)


# --- inputs ---------------------------------------------------------------------------------


def articles() -> list[tuple[str, str]]:
    """(title, body lines) of the bundled example articles."""
    found = []
    for path in sorted(glob.glob(os.path.join(HERE, "..", "Articles", "*.txt"))):
        lines = [l.rstrip() for l in open(path, encoding="utf-8") if l.strip()]
        found.append((lines[0], lines[1:]))
    assert found, "no Examples/Articles/*.txt"
    return found


def as_html(title: str, body: list[str]) -> str:
    parts = [f"<html><head><title>{html.escape(title)}</title></head><body><article>", f"<h1>{html.escape(title)}</h1>"]
    for line in body:
        if line.startswith("- "):
            parts.append(f"<ul><li>{html.escape(line[2:])}</li></ul>")
        else:
            parts.append(f"<p>{html.escape(line)}</p>")
    parts.append("</article></body></html>")
    return "\n".join(parts)


def write_jsonl(path: str) -> tuple[list[str], int]:
    """The JSON Lines input; returns the ids it holds and how many lines have no readable id
    (the line that is not JSON: its failure record is numbered 'stdin-LINE')."""
    lines, ids = [], []
    for n, (title, body) in enumerate(articles() * 3):
        rid = f"art-{n}"
        ids.append(rid)
        if n % 2:
            lines.append(json.dumps({"id": rid, "html": as_html(title, body)}))
        else:
            lines.append(json.dumps({"id": rid, "title": title, "text": "\n".join(body)}))
    lines.insert(3, "this line is not JSON")
    lines.insert(5, "")  # blank: ignored, not a record
    lines.append(json.dumps({"id": "title-only", "title": "Council to vote on harbour budget"}))
    lines.append(json.dumps({"id": "no-text", "url": "https://example.test/empty"}))
    ids += ["title-only", "no-text"]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return ids, 1


def write_warcs(folder: str) -> str:
    """Two WARC files (one gzipped) and a manifest naming them; returns the manifest path."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    paths = []
    for k, gzip in enumerate([True, False]):
        path = os.path.join(folder, f"news-{k}.warc" + (".gz" if gzip else ""))
        with open(path, "wb") as f:
            writer = WARCWriter(f, gzip=gzip)
            for n, (title, body) in enumerate(articles()):
                url = f"https://news{k}.example.test/2026/{n}/story.html"
                request = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
                writer.write_record(request)
                page = as_html(title, body).encode("utf-8")
                headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(page), http_headers=headers))
            pdf = StatusAndHeaders("200 OK", [("Content-Type", "application/pdf")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://news{k}.example.test/report.pdf", "response", payload=io.BytesIO(b"%PDF-1.4"), http_headers=pdf))
            missing = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://news{k}.example.test/gone", "response", payload=io.BytesIO(b"<html><body><p>Not found</p></body></html>"), http_headers=missing))
        paths.append(path)
    manifest = os.path.join(folder, "warc.paths")
    with open(manifest, "w") as f:
        f.write("\n".join(paths) + "\n")
    return manifest


# --- results --------------------------------------------------------------------------------


def normal(answer: dict) -> str:
    """An answer without what depends on where the line sat in its stream (each partition is a
    stream of its own): a document's origin ('-:LINE'); a failure record's line number, message
    (which quotes it) and an id made from it ('stdin-LINE', given to records with no id)."""
    answer = dict(answer)
    if answer.get("format") == "dossier-error":
        error = answer.get("error") or {}
        answer["error"] = {"code": error.get("code"), "component": error.get("component")}
        answer.pop("line", None)
    else:
        answer.pop("origin", None)
    if str(answer.get("id")).startswith("stdin-"):
        answer["id"] = "stdin-*"
    return json.dumps(answer, sort_keys=True, ensure_ascii=False)


def plain_run(binary: str, records_jsonl: str) -> list[str]:
    """`dossier run -p stream -` on the whole input: the reference."""
    done = subprocess.run(command(binary), input=records_jsonl.encode("utf-8"), capture_output=True)
    if done.returncode != 0:
        sys.exit(f"spark-check: the plain run exited {done.returncode}: {done.stderr.decode()[-2000:]}")
    return [normal(json.loads(l)) for l in done.stdout.decode("utf-8").splitlines()]


def compare(route: str, lines: list[str], ids: list[str], unnamed: int, reference: list[str]) -> None:
    """Every input id exactly once, `unnamed` answers for the lines without a readable id (their
    id is 'stdin-LINE', LINE counted within the partition), and the same answers as the plain run."""
    answers = [json.loads(l) for l in lines]
    counts = collections.Counter(a.get("id") for a in answers)
    twice = sorted(i for i, c in counts.items() if i in ids and c > 1)
    missing = sorted(set(ids) - set(counts))
    stray = sorted(str(i) for i in counts if i not in ids and not str(i).startswith("stdin-"))
    numbered = sum(c for i, c in counts.items() if str(i).startswith("stdin-"))
    check(not twice and not missing and not stray and numbered == unnamed and len(answers) == len(ids) + unnamed,
          f"{route}: {len(answers)} lines, every id once (missing {missing[:3]}, twice {twice[:3]}, "
          f"unknown {stray[:3]}, {numbered} of {unnamed} numbered 'stdin-N')")
    same = sorted(normal(a) for a in answers) == sorted(reference)
    check(same, f"{route}: the same results as the plain run")


def expect_failure(route: str, job) -> None:
    try:
        job()
    except Exception as error:  # Py4JJavaError, PythonException, PySparkRuntimeError
        reason = next((l.strip() for l in str(error).splitlines() if "exit" in l.lower()), type(error).__name__)
        check(True, f"{route}: a failing dossier fails the job ({reason[:160]})")
        return
    check(False, f"{route}: a failing dossier fails the job")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossier", required=True)
    parser.add_argument("--work", required=True)
    args = parser.parse_args()
    binary = os.path.abspath(args.dossier)
    os.makedirs(args.work, exist_ok=True)
    jsonl = os.path.join(args.work, "articles.jsonl")
    ids, null_ids = write_jsonl(jsonl)
    manifest = write_warcs(args.work)
    reference = plain_run(binary, open(jsonl, encoding="utf-8").read())
    failures = sorted((json.loads(r)["id"], json.loads(r)["error"]["code"]) for r in reference if '"dossier-error"' in r)
    check(failures == [("no-text", "E454"), ("stdin-*", "E451")] and len(reference) == len(ids) + null_ids,
          f"plain run: {len(reference)} lines, failure records {failures}, exit status 0")
    warc_records = [r for p in open(manifest).read().split() for r in ccnews.html_records(p)]
    warc_ids = [r["id"] for r in warc_records]
    check(len(warc_ids) == 2 * len(articles()), f"warcio: {len(warc_ids)} HTML pages read, the request, PDF and 404 records skipped")
    warc_reference = plain_run(binary, "".join(json.dumps(r) + "\n" for r in warc_records))

    from pyspark.sql import SparkSession

    started = time.monotonic()
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("dossier-spark-check")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.task.maxFailures", "1")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    for module in ("dossier_spark.py", "ccnews.py"):  # what the Python workers import
        spark.sparkContext.addPyFile(os.path.join(HERE, module))
    print(f"spark-check: SparkSession up in {time.monotonic() - started:.1f} s", flush=True)

    def timed(route, collect):
        t = time.monotonic()
        lines = collect()
        print(f"spark-check: {route} ran in {time.monotonic() - t:.1f} s", flush=True)
        return lines

    sql = timed("sql", lambda: [r.line for r in routes.via_sql(spark, jsonl, binary).collect()])
    compare("SELECT TRANSFORM", sql, ids, null_ids, reference)
    pipe = timed("pipe", lambda: routes.via_pipe(spark, jsonl, binary).collect())
    compare("rdd.pipe(checkCode=True)", pipe, ids, null_ids, reference)
    parts = timed("mapPartitions", lambda: routes.via_partitions(spark, jsonl, binary).collect())
    compare("mapPartitions(stream_lines)", parts, ids, null_ids, reference)
    arrow = timed("mapInArrow", lambda: [r.document for r in routes.via_arrow(spark, jsonl, binary).collect()])
    compare("mapInArrow", arrow, ids, null_ids, reference)

    frame = spark.createDataFrame(warc_records, "id string, url string, html string").repartition(2)
    rows = timed("DataFrame of records", lambda: analyze_dataframe(frame, binary=binary).collect())
    compare("analyze_dataframe (rows as records)", [r.document for r in rows], warc_ids, 0, warc_reference)

    out = os.path.join(args.work, "ccnews")
    timed("ccnews parquet", lambda: ccnews.run(spark, manifest, out + ".parquet", "parquet", binary))
    rows = spark.read.parquet(out + ".parquet").collect()
    check(sorted({r.warc for r in rows}) == sorted(open(manifest).read().split()), "ccnews parquet: rows from every WARC file")
    check(all(r.ok for r in rows), "ccnews parquet: every page analysed")
    compare("ccnews parquet", [r.document for r in rows], warc_ids, 0, warc_reference)
    timed("ccnews jsonl", lambda: ccnews.run(spark, manifest, out + ".jsonl", "jsonl", binary))
    lines = [l for p in sorted(glob.glob(out + ".jsonl/part-*")) for l in open(p, encoding="utf-8") if l.strip()]
    compare("ccnews jsonl", lines, warc_ids, 0, warc_reference)

    # Shipping: dossier and the resource folders beside it as one archive (spark-submit --archives
    # dossier.tar#dossier), found on the executors by find_binary with no path given.
    archive = os.path.join(args.work, "dossier-dist.tar")
    with tarfile.open(archive, "w") as tar:
        tar.add(binary, arcname="dossier")
        for folder in glob.glob(os.path.join(os.path.dirname(binary), "*.resources")):
            tar.add(folder, arcname=os.path.basename(folder))
    spark.sparkContext.addArchive(archive + "#dossier")
    found = spark.sparkContext.parallelize([0], 1).map(lambda _: find_binary()).collect()[0]
    check(found != binary and found.endswith(os.path.join("dossier", "dossier")), f"--archives: the executors run the shipped copy ({found})")
    shipped = timed("shipped binary", lambda: spark.sparkContext.textFile(jsonl, 2).mapPartitions(lambda rows: stream_lines(rows)).collect())
    compare("mapPartitions with the shipped binary", shipped, ids, null_ids, reference)

    # A dossier that fails (here: a pipeline file that does not exist) must fail every route.
    broken = ("run", "-p", os.path.join(args.work, "missing.pipeline.yaml"), "-q", "-")
    expect_failure("SELECT TRANSFORM", lambda: routes.via_sql(spark, jsonl, binary, broken).collect())
    expect_failure("rdd.pipe(checkCode=True)", lambda: routes.via_pipe(spark, jsonl, binary, broken).collect())
    lost = routes.via_pipe(spark, jsonl, binary, broken, check=False).collect()
    check(lost == [], f"rdd.pipe without checkCode: the job 'succeeds' with {len(lost)} of {len(ids) + null_ids} lines (why checkCode matters)")
    expect_failure("mapPartitions(stream_lines)", lambda: routes.via_partitions(spark, jsonl, binary, broken).collect())
    expect_failure("mapInArrow", lambda: routes.via_arrow(spark, jsonl, binary, broken).collect())
    spark.stop()
    if FAILED:
        print(f"spark-check: {len(FAILED)} checks FAILED", flush=True)
        return 1
    print("spark-check: passed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
