#!/usr/bin/env bash
# Engagement burst benchmark (issue 12): COUNT verified applications from distinct organizations at once for a
# dialogue with SEATS in-person seats and automatic approval in arrival order, sent by a partner system over gRPC
# (each with its own idempotency key, retried with the same key after any failure), straight to the service and
# through the gateway, side by side in one run. Reports applications per second and the latency distribution of
# the acknowledged calls, checks exactly SEATS approved, the rest waitlisted after them, none lost or duplicated.
# KILL_AFTER=S also kills the service with SIGKILL S seconds into the gateway burst and restarts it (clients retry).
#
#   bench/engagement/run.sh                                    # 20,000 applications, 500 seats, 256 in flight
#   COUNT=2000 CONCURRENCY=64 bench/engagement/run.sh          # a short smoke run
#   KILL_AFTER=5 PATHS=gateway bench/engagement/run.sh         # a crash mid-burst
# Needs: the .NET SDK, python3, postgresql, redis-server, taskset. Writes results.md next to this script.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
PATHS=${PATHS:-"direct gateway"}
COUNT=${COUNT:-20000}
SEATS=${SEATS:-500}
CONCURRENCY=${CONCURRENCY:-256}
KILL_AFTER=${KILL_AFTER:-}
# Cores: by default every process may run on both (as the AppHost runs the stack: nothing pinned). The earlier layout,
# the service and PostgreSQL on CPU 0, the gateway, Redis and the client on CPU 1: SERVICE_CPU=0 GATEWAY_CPU=1 LOAD_CPU=1.
SERVICE_CPU=${SERVICE_CPU:-0,1}
GATEWAY_CPU=${GATEWAY_CPU:-0,1}
LOAD_CPU=${LOAD_CPU:-0,1}
# Before each path's measured burst, WARMUP applications (default: as many as the burst) go through the same path to
# another dialogue (not counted), so the burst meets processes that have compiled their hot code, as a service and a
# gateway that have been up for a while have. Measured: the service's CPU per application was 0.86 ms after a 2,000
# warm-up and 0.22-0.25 ms after a full burst (not profiled; the runtime's tiered compilation is the likely cause).
# WARMUP=0: cold processes.
WARMUP=${WARMUP:-$COUNT}
RESULTS=${RESULTS:-"$here/results.md"}
# PROFILE=1: the service and the gateway write perf maps (for `perf record -g -p PID` during the burst).
PROFILE=${PROFILE:-}
profile_env=()
[[ -z $PROFILE ]] || profile_env=(DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0)
ISSUER_URL=https://gateway.bench.test/

log() { printf '[engagement-bench] %b\n' "$*" >&2; }
die() { log "$*"; exit 1; }
for tool in dotnet python3 redis-server taskset; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is missing (apt-get install python3 redis-server util-linux; and the .NET SDK)."
done
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -n $pg_bin && -x $pg_bin/initdb ]] || die "PostgreSQL is missing (apt-get install postgresql)."

work="$(mktemp -d /tmp/engagement-bench.XXXXXX)"
chmod 755 "$work"
source "$repo/bench/Common/processes.sh"

log "building the service, the gateway and the client (Release)"
for project in src/Engagement.Api/Engagement.Api.csproj src/Gateway/Gateway.csproj bench/engagement/BurstClient/BurstClient.csproj; do
  dotnet build -c Release --nologo -v q "$repo/$project" > "$work/build.log" 2>&1 || die "build of $project failed:\n$(tail -30 "$work/build.log")"
done
client="$repo/bench/engagement/BurstClient/bin/Release/net10.0/BurstClient.dll"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# PostgreSQL (fresh cluster), Redis, the token issuer.
pg_password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
mkdir -p "$work/pg" && echo "$pg_password" > "$work/pg/password"
as_user=()
if (( $(id -u) == 0 )); then chown -R postgres:postgres "$work/pg"; as_user=(setpriv --reuid=postgres --regid=postgres --init-groups); fi
"${as_user[@]}" "$pg_bin/initdb" -D "$work/pg/data" -U postgres --pwfile "$work/pg/password" --auth-host=scram-sha-256 --auth-local=peer -E UTF8 --no-locale > "$work/initdb.log" 2>&1 \
  || die "initdb failed:\n$(cat "$work/initdb.log")"
port[postgres]=$(free_port)
start postgres "$SERVICE_CPU" "${port[postgres]}" "${as_user[@]}" "$pg_bin/postgres" -D "$work/pg/data" -p "${port[postgres]}" -k "$work/pg" -c listen_addresses=127.0.0.1 -c max_connections=300
redis_password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
port[redis]=$(free_port)
start redis "$GATEWAY_CPU" "${port[redis]}" redis-server --port "${port[redis]}" --bind 127.0.0.1 --requirepass "$redis_password" --save "" --appendonly no
redis="127.0.0.1:${port[redis]},password=$redis_password"
start issuer "$LOAD_CPU" "" dotnet "$client" issuer --issuer "$ISSUER_URL" --folder "$work"

# The Engagement service as the AppHost runs it (Production, its own token validation), without RabbitMQ and SMTP
# (events and mails wait in their tables).
port[service_http]=$(free_port); port[service]=$(free_port)
start_service() {
  spawn service "$SERVICE_CPU" env "${profile_env[@]}" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    Kestrel__Endpoints__http__Url="http://127.0.0.1:${port[service_http]}" \
    Kestrel__Endpoints__grpc__Url="http://127.0.0.1:${port[service]}" Kestrel__Endpoints__grpc__Protocols=Http2 \
    ConnectionStrings__engagementdb="Host=127.0.0.1;Port=${port[postgres]};Database=engagementdb;Username=postgres;Password=$pg_password" \
    ConnectionStrings__redis="$redis" Identity__Authority="http://127.0.0.1:${port[issuer]}" Identity__Issuer="$ISSUER_URL" \
    Engagement__DataDirectory="$work/engagement" \
    dotnet "$repo/src/Engagement.Api/bin/Release/net10.0/Engagement.Api.dll" --contentRoot "$repo/src/Engagement.Api"
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:${port[service_http]}/health" >/dev/null 2>&1 && return 0
    kill -0 "${pid[service]}" 2>/dev/null || die "the service exited:\n$(tail -30 "$work/service.log")"
    sleep 0.2
  done
  die "the service was not healthy within 120 s:\n$(tail -30 "$work/service.log")"
}
start_service
log "service on ${port[service]} (CPU $SERVICE_CPU)"

# The gateway with its appsettings.json routes; rate limits raised so that one partner may send the whole burst.
port[gateway]=$(free_port)
spawn gateway "$GATEWAY_CPU" env "${profile_env[@]}" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  Kestrel__Endpoints__grpc__Url="http://127.0.0.1:${port[gateway]}" Kestrel__Endpoints__grpc__Protocols=Http2 \
  Identity__Authority="http://127.0.0.1:${port[issuer]}" Identity__Issuer="$ISSUER_URL" ConnectionStrings__redis="$redis" \
  services__engagement__grpc__0="http://127.0.0.1:${port[service]}" services__engagement__http__0="http://127.0.0.1:${port[service_http]}" \
  RateLimiting__Policies__grpc__PerClient__PermitLimit=100000000 RateLimiting__Policies__grpc__PerIp__PermitLimit=100000000 \
  dotnet "$repo/src/Gateway/bin/Release/net10.0/Gateway.dll" --contentRoot "$repo/src/Gateway"
wait_port "${port[gateway]}" gateway
log "gateway on ${port[gateway]} (CPU $GATEWAY_CPU)"

# CPU seconds used so far by each server (the process and its children, e.g. PostgreSQL's backends): what one
# application costs, a figure the other sessions' load does not hide the way it hides throughput.
cpu_snapshot() { python3 - "$@" <<'PY'
import os, sys, json
tick = os.sysconf("SC_CLK_TCK")
def fields(pid):
    s = open(f"/proc/{pid}/stat").read()
    return s[s.rindex(")") + 2:].split()
def children(pid):
    out = []
    for p in filter(str.isdigit, os.listdir("/proc")):
        try:
            if int(fields(p)[1]) == pid: out.append(int(p))
        except (OSError, IndexError): pass
    return out
def cpu(pid):
    try: f = fields(pid)
    except OSError: return 0.0
    return sum(int(x) for x in f[11:15]) / tick + sum(cpu(c) for c in children(pid))
print(json.dumps({name: cpu(int(pid)) for name, pid in (a.split("=") for a in sys.argv[1:])}))
PY
}
snapshot() { cpu_snapshot service="${pid[service]}" postgres="${pid[postgres]}" gateway="${pid[gateway]}" redis="${pid[redis]}"; }

target() { if [[ $1 == direct ]]; then echo "http://127.0.0.1:${port[service]}"; else echo "http://127.0.0.1:${port[gateway]}"; fi; }
# schedule PATH: a new dialogue through PATH, its id on stdout.
schedule() { taskset -c "$LOAD_CPU" dotnet "$client" schedule --target "$(target "$1")" --token-file "$work/secretariat.token" --seats "$SEATS"; }
# burst PATH DIALOGUE COUNT NAME: COUNT applications through PATH, acknowledged ids in NAME.acks, the figures in NAME.json.
burst() {
  taskset -c "$LOAD_CPU" dotnet "$client" burst --target "$(target "$1")" --token-file "$work/partner.token" --dialogue "$2" \
    --count "$3" --concurrency "$CONCURRENCY" --key-prefix "$4-$RANDOM" --acks "$work/$4.acks" > "$work/$4.json"
}
run_path() {
  local path=$1 dialogue burst_pid
  if (( WARMUP > 0 )); then
    burst "$path" "$(schedule "$path")" "$WARMUP" "$path.warmup" || die "$path warm-up failed"
    log "$path warm-up: $(cat "$work/$path.warmup.json")"
  fi
  dialogue=$(schedule "$path")
  log "$path: $COUNT applications for $SEATS seats, $CONCURRENCY in flight (dialogue $dialogue)"
  snapshot > "$work/$path.cpu0.json"
  burst "$path" "$dialogue" "$COUNT" "$path" &
  burst_pid=$!
  if [[ -n $KILL_AFTER && $path == gateway ]]; then
    sleep "$KILL_AFTER"
    log "kill -9 of the service (pid ${pid[service]}) mid-burst, then a restart"
    kill -9 "${pid[service]}"; wait "${pid[service]}" 2>/dev/null || true
    start_service
  fi
  wait "$burst_pid" || die "$path burst failed"
  snapshot > "$work/$path.cpu1.json"
  taskset -c "$LOAD_CPU" dotnet "$client" check --target "$(target direct)" --token-file "$work/secretariat.token" --dialogue "$dialogue" \
    --acks "$work/$path.acks" > "$work/$path.check.json"
  # Then the first approved application is withdrawn (by the secretariat, through the same path): the first on the
  # waitlist must take the seat.
  taskset -c "$LOAD_CPU" dotnet "$client" withdraw-first --target "$(target "$path")" --token-file "$work/secretariat.token" --dialogue "$dialogue" > "$work/$path.promote.json"
  log "$path: $(cat "$work/$path.json")\n$path: $(cat "$work/$path.check.json")\n$path: $(cat "$work/$path.promote.json")"
}
for path in $PATHS; do run_path "$path"; done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

python3 - "$work" "$RESULTS" "$PATHS" "$COUNT" "$SEATS" "$CONCURRENCY" "$load_before" "$load_after" "${KILL_AFTER:-}" \
  "$SERVICE_CPU" "$GATEWAY_CPU" "$LOAD_CPU" "$WARMUP" <<'PY'
import json, sys, datetime, subprocess
work, out, paths, count, seats, conc, before, after, kill, service_cpu, gateway_cpu, load_cpu, warmup = sys.argv[1:14]
layout = ("every process on both cores (nothing pinned)" if service_cpu == gateway_cpu == load_cpu
          else f"the service and PostgreSQL on CPU {service_cpu}, the gateway and Redis on CPU {gateway_cpu}, the client on CPU {load_cpu}")
warm = (f"before each path's burst, {warmup} applications through the same path to another dialogue (not counted)" if int(warmup) > 0
        else "no warm-up (cold processes)")
rows, checks, promotes, cpus = {}, {}, {}, {}
for p in paths.split():
    rows[p] = json.load(open(f"{work}/{p}.json")); checks[p] = json.load(open(f"{work}/{p}.check.json")); promotes[p] = json.load(open(f"{work}/{p}.promote.json"))
    c0, c1 = json.load(open(f"{work}/{p}.cpu0.json")), json.load(open(f"{work}/{p}.cpu1.json"))
    cpus[p] = {k: c1[k] - c0[k] for k in c0}
lines = [f"# Engagement burst ({datetime.date.today()})", "",
         f"{count} verified applications from distinct organizations at once, {seats} in-person seats, automatic approval in arrival order, "
         f"{conc} calls in flight; {layout}; {warm}."
         + (f" The service was killed (SIGKILL) {kill} s into the gateway burst and restarted; clients retried with the same keys." if kill else ""), "",
         f"Load average before: {before}; after: {after} (a shared machine gives lower figures; rerun on a quiet one).", "",
         "| path | acknowledged | seconds | applications/s | p50 ms | p90 ms | p99 ms | max ms | retries |",
         "|---|---|---|---|---|---|---|---|---|"]
for p, r in rows.items():
    lines.append(f"| {p} | {r['acknowledged']} | {r['seconds']:.0f} | {r['per_second']:.1f} | {r['p50_ms']:.1f} | {r['p90_ms']:.1f} | {r['p99_ms']:.1f} | {r['max_ms']:.0f} | "
                 f"{r['retries']} {r['failures'] or ''} |")
lines += ["", "Checks (read back from the service after the burst; then the first approved arrival withdraws through the same path):", "",
          "| path | approved | waitlisted | applications (distinct) | acknowledged missing | approved arrived first | waitlist positions follow arrival | distinct arrival numbers | withdrawal promotes the first waitlisted |",
          "|---|---|---|---|---|---|---|---|---|"]
for p in rows:
    c, w = checks[p], promotes[p]
    lines.append(f"| {p} | {c['approved_in_person']} | {c['waitlisted']} | {c['applications']} ({c['listed_rows']} rows) | {c['acknowledged_missing']} | {c['approved_arrived_first']} | "
                 f"{c['waitlist_positions_follow_arrival']} | {c['distinct_arrival_numbers']} | {w['promoted_first']} ({w['approved_before']}->{w['approved_after']} approved, {w['waitlisted_before']}->{w['waitlisted_after']} waitlisted, first waitlisted now {w['first_waitlisted_now']}) |")
lines += ["", "CPU per application during the burst (ms of CPU time of each server, its child processes included; the client not counted)"
          + (" — the service was killed mid-burst, so its CPU before the kill is lost: not a cost figure" if kill else "") + ":", "",
          "| path | service | PostgreSQL | gateway | Redis | total | at most, on 2 idle cores |", "|---|---|---|---|---|---|---|"]
for p, c in cpus.items():
    n = rows[p]["acknowledged"]; ms = {k: 1000 * v / n for k, v in c.items()}; total = sum(ms.values())
    lines.append(f"| {p} | {ms['service']:.2f} | {ms['postgres']:.2f} | {ms['gateway']:.2f} | {ms['redis']:.2f} | {total:.2f} | {2000 / total:.0f}/s |")
if "direct" in rows and "gateway" in rows:
    lines += ["", f"Gateway / direct throughput: {rows['gateway']['per_second'] / rows['direct']['per_second']:.2f}x."]
open(out, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
bad = [p for p in rows if checks[p]["approved_in_person"] != int(seats) or checks[p]["waitlisted"] != int(count) - int(seats)
       or checks[p]["applications"] != int(count) or checks[p]["listed_rows"] != int(count) or rows[p]["distinct_ids"] != int(count)
       or rows[p]["acknowledged"] != int(count) or checks[p]["acknowledged_missing"] != 0 or not checks[p]["approved_arrived_first"]
       or not checks[p]["waitlist_positions_follow_arrival"] or not checks[p]["distinct_arrival_numbers"] or not promotes[p]["promoted_first"]]
if bad:
    print(f"CHECKS FAILED: {bad}", file=sys.stderr)
sys.exit(1 if bad else 0)
PY
