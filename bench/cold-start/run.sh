#!/usr/bin/env bash
# Cold start of the built stack to all healthy: the Aspire AppHost's assembly is started with `dotnet` (no build in
# the measured time; the AppHost starts each service from its built assembly, see ReviewMechanism.AppHost/BuiltAssemblyLaunch.cs), and the clock stops at its line
# "All N resources are healthy after" (ReviewMechanism.AppHost/StartupReport.cs, which also logs each resource).
# Two cases: "existing data" (what `dotnet run` does every day: the data folder exists) and "first run" (empty data
# folder: initdb, RabbitMQ's first boot; package installs excluded). Free ports for the dashboard and the gateway.
# Usage: bench/cold-start/run.sh [runs per case, default 3]   Writes bench/cold-start/results.md.
set -euo pipefail
runs="${1:-3}"
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$(mktemp -d /tmp/rm-cold-start-XXXXXX)"
trap 'rm -rf "$work"' EXIT

dotnet build "$repo/ReviewMechanism.AppHost" -c Release -v quiet -nologo >/dev/null
apphost="$repo/ReviewMechanism.AppHost/bin/Release/net10.0/ReviewMechanism.AppHost.dll"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# One run: prints "<seconds to all healthy> <seconds to stop> <load before> <slowest resources>".
measure() {
  local data="$1" log="$work/run.log" start healthy stop pid load
  load="$(cut -d' ' -f1 /proc/loadavg)"
  start="$(date +%s.%N)"
  (cd "$repo/ReviewMechanism.AppHost" && exec env DOTNET_ENVIRONMENT=Development ASPNETCORE_ENVIRONMENT=Development \
    ASPNETCORE_URLS="http://localhost:$(free_port)" ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="http://localhost:$(free_port)" \
    ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL="http://localhost:$(free_port)" ASPIRE_ALLOW_UNSECURED_TRANSPORT=true \
    dotnet "$apphost" --AppHost:DataDirectory="$data" --AppHost:GatewayHttpPort="$(free_port)" --AppHost:GatewayGrpcPort="$(free_port)") >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 6000); do
    if grep -q "resources are healthy after" "$log"; then break; fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "The AppHost exited; its output:" >&2; cat "$log" >&2; exit 1; fi
    sleep 0.1
  done
  healthy="$(date +%s.%N)"
  grep -q "resources are healthy after" "$log" || { echo "Not healthy within 600 s; see $log" >&2; kill -TERM "$pid"; wait "$pid" || true; exit 1; }
  # Where the CPU went until then, by process (the start is CPU-bound on this machine).
  echo "${cpu_case:-warm-up}|$(python3 "$here/cpu_by_process.py" "$pid" "$start")" >>"$work/cpu.txt"
  kill -TERM "$pid"
  wait "$pid" || true
  stop="$(date +%s.%N)"
  # The resources that became healthy last, with their times (where the start's time goes).
  local slowest
  slowest="$(grep -oE "[a-z-]+ is healthy after [0-9.]+ s" "$log" | awk '{print $5, $1}' | sort -n | tail -4 | awk '{printf "%s:%s ", $2, $1}')"
  echo "$(diff_seconds "$healthy" "$start") $(diff_seconds "$stop" "$healthy") $load $slowest"
}

diff_seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a - b }'; }
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m}'; }

declare -A samples
for case in "existing data" "first run"; do
  data="$work/data"
  rm -rf "$data"
  cpu_case=""
  if [ "$case" = "existing data" ]; then measure "$data" >/dev/null; fi   # creates the data folder
  cpu_case="$case"
  samples[$case]=""
  for i in $(seq 1 "$runs"); do
    if [ "$case" = "first run" ]; then rm -rf "$data"; fi
    line="$(measure "$data")"
    echo "$case run $i: healthy after $(echo "$line" | cut -d' ' -f1) s, stopped in $(echo "$line" | cut -d' ' -f2) s (load average before: $(echo "$line" | cut -d' ' -f3)); last healthy: $(echo "$line" | cut -d' ' -f4-)"
    samples[$case]+="$line"$'\n'
  done
done

{
  echo "# Cold start of the built stack to all healthy"
  echo
  echo "Measured by \`bench/cold-start/run.sh $runs\` on $(date -u +%Y-%m-%d) at commit $(git -C "$repo" rev-parse --short HEAD):"
  echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release && echo "$PRETTY_NAME"), .NET SDK $(dotnet --version), Release build."
  echo "Clock: from starting the Aspire AppHost's assembly with \`dotnet\` to its line \"All N resources are healthy\""
  echo "(Aspire's orchestrator and dashboard, PostgreSQL with 6 databases, RabbitMQ and its epmd, Redis, smtp4dev,"
  echo "identity, 5 domain services, gateway); then SIGTERM until it exits (everything it started is stopped by then)."
  echo
  echo "| case | runs | median to all healthy | min | max | median stop | median load average before |"
  echo "|---|---|---|---|---|---|---|"
  for case in "existing data" "first run"; do
    s="${samples[$case]}"
    echo "| $case | $runs | $(echo "$s" | awk 'NF {print $1}' | median) s | $(echo "$s" | awk 'NF {print $1}' | sort -n | head -1) s | $(echo "$s" | awk 'NF {print $1}' | sort -n | tail -1) s | $(echo "$s" | awk 'NF {print $2}' | median) s | $(echo "$s" | awk 'NF {print $3}' | median) |"
  done
  echo
  echo "Target: <= 25 s on 2 cores (the hand-written orchestrator before Aspire: 24.7 s existing data, 29.7 s first run)."
  echo "Raw runs (seconds to healthy / to stop / load average before; the last resources to become healthy, seconds from start):"
  echo
  for case in "existing data" "first run"; do
    echo "- $case:"
    echo "${samples[$case]}" | awk 'NF {printf "  - %s/%s/%s  ", $1, $2, $3; for (i = 4; i <= NF; i++) printf "%s ", $i; print ""}'
  done
  echo
  echo "CPU seconds until all healthy, by process, median of the runs (the cores are the limit: the start's"
  echo "wall time is at least the total divided by $(nproc)); processes that exited before (initdb) are not counted:"
  echo
  for case in "existing data" "first run"; do
    echo "- $case: $(grep "^$case|" "$work/cpu.txt" | cut -d'|' -f2 | python3 "$here/cpu_median.py")"
  done
  echo
  load="$(printf '%s\n%s' "${samples["existing data"]}" "${samples["first run"]}" | awk 'NF {print $3}' | median)"
  if awk -v l="$load" -v c="$(nproc)" 'BEGIN { exit !(l > c) }'; then
    echo "The machine was busy: the median load average before a run ($load) was above its $(nproc) cores, so other"
    echo "work competed for the CPU; these times are upper bounds. Re-run on an idle machine."
  fi
} > "$here/results.md.new"
mv "$here/results.md.new" "$here/results.md"
cat "$here/results.md"
