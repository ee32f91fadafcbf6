"""Reads one h2load run: its summary and its per-request log (start us, status, elapsed us).
Prints "req/s succeeded failed p50_ms p99_ms service_cpu% gateway_cpu%"."""
import re
import sys

out, log, s0, s1, g0, g1, hz = sys.argv[1:8]
text = open(out).read()
finished = re.search(r"finished in ([\d.]+)s, ([\d.]+) req/s", text)
counts = re.search(r"requests: \d+ total, \d+ started, \d+ done, (\d+) succeeded, (\d+) failed, (\d+) errored", text)
if not finished or not counts:
    sys.exit("cannot read h2load output:\n" + text)
seconds, rps = float(finished.group(1)), float(finished.group(2))
elapsed = sorted(int(line.split("\t")[2]) for line in open(log) if line.count("\t") >= 2)
if not elapsed:
    sys.exit("h2load logged no request")


def percentile(p):
    return elapsed[min(len(elapsed) - 1, int(round(p / 100 * len(elapsed) + 0.5)) - 1)] / 1000


hz = int(hz)
service_cpu = (int(s1) - int(s0)) / hz / seconds * 100
gateway_cpu = (int(g1) - int(g0)) / hz / seconds * 100
print(f"{rps:.0f} {counts.group(1)} {int(counts.group(2)) + int(counts.group(3))} "
      f"{percentile(50):.3f} {percentile(99):.3f} {service_cpu:.0f} {gateway_cpu:.0f}")
