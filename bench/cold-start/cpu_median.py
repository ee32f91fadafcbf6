"""Reads lines of "group=seconds ..." (cpu_by_process.py) and prints the median of each group, costliest first."""
import statistics
import sys

runs = [dict(item.split("=") for item in line.split()) for line in sys.stdin if line.strip()]
groups = {name for run in runs for name in run}
medians = {name: statistics.median(float(run.get(name, 0)) for run in runs) for name in groups}
total = medians.pop("total", 0.0)
print(", ".join(f"{name} {cpu:.1f}" for name, cpu in sorted(medians.items(), key=lambda kv: -kv[1])) + f"; total {total:.1f}")
