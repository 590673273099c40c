"""Stream Spark partitions through one long-lived `dossier` process.

Standard library only (pyspark is needed only by the functions that take a SparkSession or a
DataFrame, and pyarrow only by `map_in_arrow`). The contract this relies on (Docs/Streaming.md):
`dossier run -p stream -` reads JSON Lines on standard input and writes exactly one line per
non-blank input line, in input order, flushed per line: a Dossier document
(`{"format":"dossier","id":...}`) or an error line (`{"format":"dossier-error","id":...,
"error":{...}}`). Records answered with an error line leave the exit status at 0; anything else
(a bad pipeline, a crash, a closed pipe) does not, and every helper here raises on it, so a task
fails and Spark retries it instead of writing a partition with rows missing.

    from dossier_spark import stream_records
    docs = rdd.mapPartitions(stream_records)                   # dicts in, dicts out

    from dossier_spark import stream_lines
    lines = text_rdd.mapPartitions(stream_lines)               # JSON Lines in, JSON Lines out
"""

from __future__ import annotations

import collections
import json
import os
import shutil
import subprocess
import threading
from typing import Iterable, Iterator, Optional, Sequence

STREAM_ARGS = ("run", "-p", "stream", "-q", "-")
"""Arguments after the binary: the built-in `stream` pipeline on stdin/stdout, no summary."""


class DossierStreamError(RuntimeError):
    """The `dossier` process failed, or broke the one-line-per-record contract."""


def find_binary(binary: Optional[str] = None) -> str:
    """The `dossier` to run, in this order: the argument, `$DOSSIER_BIN`, what `spark-submit
    --files .../dossier` or `--archives dossier.tar.gz#dossier` (or `sc.addFile`/`addArchive`)
    shipped to this executor, `./dossier` in the task's working directory, the one on PATH.
    A folder (an unpacked archive) stands for the `dossier` inside it.
    """
    candidates = [binary, os.environ.get("DOSSIER_BIN")]
    if binary is None and not os.environ.get("DOSSIER_BIN"):
        try:  # only inside a Spark task or driver
            from pyspark import SparkFiles

            candidates.append(SparkFiles.get("dossier"))
        except Exception:
            pass
        candidates.append("dossier")
    for candidate in candidates:
        if not candidate:
            continue
        if os.path.isdir(candidate):
            candidate = os.path.join(candidate, "dossier")
        if os.path.isfile(candidate):
            if not os.access(candidate, os.X_OK):
                os.chmod(candidate, 0o755)
            return os.path.abspath(candidate)
        if binary or candidate == os.environ.get("DOSSIER_BIN"):
            raise DossierStreamError(f"no dossier binary at '{candidate}': pass the path of a built 'dossier'")
    found = shutil.which("dossier")
    if found:
        return found
    raise DossierStreamError(
        "no 'dossier' binary: pass binary=..., set DOSSIER_BIN, ship it with "
        "'spark-submit --archives dossier.tar.gz#dossier' (or --files) or put it on PATH"
    )


def command(binary: Optional[str] = None, args: Optional[Sequence[str]] = None) -> list[str]:
    """The argument vector that streams JSON Lines through `dossier`.

    `args` replaces the default `run -p stream -q -` (or `$DOSSIER_ARGS`, split at spaces), such as
    `("run", "-p", "my.pipeline.yaml", "-q", "-")` for a pipeline file of your own that reads
    `jsonl` from `-` and writes `jsonl` to `-`.
    """
    if args is None:
        args = os.environ["DOSSIER_ARGS"].split() if os.environ.get("DOSSIER_ARGS") else STREAM_ARGS
    return [find_binary(binary), *args]


def stream_lines(
    lines: Iterable[str],
    binary: Optional[str] = None,
    args: Optional[Sequence[str]] = None,
) -> Iterator[str]:
    """Feed JSON Lines to one `dossier` process and yield its output lines (without newline).

    Blank input lines are skipped here (dossier ignores them too), so exactly one output line
    comes back per line yielded. A writer thread feeds standard input while this generator reads
    standard output, so the pipe's backpressure bounds memory however long the partition is; a
    third thread keeps the last lines of standard error for the exception. Raises
    `DossierStreamError` when the process exits non-zero or the number of lines differs.
    """
    argv = command(binary, args)
    proc = subprocess.Popen(
        argv,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        bufsize=1 << 16,
    )
    written = [0]
    writer_error: list[BaseException] = []
    stderr_tail: collections.deque[str] = collections.deque(maxlen=20)

    def write() -> None:
        try:
            for line in lines:
                line = line.rstrip("\r\n")
                if not line.strip():
                    continue
                if "\n" in line:
                    raise DossierStreamError(
                        f"record {written[0] + 1} holds a newline; JSON Lines needs one record a line"
                    )
                proc.stdin.write(line.encode("utf-8") + b"\n")
                written[0] += 1
        except BrokenPipeError:
            pass  # the process died; its exit status tells why
        except BaseException as error:  # an input iterator that fails must fail the task
            writer_error.append(error)
        finally:
            try:
                proc.stdin.close()
            except BrokenPipeError:
                pass

    def drain() -> None:
        for raw in proc.stderr:
            stderr_tail.append(raw.decode("utf-8", "replace").rstrip())

    threads = [
        threading.Thread(target=write, name="dossier-stdin", daemon=True),
        threading.Thread(target=drain, name="dossier-stderr", daemon=True),
    ]
    for thread in threads:
        thread.start()
    read = 0
    finished = False
    try:
        for raw in proc.stdout:
            read += 1
            yield raw.decode("utf-8").rstrip("\n")
        finished = True
    finally:
        if not finished:  # the consumer stopped early (take, limit) or failed: do not leak
            proc.kill()
        status = proc.wait()
        for thread in threads:
            thread.join()
    if writer_error:
        raise DossierStreamError(f"reading the input failed: {writer_error[0]!r}") from writer_error[0]
    tail = "\n".join(stderr_tail)
    if status != 0:
        raise DossierStreamError(
            f"'{' '.join(argv)}' exited with status {status} after {read} of {written[0]} lines; "
            f"its last messages:\n{tail}"
        )
    if read != written[0]:
        raise DossierStreamError(
            f"'{' '.join(argv)}' answered {read} lines for {written[0]} records; "
            f"the stream contract wants one each:\n{tail}"
        )


def stream_answers(
    records: Iterable[dict],
    binary: Optional[str] = None,
    args: Optional[Sequence[str]] = None,
) -> Iterator[tuple[dict, str]]:
    """Dicts in (`id`, `title`, `text` or `html`, ...), (parsed answer, answer line) out, in order.

    Also checks that each answer carries the id of its record when the record had one (an error
    line for a record that could not be read carries the id only when dossier could find it).
    Rows of a DataFrame can be passed as they are (`asDict` is called).
    """
    expected: collections.deque = collections.deque()

    def encode() -> Iterator[str]:
        for record in records:
            if hasattr(record, "asDict"):
                record = record.asDict(recursive=True)
            expected.append(record.get("id") if isinstance(record, dict) else None)
            yield json.dumps(record, ensure_ascii=False, separators=(",", ":"))

    for line in stream_lines(encode(), binary, args):
        answer = json.loads(line)
        want = expected.popleft()
        if want is not None and answer.get("id") not in (str(want), None):  # ids come back as strings
            raise DossierStreamError(f"answer for '{want}' carries id '{answer.get('id')}': out of order")
        yield answer, line


def stream_records(
    records: Iterable[dict],
    binary: Optional[str] = None,
    args: Optional[Sequence[str]] = None,
) -> Iterator[dict]:
    """Dicts in, parsed answers (documents or error lines) out, in order; see `stream_answers`."""
    return (answer for answer, _ in stream_answers(records, binary, args))


def is_error(answer: dict) -> bool:
    """Whether an output object is an error line rather than a document."""
    return answer.get("format") == "dossier-error"


def summary_row(answer: dict, line: Optional[str] = None) -> tuple:
    """(id, ok, error code, document JSON): the row the DataFrame helpers produce. Pass the answer
    line as dossier wrote it to keep it as is (encoding a large document again costs about as
    much as parsing it)."""
    document = line if line is not None else json.dumps(answer, ensure_ascii=False)
    if is_error(answer):
        return (answer.get("id"), False, (answer.get("error") or {}).get("code"), document)
    return (answer.get("id"), True, None, document)


SUMMARY_SCHEMA = "id string, ok boolean, error string, document string"
"""Spark SQL schema of `summary_row`."""


def _records(rows, columns, column):
    """Rows to what `stream_lines` (a column of JSON Lines text) or `stream_records` takes."""
    if column is not None:
        return (row[column] or "" for row in rows)
    return ({c: row[c] for c in columns if row[c] is not None} for row in rows)


def _answers(rows, columns, column, binary, args):
    """(answer, line) pairs for rows of a DataFrame."""
    if column is not None:
        return ((json.loads(line), line) for line in stream_lines(_records(rows, columns, column), binary, args))
    return stream_answers(_records(rows, columns, column), binary, args)


def analyze_dataframe(df, column: Optional[str] = None, binary: Optional[str] = None, args: Optional[Sequence[str]] = None):
    """A DataFrame to a DataFrame of `SUMMARY_SCHEMA`, one `dossier` process per partition,
    through `rdd.mapPartitions`. The rows are articles (columns id, title, text or html, url, ...),
    or, with `column`, that string column holds one JSON Lines record a row (`spark.read.text`
    gives `value`)."""
    columns = df.columns

    def run(rows):
        return (summary_row(a, line) for a, line in _answers(rows, columns, column, binary, args))

    return df.rdd.mapPartitions(run).toDF(SUMMARY_SCHEMA)


def map_in_arrow(df, column: Optional[str] = None, binary: Optional[str] = None, args: Optional[Sequence[str]] = None):
    """The same as `analyze_dataframe` through `DataFrame.mapInArrow` (Spark 3.3+, needs pyarrow
    on the executors): Arrow batches cross the JVM boundary instead of pickled rows, and the
    function sees the partition as one iterator of batches, so one process still serves it."""
    import pyarrow as pa

    schema = pa.schema([("id", pa.string()), ("ok", pa.bool_()), ("error", pa.string()), ("document", pa.string())])
    columns = df.columns

    def batch(rows):
        return pa.RecordBatch.from_arrays(
            [pa.array(values, type=field.type) for values, field in zip(zip(*rows), schema)], schema=schema
        )

    def run(batches):
        rows_in = (row for b in batches for row in b.to_pylist())
        rows = []
        for answer, line in _answers(rows_in, columns, column, binary, args):
            rows.append(summary_row(answer, line))
            if len(rows) == 256:
                yield batch(rows)
                rows = []
        if rows:
            yield batch(rows)

    return df.mapInArrow(run, SUMMARY_SCHEMA)
