#!/usr/bin/python3
"""Turns run.sh's measurements into the results table (stdout) and results.md.

runs.tsv columns: server, round, req/s, succeeded, failed+errored, server CPU %, calls counted by
the server (.NET only), bytes allocated during the run (.NET only).
"""

import argparse
import datetime
import statistics

TARGETS = [  # (other server, minimum library/other ratio) from issue 2
    ("raw", 0.9),
    ("grpcjs", 5.0),
    ("grpcio", 10.0),
]


def load_runs(path):
    servers = {}
    with open(path) as f:
        for line in f:
            name, _, rps, succeeded, failed, cpu, calls, alloc = line.rstrip("\n").split("\t")
            s = servers.setdefault(name, {"rps": [], "succeeded": 0, "failed": 0, "cpu": [], "calls": 0, "alloc": 0})
            s["rps"].append(float(rps))
            s["succeeded"] += int(succeeded)
            s["failed"] += int(failed)
            s["cpu"].append(float(cpu))
            if calls:
                s["calls"] += int(calls)
                s["alloc"] += int(alloc)
    return servers


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", required=True)
    parser.add_argument("--labels", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--setting", action="append", default=[])
    args = parser.parse_args()

    labels = dict(line.rstrip("\n").split("\t", 1) for line in open(args.labels))
    servers = load_runs(args.runs)
    order = [n for n in labels if n in servers]
    medians = {n: statistics.median(servers[n]["rps"]) for n in order}
    reference = medians.get("raw")

    rows = []
    for n in order:
        s = servers[n]
        alloc = f"{s['alloc'] / s['calls']:,.0f}" if s["calls"] else "n/a"
        rows.append([
            labels[n],
            f"{medians[n]:,.0f}",
            " / ".join(f"{r:,.0f}" for r in s["rps"]),
            f"{medians[n] / reference:.2f}x" if reference else "n/a",
            f"{statistics.median(s['cpu']):.0f}%",
            alloc,
            f"{s['failed']}",
        ])
    header = ["server", "req/s (median)", "runs (req/s)", "vs raw", "server CPU", "alloc B/call", "failed"]
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]

    def line(cells):
        return "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))

    print(line(header))
    for r in rows:
        print(line(r))

    verdicts = []
    if "library" in medians:
        for other, target in TARGETS:
            if other in medians:
                ratio = medians["library"] / medians[other]
                verdicts.append((labels[other], ratio, target, ratio >= target))
    print()
    for other, ratio, target, ok in verdicts:
        print(f"library / {other}: {ratio:.2f}x (target >= {target}x): {'met' if ok else 'NOT met'}")
    if "library" not in medians:
        print("library not measured: no ratios against the targets")

    md = ["# bench/grpc-unary results", "",
          f"Measured {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z} by `bench/grpc-unary/run.sh` (one invocation, servers side by side).", ""]
    md += [f"- {s}" for s in args.setting]
    md += ["", "| " + " | ".join(header) + " |", "|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|"]
    md += ["| " + " | ".join(r) + " |" for r in rows]
    md += ["", "## Library against the targets of issue 2", ""]
    if verdicts:
        md += ["| library / | ratio | target | |", "|---|---:|---:|---|"]
        md += [f"| {o} | {r:.2f}x | >= {t}x | {'met' if ok else '**not met**'} |" for o, r, t, ok in verdicts]
    else:
        md += ["The library was not part of this run, so there are no ratios against the targets."]
    md += ["",
           "Notes: req/s is h2load's count of completed requests (HTTP 2xx) over the run; every server's",
           "reply is checked with a grpcio call before measuring, and the .NET servers count the calls they",
           "answered (their allocation figure is `GC.GetTotalAllocatedBytes` growth over those calls, so it",
           "includes everything the process allocated meanwhile). Server CPU is the server process's CPU time",
           "over the run: near 100% means the server, not the load generator, was the limit. The machine is",
           "shared (see the load averages), so compare ratios from the same run, not absolute numbers across runs.",
           ""]
    with open(args.out, "w") as f:
        f.write("\n".join(md))
    print(f"\nwrote {args.out}")


if __name__ == "__main__":
    main()
