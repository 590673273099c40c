"""The three ways to run `dossier` from Spark, each a function over a JSON Lines file.

    spark-submit --master 'local[2]' --files /path/to/dossier Examples/Spark/routes.py \
        articles.jsonl out/

writes out/sql, out/pipe and out/partitions (JSON Lines, one output line per input line) and
out/arrow (Parquet). Every route raises when a `dossier` process exits non-zero, so a task fails
(and is retried) rather than leaving rows out.
"""

from __future__ import annotations

import os
import shlex
import sys

from dossier_spark import command, map_in_arrow, stream_lines


def via_sql(spark, path: str, binary: str | None = None, args=None):
    """Spark SQL's script transform: each input row written to the program's stdin, each output
    line read back as a row. Spark fails the task when the program exits non-zero. The input
    column is a whole JSON line and dossier's output escapes tabs, so Spark's default
    tab-separated row format carries it unchanged."""
    spark.read.text(path).createOrReplaceTempView("articles")
    script = shlex.join(command(binary, args))
    return spark.sql(f"SELECT TRANSFORM(value) USING '{script}' AS (line STRING) FROM articles")


def via_pipe(spark, path: str, binary: str | None = None, args=None, partitions: int = 2, check: bool = True):
    """`RDD.pipe`. PySpark ignores the exit status unless `checkCode=True`: without it a dossier
    that fails half-way leaves a partition short and the job still succeeds. `env` replaces the
    whole environment of the process (PySpark's default is an empty one)."""
    lines = spark.sparkContext.textFile(path, minPartitions=partitions)
    return lines.pipe(shlex.join(command(binary, args)), env={"LC_ALL": "C.UTF-8"}, checkCode=check)


def via_partitions(spark, path: str, binary: str | None = None, args=None, partitions: int = 2):
    """`RDD.mapPartitions` with `stream_lines`: one process per partition, the exit status and
    the one-line-per-record count checked, the process killed if the task stops early."""
    lines = spark.sparkContext.textFile(path, minPartitions=partitions)
    return lines.mapPartitions(lambda rows: stream_lines(rows, binary, args))


def via_arrow(spark, path: str, binary: str | None = None, args=None):
    """`DataFrame.mapInArrow`: a DataFrame of (id, ok, error, document)."""
    return map_in_arrow(spark.read.text(path), column="value", binary=binary, args=args)


def main(argv: list[str]) -> int:
    from pyspark.sql import SparkSession

    if len(argv) != 3:
        print("usage: routes.py ARTICLES.jsonl OUT_DIR", file=sys.stderr)
        return 2
    path, out = argv[1], argv[2].rstrip("/")
    spark = SparkSession.builder.appName("dossier-routes").getOrCreate()
    here = os.path.dirname(os.path.abspath(__file__))
    for module in ("dossier_spark.py",):  # the same as --py-files
        spark.sparkContext.addPyFile(os.path.join(here, module))
    via_sql(spark, path).write.mode("overwrite").text(f"{out}/sql")
    via_pipe(spark, path).saveAsTextFile(f"{out}/pipe")
    via_partitions(spark, path).saveAsTextFile(f"{out}/partitions")
    via_arrow(spark, path).write.mode("overwrite").parquet(f"{out}/arrow")
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
