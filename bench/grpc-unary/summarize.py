#!/usr/bin/python3
"""Turns run.sh's measurements into the results table (stdout) and results.md.

runs.tsv columns: server, round, req/s, succeeded, failed+errored, server CPU %, calls counted by
the server (.NET only), bytes allocated during the run (.NET only).
"""

import argparse
import datetime
import statistics

# (product server, peer, minimum product/peer ratio in calls per CPU-second): issue 15
TARGETS = {("product", "raw"): 0.66}  # telemetry as configured
PEERS = ["raw", "grpcjs", "grpcio"]


def load_runs(path):
    servers = {}
    with open(path) as f:
        for line in f:
            name, _, rps, succeeded, failed, cpu, calls, alloc = line.rstrip("\n").split("\t")
            s = servers.setdefault(name, {"rps": [], "efficiency": [], "succeeded": 0, "failed": 0, "cpu": [], "calls": 0, "alloc": 0})
            s["rps"].append(float(rps))
            s["efficiency"].append(float(rps) / max(float(cpu), 0.1) * 100)
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
    efficiency = {n: statistics.median(servers[n]["efficiency"]) for n in order}
    cpu = {n: statistics.median(servers[n]["cpu"]) for n in order}

    rows = []
    for n in order:
        s = servers[n]
        alloc = f"{s['alloc'] / s['calls']:,.0f}" if s["calls"] else "n/a"
        rows.append([
            labels[n],
            f"{medians[n]:,.0f}",
            " / ".join(f"{r:,.0f}" for r in s["rps"]),
            f"{cpu[n]:.0f}%",
            f"{efficiency[n]:,.0f}",
            alloc,
            f"{s['failed']}",
        ])
    header = ["server", "req/s (median)", "runs (req/s)", "server CPU", "calls per CPU-s", "alloc B/call", "failed"]
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]

    def line(cells):
        return "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))

    print(line(header))
    for r in rows:
        print(line(r))

    # A server that did not get (nearly) a whole core was sharing it with other processes: its req/s
    # says more about the machine than about the server, calls per CPU-second still compare.
    saturated = all(cpu[n] >= 85 for n in order)
    ratios = []  # (product, peer, by req/s, by CPU cost, target or None)
    for product in (n for n in order if n.startswith("product")):
        for peer in (p for p in PEERS if p in medians):
            ratios.append((product, peer, medians[product] / medians[peer], efficiency[product] / efficiency[peer], TARGETS.get((product, peer))))
    print()
    for product, peer, by_rps, by_cpu, target in ratios:
        verdict = "" if target is None else f" (target >= {target}x: {'met' if by_cpu >= target else 'NOT met'})"
        print(f"{product} / {peer}: {by_cpu:.2f}x calls per CPU-second{verdict}, {by_rps:.2f}x req/s")
    if not ratios:
        print("no product server measured: no ratios")
    if not saturated:
        print("WARNING: some servers got less than 85% of their core (machine busy): req/s ratios are unreliable, "
              "calls per CPU-second remain comparable")

    md = ["# bench/grpc-unary results", "",
          f"Measured {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z} by `bench/grpc-unary/run.sh` (one invocation, servers side by side).", ""]
    md += [f"- {s}" for s in args.setting]
    md += ["", "| " + " | ".join(header) + " |", "|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|"]
    md += ["| " + " | ".join(r) + " |" for r in rows]
    md += ["", "## The product's server against its peers (issue 15: product >= 0.66x raw with telemetry, by CPU cost)", ""]
    if ratios:
        md += ["| server | / peer | calls per CPU-s ratio | req/s ratio | target |", "|---|---|---:|---:|---|"]
        md += [f"| {labels[p]} | {labels[o]} | {c:.2f}x | {r:.2f}x | "
               f"{'' if t is None else ('>= %sx: %s' % (t, 'met' if c >= t else '**not met**'))} |"
               for p, o, r, c, t in ratios]
    else:
        md += ["No product server was part of this run, so there are no ratios."]
    if not saturated:
        md += ["", "**Warning:** some servers got less than 85% of their core during their runs (other processes were",
               "using it: see the load averages). Their req/s measure the machine as much as the server; the",
               "calls per CPU-second column (requests served per second of the server's own CPU time) still compares."]
    md += ["",
           "Notes: req/s is h2load's count of completed requests (HTTP 2xx) over the run; every server's",
           "reply is checked with a grpcio call before measuring, and the .NET servers count the calls they",
           "answered (their allocation figure is `GC.GetTotalAllocatedBytes` growth over those calls, so it",
           "includes everything the process allocated meanwhile). Server CPU is the server process's CPU time",
           "over the run: near 100% means the server, not the load generator, was the limit. Calls per CPU-s is",
           "req/s divided by that share: the server's CPU cost per call. The machine may be shared (see the load",
           "averages), so compare ratios from the same run, not absolute numbers across runs.",
           ""]
    with open(args.out, "w") as f:
        f.write("\n".join(md))
    print(f"\nwrote {args.out}")


if __name__ == "__main__":
    main()
