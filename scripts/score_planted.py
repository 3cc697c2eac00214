#!/usr/bin/env python3
"""Per-rule precision and recall of crosscheck's findings against the planted
divergences of a synthetic corpus from the generator in synth/ (built with
`cargo build --release -p crosscheck-synth` as target/release/synth).

usage: score_planted.py TRUTH.jsonl FINDINGS.jsonl

TRUTH: the generator's FILE.truth.jsonl. FINDINGS: `crosscheck check --format
jsonl` (one finding a line). A finding matches a planted divergence of the same
rule when its primary location is in one of the divergence's reports. A
divergence planted in two reports (CC010) is rightly reported once in each, so
each (divergence, report) pair takes at most one finding; a divergence is
recalled when any of its reports has one.
"""
import collections
import json
import sys


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    planted = collections.defaultdict(list)
    for line in open(argv[1], encoding="utf-8"):
        record = json.loads(line)
        if record.get("type") == "divergence":
            planted[record["rule"]].append(record)
    found = collections.defaultdict(list)
    for line in open(argv[2], encoding="utf-8"):
        finding = json.loads(line)
        if "rule" in finding:
            found[finding["rule"]].append(finding)
    print(f"{'rule':6} {'planted':>8} {'found':>6} {'matched':>8} {'precision':>9} {'recall':>7}")
    for rule in sorted(set(planted) | set(found)):
        unmatched = {i: set(d["reports"]) for i, d in enumerate(planted[rule])}
        by_report = collections.defaultdict(list)
        for i, reports in unmatched.items():
            for r in reports:
                by_report[r].append(i)
        matched = 0
        used = set()
        recalled = set()
        for f in found[rule]:
            report = f["primary"]["report"]
            for i in by_report.get(report, []):
                if (i, report) not in used:
                    used.add((i, report))
                    recalled.add(i)
                    matched += 1
                    break
        p = matched / len(found[rule]) if found[rule] else 1.0
        r = len(recalled) / len(planted[rule]) if planted[rule] else 1.0
        print(f"{rule:6} {len(planted[rule]):8} {len(found[rule]):6} {matched:8} {p:9.3f} {r:7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
