"""Summarizes the gateway benchmark's runs (run.sh): medians per path, ratios to direct, and the
p99 the gateway adds at half load (paths one after the other, and all paths at once). --half-rate prints half the median capacity of the slowest path
other than the reference proxy (req/s)."""
import argparse
import statistics
import sys
from collections import defaultdict

parser = argparse.ArgumentParser()
parser.add_argument("--runs", required=True)
parser.add_argument("--out")
parser.add_argument("--half-rate", action="store_true")
parser.add_argument("--setting", action="append", default=[])
args = parser.parse_args()

FIELDS = ["rps", "succeeded", "failed", "p50", "p99", "service_cpu", "gateway_cpu"]
runs = defaultdict(lambda: defaultdict(list))
order = []
for line in open(args.runs):
    phase, name, _round, *values = line.rstrip("\n").split("\t")
    if name not in order:
        order.append(name)
    runs[(phase, name)]["all"].append(dict(zip(FIELDS, map(float, values))))


def median(phase, name, field):
    return statistics.median(r[field] for r in runs[(phase, name)]["all"])


# Half load is half the capacity of the slowest path under test (the gateway paths); the reference proxy
# (nginx) is measured at the same rate, and flagged if it cannot carry it.
measured = [name for name in order if name != "nginx"]
if args.half_rate:
    print(int(min(median("capacity", name, "rps") for name in measured) / 2))
    sys.exit(0)

direct_rps = median("capacity", "direct", "rps")
direct_p99 = median("half", "direct", "p99")
offered = min(median("capacity", name, "rps") for name in measured) / 2
lines = ["# Gateway benchmark: unary gRPC, direct vs through the gateway (and through nginx, for reference)", ""]
lines += ["| path | capacity req/s | vs direct | service CPU | proxy CPU | CPU per call (service + proxy) | failed | p50 at the half-load rate | p99 at the half-load rate | p99 added |",
          "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
verdicts = []
for name in order:
    rps = median("capacity", name, "rps")
    failed = sum(r["failed"] for phase in ("capacity", "half") for r in runs[(phase, name)]["all"])
    p50 = median("half", name, "p50")
    p99 = median("half", name, "p99")
    added = p99 - direct_p99
    gateway_cpu = "" if name == "direct" else f"{median('capacity', name, 'gateway_cpu'):.0f}%"
    # CPU microseconds per call: robust to other processes sharing the cores, unlike req/s.
    service_us = median("capacity", name, "service_cpu") * 10_000 / rps
    gateway_us = median("capacity", name, "gateway_cpu") * 10_000 / rps
    per_call = f"{service_us:.0f} us" if name == "direct" else f"{service_us:.0f} + {gateway_us:.0f} us"
    lines.append(f"| {name} | {rps:,.0f} | {rps / direct_rps:.2f}x | {median('capacity', name, 'service_cpu'):.0f}% | {gateway_cpu} | {per_call} | {failed:.0f} "
                 f"| {p50:.2f} ms | {p99:.2f} ms | {'' if name == 'direct' else f'{added:+.2f} ms'} |")
    carried = median("half", name, "rps") >= 0.95 * offered
    if not carried:
        verdicts.append(f"- {name}: did NOT carry the half-load rate ({median('half', name, 'rps'):.0f} of {offered:.0f} req/s): its latencies are those of an overloaded path")
    if name == "nginx":
        verdicts.append(f"- nginx (reference proxy, no token validation): {rps / direct_rps:.2f}x direct capacity; p99 added at {offered:.0f} req/s {added:+.2f} ms")
    elif name != "direct":
        versus_nginx = f"; {rps / median('capacity', 'nginx', 'rps'):.2f}x nginx's capacity" if "nginx" in order else ""
        verdicts.append(f"- {name}: {rps / direct_rps:.2f}x direct capacity{versus_nginx} (target >= 0.6x: {'met' if rps / direct_rps >= 0.6 else 'NOT met'}); "
                        f"p99 added at {offered:.0f} req/s {added:+.2f} ms (target <= 2 ms: {'met' if added <= 2 and carried else 'NOT met'}); "
                        f"half of direct capacity ({direct_rps / 2:.0f} req/s) is {'within' if rps >= direct_rps / 2 else 'beyond'} its capacity")
lines += ["", *verdicts, "", "Rounds (capacity / half load), per path: req/s, p99 ms:", ""]
for name in order:
    capacity = ", ".join(f"{r['rps']:.0f}" for r in runs[("capacity", name)]["all"])
    half = ", ".join(f"{r['rps']:.0f} req/s p99 {r['p99']:.2f}" for r in runs[("half", name)]["all"])
    lines.append(f"- {name}: capacity {capacity}; half load {half}")
# All paths at once (run.sh step 5): each round's p99 of a path minus direct's in that same round, then the median
# of those differences; the machine's drift between rounds cancels out.
together = {name: runs[("together", name)]["all"] for name in order if runs[("together", name)]["all"]}
if "direct" in together:
    rounds = len(together["direct"])
    share = median("together", "direct", "rps")
    lines += ["", f"Half load with all paths at once ({rounds} rounds; each path offered an equal share, together {offered:.0f} req/s; "
              "p99 added is the median of each round's difference to direct):", "",
              "| path | req/s | p50 | p99 | p50 added | p99 added | p99 added per round |", "|---|---:|---:|---:|---:|---:|---|"]
    for name, rows in together.items():
        p50_added = statistics.median(r["p50"] - d["p50"] for r, d in zip(rows, together["direct"]))
        p99_added = statistics.median(r["p99"] - d["p99"] for r, d in zip(rows, together["direct"]))
        per_round = ", ".join(f"{r['p99'] - d['p99']:+.2f}" for r, d in zip(rows, together["direct"]))
        lines.append(f"| {name} | {median('together', name, 'rps'):,.0f} | {median('together', name, 'p50'):.2f} ms | {median('together', name, 'p99'):.2f} ms "
                     f"| {'' if name == 'direct' else f'{p50_added:+.2f} ms'} | {'' if name == 'direct' else f'{p99_added:+.2f} ms'} "
                     f"| {'' if name == 'direct' else per_round} |")
    lines.append("")
    for name, rows in together.items():
        carried = median("together", name, "rps") >= 0.95 * share
        p99_added = statistics.median(r["p99"] - d["p99"] for r, d in zip(rows, together["direct"]))
        if not carried:
            lines.append(f"- {name}, all paths at once: did NOT carry its share ({median('together', name, 'rps'):.0f} of {share:.0f} req/s)")
        elif name == "nginx":
            lines.append(f"- nginx, all paths at once: p99 added {p99_added:+.2f} ms")
        elif name != "direct":
            lines.append(f"- {name}, all paths at once: p99 added {p99_added:+.2f} ms (target <= 2 ms: {'met' if p99_added <= 2 else 'NOT met'})")
lines += ["", "Settings:", ""] + [f"- {s}" for s in args.setting] + [""]
text = "\n".join(lines)
if args.out:
    open(args.out, "w").write(text)
print(text)
