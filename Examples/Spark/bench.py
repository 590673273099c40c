"""Time a JSON Lines file through Spark next to a plain run (the figures of Docs/Performance.md).

    PYSPARK_PYTHON=$VENV/bin/python SPARK_LOCAL_IP=127.0.0.1 \
        $VENV/bin/python Examples/Spark/bench.py --dossier .build/release/dossier corpus.jsonl

Prints, in seconds: the plain `dossier run -p stream -q -` on the file (output to /dev/null); the
SparkSession start; a job that only counts the lines (Spark's cost per job: reading, tasks,
Python workers); the same file through `mapPartitions(stream_lines)` and through SQL
`TRANSFORM`, counted on the driver; and `spark.stop()`. `--args` replaces `run -p stream -q -`.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import ccnews  # noqa: E402
import routes  # noqa: E402
from dossier_spark import command  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("input")
    parser.add_argument("--dossier", required=True)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--partitions", type=int, default=2)
    parser.add_argument("--args", help="arguments after the binary, instead of 'run -p stream -q -'")
    parser.add_argument("--skip-plain", action="store_true")
    parser.add_argument("--warcs", help="also time ccnews.py on this manifest of WARC files (to Parquet)")
    options = parser.parse_args()
    binary = os.path.abspath(options.dossier)
    args = options.args.split() if options.args else None
    size = os.path.getsize(options.input)
    records = sum(1 for line in open(options.input, "rb") if line.strip())
    print(f"input: {records} records, {size / 1e6:.1f} MB", flush=True)

    def report(what, seconds, cpu=None):
        rate = f"{records / seconds:.0f} articles/s, {size / 1e6 / seconds:.2f} MB/s"
        extra = f"; {cpu:.1f} s CPU, {records / cpu:.0f} articles per CPU-second" if cpu else ""
        print(f"{what}: {seconds:.1f} s ({rate}{extra})", flush=True)

    if not options.skip_plain:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.monotonic()
        with open(options.input, "rb") as source, open(os.devnull, "wb") as sink:
            subprocess.run(command(binary, args), stdin=source, stdout=sink, check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        report("plain dossier, one process", time.monotonic() - t, cpu)

    from pyspark.sql import SparkSession

    t = time.monotonic()
    spark = (
        SparkSession.builder.master(options.master)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        # spark.read.text makes one partition per 128 MB by default: split the file as textFile does
        .config("spark.sql.files.maxPartitionBytes", str(size // options.partitions + 1))
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    for module in ("dossier_spark.py", "ccnews.py"):
        spark.sparkContext.addPyFile(os.path.join(HERE, module))
    print(f"SparkSession start: {time.monotonic() - t:.1f} s", flush=True)
    sc = spark.sparkContext

    t = time.monotonic()
    n = sc.textFile(options.input, minPartitions=options.partitions).map(lambda line: line).count()
    print(f"count the lines in Python ({n}): {time.monotonic() - t:.1f} s", flush=True)

    t = time.monotonic()
    n = routes.via_partitions(spark, options.input, binary, args, options.partitions).count()
    assert n == records, (n, records)
    report(f"Spark {options.master}, mapPartitions(stream_lines), {options.partitions} partitions", time.monotonic() - t)

    t = time.monotonic()
    n = routes.via_sql(spark, options.input, binary, args).count()
    assert n == records, (n, records)
    report(f"Spark {options.master}, SELECT TRANSFORM", time.monotonic() - t)

    if options.warcs:
        import tempfile

        out = tempfile.mkdtemp(prefix="dossier-bench-")
        t = time.monotonic()
        ccnews.run(spark, options.warcs, out + "/pages.parquet", "parquet", binary)
        pages = spark.read.parquet(out + "/pages.parquet").count()
        seconds = time.monotonic() - t
        print(f"ccnews.py, {options.master}, WARC to Parquet: {pages} pages in {seconds:.1f} s ({pages / seconds:.0f} pages/s)", flush=True)

    t = time.monotonic()
    spark.stop()
    print(f"spark.stop(): {time.monotonic() - t:.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
