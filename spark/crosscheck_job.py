"""crosscheck on Apache Spark: `crosscheck check --format jsonl` of a corpus of
JSON Lines files, split over executors, with the same records and fingerprints.

The executors run the crosscheck binary itself (shipped with the job, fed
framed lines on standard input), so the findings come from the one
implementation, byte for byte:

  map      each line, framed with its path and line number, is indexed by
           `crosscheck index --framed -` (id, date, event key, or why the line
           is rejected); a repeated id is rejected here, across the corpus.
  shuffle  events are split into parts by the day they began; each part gets
           the reports of the events it owns and of every event its search for
           quotes of other events (CC010) can reach: those that began up to
           DAYS_BACK days before its first and DAYS_OF_SLACK after its last day.
  reduce   each part runs `crosscheck check --framed - --own-days FROM..TO`
           and keeps the records of the events it owns. If crosscheck dies on
           a part, the event it dies on is found by halving the part's events
           and taken out of the corpus; its reports are named as rejected by
           path, line and id, and the job goes on.

The records are then put in the order the single-machine run writes them
(reports by place, events, claims and findings by event, rejections by
place) and the summary is counted. `--events auto` groups events within date
buckets with a halo of the event window and writes the grouping (see README,
"Running on a cluster", for how it differs from the single-machine one).
"""

import argparse
import datetime
import json
import os
import stat
import subprocess
import sys

# foreign.rs: how far the search for quotes of other events reaches.
DAYS_BACK = 60
DAYS_OF_SLACK = 1
EPOCH = datetime.date(1970, 1, 1)
# Sorts undated events after the dated ones.
UNDATED = 10**9


def day_number(published):
    """`YYYY-MM-DD` as days since 1970-01-01; None for an undated report."""
    if published is None:
        return None
    return (datetime.date.fromisoformat(published) - EPOCH).days


def day_text(number):
    return (EPOCH + datetime.timedelta(days=number)).isoformat()


def framed(path, number, text):
    header = json.dumps({"path": path, "line": number}, ensure_ascii=False, separators=(",", ":"))
    return header + "\t" + text


def binary_path(name):
    """The binary shipped with the job (SparkFiles), executable."""
    from pyspark import SparkFiles

    path = SparkFiles.get(name)
    mode = os.stat(path).st_mode
    if not mode & stat.S_IXUSR:
        os.chmod(path, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


def run(binary, args, lines, config=None):
    """Run crosscheck on `lines` (framed), with the configuration shipped as
    `config`; its status, output lines and error text."""
    from pyspark import SparkFiles

    data = ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass") if lines else b""
    command = [binary_path(binary)] + args
    if config:
        command += ["--config", SparkFiles.get(config)]
    else:
        command += ["--isolated"]
    done = subprocess.run(command, input=data, capture_output=True)
    out = done.stdout.decode("utf-8", "replace").splitlines()
    return done.returncode, out, done.stderr.decode("utf-8", "replace")


def rust_debug(text):
    """A string as Rust's `{:?}` writes it (the id in a duplicate's reason)."""
    escapes = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\0": "\\0"}
    out = []
    for ch in text:
        if ch in escapes:
            out.append(escapes[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append("\\u{%x}" % ord(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def rejection(path, line, column, reason):
    record = {
        "type": "rejected",
        "path": path,
        "line": line,
        "column": column,
        "reason": reason,
        "message": f"{path}:{line}:{column}: {reason}",
    }
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def leading_column(text, number):
    """The column where a JSON line's record starts (after a byte order mark on line 1)."""
    if number == 1 and text.startswith("\ufeff"):
        text = text[1:]
    return 1 + len(text) - len(text.lstrip(" \t\r\n"))


def plan_parts(events, parts):
    """Split the events into parts by the day they began.

    `events`: event -> (first day or None, last day or None, reports). Each part:
    (own_from, own_to, reach_from, reach_to), days both included; the undated
    events are a part of their own: (None, None, None, None).
    """
    dated = sorted((first, event) for event, (first, _, _) in events.items() if first is not None)
    total = sum(events[e][2] for _, e in dated)
    target = max(1, -(-total // max(1, parts)))
    chunks, current, count = [], [], 0
    for i, (first, event) in enumerate(dated):
        current.append(event)
        count += events[event][2]
        last_of_day = i + 1 == len(dated) or dated[i + 1][0] != first
        if count >= target and last_of_day:
            chunks.append(current)
            current, count = [], 0
    if current:
        chunks.append(current)
    planned = []
    for chunk in chunks:
        own_from = min(events[e][0] for e in chunk)
        own_to = max(events[e][0] for e in chunk)
        last = max(events[e][1] for e in chunk)
        planned.append((own_from, own_to, own_from - DAYS_BACK, last + DAYS_OF_SLACK))
    if any(first is None for first, _, _ in events.values()):
        planned.append((None, None, None, None))
    return planned


def parts_of(first, planned):
    """The parts that read an event that began on `first`: those whose search can reach it."""
    if first is None:
        return [len(planned) - 1]
    return [
        k
        for k, (own_from, _, reach_from, reach_to) in enumerate(planned)
        if own_from is not None and reach_from <= first <= reach_to
    ]


def record_key(record, seq, file_number):
    """Where a record goes in the single-machine run's order."""
    kind = record["type"]
    if kind == "report":
        return (0, file_number[record["path"]], record["line"], "", 0)
    if kind == "event":
        return (1, 0, 0, record["event"], 0)
    if kind == "claim":
        return (2, 0, 0, record["event"], seq)
    if kind == "finding":
        return (3, 0, 0, record["event"], seq)
    return (4, file_number.get(record["path"], -1), record["line"], "", record["column"])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+", help="JSON Lines files, each named (local, hdfs://, s3a://; no folders or globs)")
    parser.add_argument("--binary", required=True, help="the crosscheck binary to ship to executors")
    parser.add_argument("--config", help="crosscheck.toml to ship with it")
    parser.add_argument("--output", required=True, help="the JSON Lines to write (local path, or a folder URI for part files)")
    parser.add_argument("--parquet", help="also write the findings as Parquet here")
    parser.add_argument("--parts", type=int, default=0, help="parts to check (default: 2 per core)")
    parser.add_argument("--events", choices=["keys", "auto"], default="keys")
    parser.add_argument("--event-window", type=int, default=3)
    parser.add_argument("--master", help="Spark master when not given by spark-submit (local[2])")
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("crosscheck").config("spark.ui.showConsoleProgress", "false")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    # Lines end at \n only, as crosscheck reads them (not at a lone \r).
    sc._jsc.hadoopConfiguration().set("textinputformat.record.delimiter", "\n")
    sc.addFile(args.binary)
    binary = os.path.basename(args.binary)
    config = None
    if args.config:
        sc.addFile(args.config)
        config = os.path.basename(args.config)
    parts = args.parts or 2 * sc.defaultParallelism

    # crosscheck orders its inputs by the path they are shown as.
    paths = sorted(args.inputs)
    file_number = {p: i for i, p in enumerate(paths)}
    lines = sc.union(
        [
            sc.textFile(p).zipWithIndex().map(lambda t, i=i: (i, t[1] + 1, t[0]))
            for i, p in enumerate(paths)
        ]
    )

    if args.events == "auto":
        return auto_events(sc, args, lines, paths, binary, config, parts)

    # map: index every line.
    def index_part(rows):
        rows = list(rows)
        columns = {(paths[f], n): leading_column(text, n) for f, n, text in rows}
        for line in index_lines(rows):
            record = json.loads(line)
            if record["type"] == "report":
                record["column"] = columns.get((record["path"], record["line"]), 1)
                yield ("report", record)
            else:
                yield ("rejected", line)

    def index_lines(rows):
        """`crosscheck index` of `rows`; if it dies, of each half, down to
        the lines it dies on, which are rejected."""
        status, out, err = run(binary, ["index", "--framed", "-"], [framed(paths[f], n, t) for f, n, t in rows])
        if status in (0, 2):
            return out
        if len(rows) > 1:
            return index_lines(rows[: len(rows) // 2]) + index_lines(rows[len(rows) // 2 :])
        f, n, t = rows[0]
        why = (err.strip().splitlines() or [f"exit status {status}"])[-1]
        return [rejection(paths[f], n, leading_column(t, n), f"crosscheck failed reading this line: {why}")]

    indexed = lines.mapPartitions(index_part).cache()
    rejected_lines = indexed.filter(lambda r: r[0] == "rejected").map(lambda r: r[1])

    # A repeated id: the first in corpus order stays, the others are rejected.
    def first_of(kv):
        records = sorted(kv[1], key=lambda r: (file_number[r["path"]], r["line"]))
        first = records[0]
        yield ("kept", first)
        for later in records[1:]:
            reason = (
                f"duplicate id {rust_debug(later['id'])} (first seen at "
                f"{first['path']}:{first['line']}:{first['column']})"
            )
            yield ("rejected", rejection(later["path"], later["line"], later["column"], reason))

    sorted_out = indexed.filter(lambda r: r[0] == "report").map(lambda r: (r[1]["id"], r[1])).groupByKey().flatMap(first_of).cache()
    kept = sorted_out.filter(lambda r: r[0] == "kept").map(lambda r: r[1])
    rejected_lines = rejected_lines.union(sorted_out.filter(lambda r: r[0] == "rejected").map(lambda r: r[1]))

    def event_of(r):
        key = r.get("event") or r.get("folder")
        if key is None:
            raise RuntimeError(
                f"{r['path']}:{r['line']}: a report without an event key: run with --events auto"
            )
        return key

    def span(a, b):
        lo = [x for x in (a[0], b[0]) if x is not None]
        hi = [x for x in (a[1], b[1]) if x is not None]
        return (min(lo) if lo else None, max(hi) if hi else None, a[2] + b[2])

    events = (
        kept.map(lambda r: (event_of(r), (day_number(r["published"]), day_number(r["published"]), 1)))
        .reduceByKey(span)
        .collectAsMap()
    )
    planned = plan_parts(events, parts)
    reach = sc.broadcast({e: (v[0], parts_of(v[0], planned)) for e, v in events.items()})
    plan = sc.broadcast(planned)

    # shuffle: each report to every part that reads its event.
    wanted = kept.flatMap(
        lambda r: [
            ((file_number[r["path"]], r["line"]), (k, r["id"], reach.value[event_of(r)][0], event_of(r)))
            for k in reach.value[event_of(r)][1]
        ]
    )
    # Each part's rows: (file number, line, text, id, day its event began, event).
    by_part = (
        lines.map(lambda t: ((t[0], t[1]), t[2]))
        .join(wanted)
        .map(lambda kv: (kv[1][1][0], (kv[0][0], kv[0][1], kv[1][0]) + kv[1][1][1:]))
        .partitionBy(len(planned), lambda k: k)
    )

    # reduce: check each part, keep what it owns.
    def check_part(k, rows):
        rows = sorted((r for _, r in rows), key=lambda r: (r[0], r[1]))
        own_from, own_to, _, _ = plan.value[k]
        own = "undated" if own_from is None else f"{day_text(own_from)}..{day_text(own_to)}"
        command = ["check", "--framed", "-", "--own-days", own, "--format", "jsonl", "--fail-on", "never"]

        def attempt(events):
            """The records of a check of the reports of `events`, or None and why it failed."""
            lines_ = [framed(paths[f], n, t) for f, n, t, _, _, e in rows if e in events]
            status, out, err = run(binary, command, lines_, config)
            # A run that went to its end writes the summary last.
            if out and out[-1].startswith('{"type":"summary"'):
                return out[:-1], None
            return None, (err.strip().splitlines() or [f"exit status {status}"])[-1]

        # An event whose check fails (crosscheck dies on it) is taken out of the
        # corpus: found by halving the events read, dropped, the rest checked
        # again. Every part that reads it finds the same event, so the output
        # is crosscheck's on the corpus less its reports, which the part that
        # owns it names as rejected.
        events = sorted({(b if b is not None else UNDATED, e) for _, _, _, _, b, e in rows})
        dropped = {}
        while True:
            alive = [e for _, e in events if e not in dropped]
            records, why = attempt(set(alive))
            if records is not None:
                break
            suspects = alive
            while len(suspects) > 1:
                half = suspects[: len(suspects) // 2]
                suspects = half if attempt(set(half))[0] is None else suspects[len(half):]
            _, why = attempt(set(suspects))
            dropped[suspects[0]] = why or "failed only with other events"
        seq = 0
        for line in records:
            seq += 1
            yield (record_key(json.loads(line), seq, file_number), line)
        for f, n, t, rid, b, e in rows:
            owned = b is None if own_from is None else b is not None and own_from <= b <= own_to
            if e in dropped and owned:
                reason = f"crosscheck failed on the reports of event {rust_debug(e)} (report {rust_debug(rid)}): {dropped[e]}"
                line = rejection(paths[f], n, leading_column(t, n), reason)
                yield (record_key(json.loads(line), 0, file_number), line)

    checked = by_part.mapPartitionsWithIndex(check_part)
    rejected = rejected_lines.map(lambda line: (record_key(json.loads(line), 0, file_number), line))
    records = checked.union(rejected).sortBy(lambda kv: kv[0]).map(lambda kv: kv[1]).cache()

    summary = count_summary(records)
    write_output(sc, records, summary, args.output)
    if args.parquet:
        findings = records.filter(lambda line: line.startswith('{"type":"finding"'))
        spark.read.json(findings).write.mode("overwrite").parquet(args.parquet)
    print(f"crosscheck_job: {summary}", file=sys.stderr)
    return 0


def count_summary(records):
    """The summary line's counts, as crosscheck counts them."""

    def counts(line):
        record = json.loads(line)
        kind = record["type"]
        c = {"reports": 0, "events": 0, "claims": 0, "findings": 0, "errors": 0, "warnings": 0, "infos": 0, "rejected": 0, "left_out": 0, "events_left_out": 0}
        if kind == "report":
            c["reports"] = 1
            c["left_out"] = 0 if record["compared"] else 1
        elif kind == "event":
            c["events"] = 1
            c["events_left_out"] = 1 if "left_out" in record else 0
        elif kind == "claim":
            c["claims"] = 1
        elif kind == "finding":
            c["findings"] = 1
            c[{"error": "errors", "warning": "warnings", "info": "infos"}[record["severity"]]] = 1
        elif kind == "rejected":
            c["rejected"] = 1
        return c

    zero = {"reports": 0, "events": 0, "claims": 0, "findings": 0, "errors": 0, "warnings": 0, "infos": 0, "rejected": 0, "left_out": 0, "events_left_out": 0}
    total = records.map(counts).fold(zero, lambda a, b: {k: a[k] + b[k] for k in a})
    summary = {"type": "summary", "version": 1}
    for key in ["reports", "events", "claims", "findings", "errors", "warnings", "infos", "rejected", "left_out", "events_left_out"]:
        summary[key] = total[key]
    summary["baselined"] = 0
    return json.dumps(summary, separators=(",", ":"))


def write_output(sc, records, summary, output):
    """One local file, or part files (in order) and the summary in a folder URI."""
    if "://" not in output:
        with open(output, "w", encoding="utf-8") as out:
            for line in records.toLocalIterator():
                out.write(line + "\n")
            out.write(summary + "\n")
    else:
        records.union(sc.parallelize([summary], 1)).saveAsTextFile(output)


def auto_events(sc, args, lines, paths, binary, config, parts):
    """Events found from the text, date bucket by date bucket with a halo of
    the event window: each bucket keeps the events that began in it."""
    window = args.event_window

    def dated(rows):
        rows = list(rows)
        status, out, err = run(binary, ["index", "--framed", "-"], [framed(paths[f], n, t) for f, n, t in rows])
        for line in out:
            record = json.loads(line)
            if record["type"] == "report":
                yield ((paths.index(record["path"]), record["line"]), (record["id"], day_number(record["published"])))

    days = lines.mapPartitions(dated).cache()
    known = sorted(d for d in days.map(lambda kv: kv[1][1]).distinct().collect() if d is not None)
    if not known:
        raise RuntimeError("--events auto on Spark needs dated reports")
    width = max(1, -(-(known[-1] - known[0] + 1) // parts))
    buckets = [(known[0] + i * width, known[0] + (i + 1) * width - 1) for i in range(parts)]

    def buckets_of(day):
        if day is None:
            return [0]
        return [i for i, (lo, hi) in enumerate(buckets) if lo - window <= day <= hi + window]

    by_bucket = (
        lines.map(lambda t: ((t[0], t[1]), t[2]))
        .join(days)
        .flatMap(lambda kv: [(b, (kv[0][0], kv[0][1], kv[1][0], kv[1][1][1])) for b in buckets_of(kv[1][1][1])])
        .partitionBy(parts, lambda b: b)
    )

    def group(k, rows):
        rows = sorted((r for _, r in rows), key=lambda r: (r[0], r[1]))
        status, out, err = run(
            binary,
            ["events", "--framed", "-", "--events", "auto", "--event-window", str(window), "--format", "jsonl"],
            [framed(paths[f], n, t) for f, n, t, _ in rows],
            config,
        )
        lo, hi = buckets[k]
        for line in out:
            event = json.loads(line)
            yield (k, lo, hi, event)

    found = by_bucket.mapPartitionsWithIndex(group).collect()
    report_day = dict(days.map(lambda kv: (kv[1][0], kv[1][1])).collect())
    # Each bucket keeps the events that began in it (the undated ones: the
    # first bucket). Where two buckets' events both hold a report (grouped
    # otherwise at an edge), the earlier bucket's keeps it; a report no kept
    # event holds is an event of its own. So each report is in one event.
    owned, taken = [], set()
    for k, lo, hi, event in sorted(found, key=lambda f: f[0]):
        dates = [report_day.get(r) for r in event["reports"]]
        dates = [d for d in dates if d is not None]
        first = min(dates) if dates else None
        if (first is None and k == 0) or (first is not None and lo <= first <= hi):
            reports = [r for r in event["reports"] if r not in taken]
            taken.update(reports)
            if reports:
                owned.append((event["event"], sorted(reports)))
    for r in sorted(set(report_day) - taken):
        owned.append((r, [r]))
    with open(args.output, "w", encoding="utf-8") as out:
        for event, reports in sorted(owned, key=lambda e: e[1]):
            out.write(json.dumps({"event": event, "reports": reports}, ensure_ascii=False) + "\n")
    print(f"crosscheck_job: {len(owned)} events found in {parts} date buckets", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
