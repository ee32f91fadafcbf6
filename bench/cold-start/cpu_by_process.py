"""CPU seconds spent so far by every process a cold start created, grouped by what it is.

Usage: cpu_by_process.py <apphost pid> <start epoch seconds>
Prints one line: "group=cpu-seconds ..." sorted by cost, then "total=...". Counts the AppHost and every process
descending from it or from an orchestrator (dcp) process started after the start, while they run (a process that
already exited, such as initdb, is not counted).
"""
import os
import sys
import time

apphost, started = int(sys.argv[1]), float(sys.argv[2])
ticks = os.sysconf("SC_CLK_TCK")
boot = time.time() - float(open("/proc/uptime").read().split()[0])


def read(pid):
    stat = open(f"/proc/{pid}/stat").read()
    fields = stat[stat.rindex(")") + 2:].split()
    command = open(f"/proc/{pid}/cmdline", "rb").read().replace(b"\0", b" ").decode(errors="replace")
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / ticks, boot + int(fields[19]) / ticks, command


processes = {}
for name in os.listdir("/proc"):
    if name.isdigit():
        try:
            processes[int(name)] = read(name)
        except OSError:
            pass

roots = {apphost} | {pid for pid, (_, _, start, cmd) in processes.items()
                     if start >= started - 1 and os.path.basename(cmd.split(" ")[0]) == "dcp"}


def ours(pid):
    for _ in range(64):
        if pid in roots:
            return True
        if pid not in processes:
            return False
        pid = processes[pid][0]
    return False


def group(cmd):
    if "ReviewMechanism.AppHost" in cmd:
        return "apphost"
    if "/src/" in cmd and "/bin/" in cmd:
        return cmd.split("/src/")[1].split("/")[0].removesuffix(".Api").lower()
    for needle, label in (("/dcp", "dcp"), ("Aspire.Dashboard", "dashboard"), ("postgres", "postgres"),
                          ("beam.smp", "rabbitmq"), ("epmd", "rabbitmq"), ("erl_child_setup", "rabbitmq"),
                          ("inet_gethost", "rabbitmq"), ("redis-server", "redis"), ("Smtp4dev", "smtp4dev")):
        if needle in cmd:
            return label
    return "other"


totals = {}
for pid, (_, cpu, start, cmd) in processes.items():
    if start >= started - 1 and ours(pid):
        totals[group(cmd)] = totals.get(group(cmd), 0.0) + cpu
print(" ".join(f"{name}={cpu:.1f}" for name, cpu in sorted(totals.items(), key=lambda kv: -kv[1])), f"total={sum(totals.values()):.1f}")
