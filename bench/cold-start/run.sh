#!/usr/bin/env bash
# Cold start of the built stack to all healthy: the AppHost's assembly is started with `dotnet`
# (no build in the measured time), and the clock stops at its line "All N resources are healthy".
# Two cases: "existing data" (what `dotnet run` does every day: the data folder exists) and
# "first run" (empty data folder: initdb, RabbitMQ's first boot; package installs excluded).
# Usage: bench/cold-start/run.sh [runs per case, default 5]   Writes bench/cold-start/results.md.
set -euo pipefail
runs="${1:-5}"
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$(mktemp -d /tmp/rm-cold-start-XXXXXX)"
trap 'rm -rf "$work"' EXIT

dotnet build "$repo/ReviewMechanism.AppHost" -c Release -v quiet -nologo >/dev/null
apphost="$repo/ReviewMechanism.AppHost/bin/Release/net10.0/ReviewMechanism.AppHost.dll"

# One run: prints "<seconds to all healthy> <seconds to stop> <load before>".
measure() {
  local data="$1" log="$work/run.log" start healthy stop pid load
  load="$(cut -d' ' -f1 /proc/loadavg)"
  start="$(date +%s.%N)"
  dotnet "$apphost" --AppHost:DataDirectory="$data" --AppHost:RandomizePorts=true --AppHost:DashboardPort=0 >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1800); do
    if grep -q "resources are healthy after" "$log"; then break; fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "The AppHost exited; its output:" >&2; cat "$log" >&2; exit 1; fi
    sleep 0.1
  done
  healthy="$(date +%s.%N)"
  grep -q "resources are healthy after" "$log" || { echo "Not healthy within 180 s; see $log" >&2; kill -TERM "$pid"; wait "$pid" || true; exit 1; }
  kill -TERM "$pid"
  wait "$pid" || true
  stop="$(date +%s.%N)"
  echo "$(diff_seconds "$healthy" "$start") $(diff_seconds "$stop" "$healthy") $load"
}

diff_seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a - b }'; }
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m}'; }

declare -A samples
for case in "existing data" "first run"; do
  data="$work/data"
  rm -rf "$data"
  if [ "$case" = "existing data" ]; then measure "$data" >/dev/null; fi   # creates the data folder
  samples[$case]=""
  for i in $(seq 1 "$runs"); do
    if [ "$case" = "first run" ]; then rm -rf "$data"; fi
    line="$(measure "$data")"
    echo "$case run $i: healthy after $(echo "$line" | cut -d' ' -f1) s, stopped in $(echo "$line" | cut -d' ' -f2) s (load average before: $(echo "$line" | cut -d' ' -f3))"
    samples[$case]+="$line"$'\n'
  done
done

{
  echo "# Cold start of the built stack to all healthy"
  echo
  echo "Measured by \`bench/cold-start/run.sh $runs\` on $(date -u +%Y-%m-%d) at commit $(git -C "$repo" rev-parse --short HEAD):"
  echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release && echo "$PRETTY_NAME"), .NET SDK $(dotnet --version), Release build."
  echo "Clock: from starting the AppHost's assembly with \`dotnet\` to its line \"All N resources are healthy\""
  echo "(PostgreSQL with 6 databases, RabbitMQ, Redis, identity, 5 domain services, gateway: 16 resources); then SIGTERM until it exits."
  echo
  echo "| case | runs | median to all healthy | min | max | median stop | median load average before |"
  echo "|---|---|---|---|---|---|---|"
  for case in "existing data" "first run"; do
    s="${samples[$case]}"
    echo "| $case | $runs | $(echo "$s" | awk 'NF {print $1}' | median) s | $(echo "$s" | awk 'NF {print $1}' | sort -n | head -1) s | $(echo "$s" | awk 'NF {print $1}' | sort -n | tail -1) s | $(echo "$s" | awk 'NF {print $2}' | median) s | $(echo "$s" | awk 'NF {print $3}' | median) |"
  done
  echo
  echo "Target: <= 25 s on 2 cores. Raw runs (seconds to healthy, seconds to stop, load average before):"
  echo
  for case in "existing data" "first run"; do
    echo "- $case: $(echo "${samples[$case]}" | awk 'NF {printf "%s/%s/%s  ", $1, $2, $3}')"
  done
  echo
  echo "Notes:"
  echo "- The services run as they are at this commit; while a service is a skeleton (health endpoints"
  echo "  only), its share of the start is the ASP.NET Core start-up alone. Re-run as the services grow."
  echo "- The critical path: RabbitMQ's boot (the services wait for messaging), then the services in"
  echo "  parallel, then the gateway (it waits for every service)."
  load="$(printf '%s\n%s' "${samples["existing data"]}" "${samples["first run"]}" | awk 'NF {print $3}' | median)"
  if awk -v l="$load" -v c="$(nproc)" 'BEGIN { exit !(l > c) }'; then
    echo "- The machine was busy: the median load average before a run ($load) was above its $(nproc) cores,"
    echo "  so other work competed for the CPU; these times are upper bounds. Re-run on an idle machine."
  fi
} > "$here/results.md.new"
mv "$here/results.md.new" "$here/results.md"
cat "$here/results.md"
