#!/usr/bin/env bash
# Unary gRPC benchmark, side by side in one go (issues 2 and 15):
#   raw            Kestrel answering TestService/UnaryCall with a precomputed reply (the stack's limit)
#   product        Grpc.AspNetCore as a service runs it: AddServiceDefaults (the logging, error and validation
#                  interceptors, JwtBearer + authorization middleware, health, reflection) with the services'
#                  OpenTelemetry as configured (traces sampled, metrics, logs), exporting over OTLP/HTTP to
#                  otlp_sink.py as to a collector
#   product-alltraces  the same with every trace recorded (Telemetry__TraceSampleRatio=1, what the AppHost sets locally)
#   product-notel  the same server with OpenTelemetry off (OTEL_SDK_DISABLED=true)
#   grpcjs         @grpc/grpc-js
#   grpcio         Python grpcio (asyncio server)
# Same message for all: SimpleRequest with a REQUEST_SIZE-byte payload asking RESPONSE_SIZE bytes.
# All servers run pinned to core SERVER_CPU, h2load (one thread) to core LOAD_CPU. Every server is
# checked with a real grpcio call, warmed (the .NET ones until two consecutive warm-up runs agree
# within 5% in calls per CPU-second: tiered compilation), then measured ROUNDS times, servers
# interleaved, DURATION s each. Reports req/s and calls per server CPU-second (the server's cost per
# call, which stays meaningful when other processes share the server's core).
# Prints a table and writes results.md next to this script.
#
#   bench/grpc-unary/run.sh                    (needs eng/install-test-deps.sh and the .NET SDK)
#   SERVERS="raw grpcjs" ROUNDS=1 bench/grpc-unary/run.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

SERVERS=${SERVERS:-"raw product product-alltraces product-notel grpcjs grpcio"}
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-16}
STREAMS=${STREAMS:-16}
REQUEST_SIZE=${REQUEST_SIZE:-100}
RESPONSE_SIZE=${RESPONSE_SIZE:-100}
DEADLINE=${DEADLINE:-5S}   # grpc-timeout on every request: each server runs its deadline path
SERVER_CPU=${SERVER_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}
WARMUP_CHUNK=${WARMUP_CHUNK:-10}
WARMUP_MAX_CHUNKS=${WARMUP_MAX_CHUNKS:-12}
WARMUP_OTHER=${WARMUP_OTHER:-5}
RESULTS=${RESULTS:-"$here/results.md"}
PYTHON=/usr/bin/python3
METHOD_PATH=/grpc.testing.TestService/UnaryCall

log() { printf '[grpc-unary] %b\n' "$*" >&2; }
die() { log "$*"; exit 1; }

for tool in h2load taskset node curl dotnet "$PYTHON"; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is missing: run eng/install-test-deps.sh (and install the .NET SDK)."
done
[[ -d "$repo/tests/interop-node/node_modules/@grpc/grpc-js" ]] || die "tests/interop-node has no node_modules: run eng/install-test-deps.sh."
(( $(nproc) > SERVER_CPU && $(nproc) > LOAD_CPU )) || die "needs CPUs $SERVER_CPU and $LOAD_CPU; this machine has $(nproc)."

work="$(mktemp -d /tmp/grpc-unary-bench.XXXXXX)"
declare -A pid port
sink_pid="" sink_port=""
cleanup() {
  [[ -n $sink_pid ]] && kill "$sink_pid" 2>/dev/null || true
  for name in "${!pid[@]}"; do
    kill "${pid[$name]}" 2>/dev/null || true
  done
  for name in "${!pid[@]}"; do
    wait "${pid[$name]}" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

label() {
  case "$1" in
    raw) echo "raw Kestrel, precomputed reply" ;;
    product) echo "Grpc.AspNetCore $(grpc_version), ServiceDefaults, telemetry as configured" ;;
    product-alltraces) echo "Grpc.AspNetCore $(grpc_version), ServiceDefaults, telemetry recording every trace" ;;
    product-notel) echo "Grpc.AspNetCore $(grpc_version), ServiceDefaults, telemetry off" ;;
    grpcjs) echo "@grpc/grpc-js $(node -p "require('$repo/tests/interop-node/node_modules/@grpc/grpc-js/package.json').version")" ;;
    grpcio) echo "grpcio $("$PYTHON" -c 'import grpc; print(grpc.__version__)') (asyncio)" ;;
  esac
}

grpc_version() { sed -n 's/.*"Grpc.AspNetCore" Version="\([^"]*\)".*/\1/p' "$repo/Directory.Packages.props"; }

is_dotnet() { [[ $1 == raw || $1 == product* ]]; }
is_product() { [[ $1 == product* ]]; }

project_of() {
  case "$1" in
    raw) echo "$here/RawServer/RawServer.csproj" ;;
    product*) echo "$here/ProductServer/ProductServer.csproj" ;;
  esac
}

command_of() {
  case "$1" in
    raw) echo "dotnet $here/RawServer/bin/Release/net10.0/RawServer.dll --port 0 --response-size $RESPONSE_SIZE" ;;
    product) echo "env OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$sink_port/$1 OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf dotnet $here/ProductServer/bin/Release/net10.0/ProductServer.dll --port 0" ;;
    product-alltraces) echo "env Telemetry__TraceSampleRatio=1 OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$sink_port/$1 OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf dotnet $here/ProductServer/bin/Release/net10.0/ProductServer.dll --port 0" ;;
    product-notel) echo "env OTEL_SDK_DISABLED=true OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$sink_port/$1 OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf dotnet $here/ProductServer/bin/Release/net10.0/ProductServer.dll --port 0" ;;
    grpcjs) echo "node $here/grpcjs_server.js --port=0" ;;
    grpcio) echo "$PYTHON $here/grpcio_server.py --port=0" ;;
    *) die "unknown server '$1' (known: raw product product-alltraces product-notel grpcjs grpcio)" ;;
  esac
}

start_server() {
  local name=$1
  # shellcheck disable=SC2046
  taskset -c "$SERVER_CPU" $(command_of "$name") > "$work/$name.log" 2>&1 &
  pid[$name]=$!
  for _ in $(seq 1 300); do
    if grep -q '^LISTENING ' "$work/$name.log"; then
      port[$name]=$(awk '/^LISTENING /{print $2; exit}' "$work/$name.log")
      "$PYTHON" "$here/bench_call.py" verify "${port[$name]}" --request-size "$REQUEST_SIZE" --response-size "$RESPONSE_SIZE" \
        || die "$name does not answer the benchmark call correctly; its log:\n$(cat "$work/$name.log")"
      log "$name listening on ${port[$name]} (pid ${pid[$name]}), answer checked with grpcio"
      return
    fi
    kill -0 "${pid[$name]}" 2>/dev/null || die "$name exited during start-up:\n$(cat "$work/$name.log")"
    sleep 0.2
  done
  die "$name did not start within 60 s:\n$(cat "$work/$name.log")"
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

stats() { curl -sf --http2-prior-knowledge "http://127.0.0.1:${port[$1]}/bench/stats"; }

# Bytes the sink has received so far from server $1 (every signal; each server exports under /<name>/v1/...).
sink_bytes() { curl -sf "http://127.0.0.1:$sink_port/stats" | "$PYTHON" -c "import json,sys; print(sum(v['bytes'] for k, v in json.load(sys.stdin).items() if k.startswith('/' + sys.argv[1] + '/')))" "$1"; }

json_field() { "$PYTHON" -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }

# Runs h2load against a server for $2 seconds; prints "req_per_s succeeded failed cpu_percent
# calls_per_cpu_second" (the last is robust to other processes taking the server's core).
load() {
  local name=$1 seconds=$2 out="$work/h2load.out" before after
  before=$(cpu_ticks "${pid[$name]}")
  taskset -c "$LOAD_CPU" h2load -D "$seconds" -c "$CONNECTIONS" -m "$STREAMS" -t 1 -d "$work/request.bin" \
    -H 'content-type: application/grpc' -H 'te: trailers' -H "grpc-timeout: $DEADLINE" \
    "http://127.0.0.1:${port[$name]}$METHOD_PATH" > "$out" 2>&1 \
    || die "h2load failed against $name:\n$(cat "$out")"
  after=$(cpu_ticks "${pid[$name]}")
  "$PYTHON" - "$out" "$before" "$after" "$(getconf CLK_TCK)" <<'EOF'
import re, sys
text = open(sys.argv[1]).read()
finished = re.search(r"finished in ([\d.]+)s, ([\d.]+) req/s", text)
counts = re.search(r"requests: \d+ total, \d+ started, \d+ done, (\d+) succeeded, (\d+) failed, (\d+) errored", text)
if not finished or not counts:
    sys.exit("cannot read h2load output:\n" + text)
seconds, rps = float(finished.group(1)), float(finished.group(2))
cpu = (int(sys.argv[3]) - int(sys.argv[2])) / int(sys.argv[4]) / seconds * 100
print(f"{rps:.0f} {counts.group(1)} {int(counts.group(2)) + int(counts.group(3))} {cpu:.0f} {rps / max(cpu, 0.1) * 100:.0f}")
EOF
}

warm() {
  local name=$1 previous=0 current chunk rps cpu
  if ! is_dotnet "$name"; then
    load "$name" "$WARMUP_OTHER" > /dev/null
    log "$name warmed ${WARMUP_OTHER}s"
    return
  fi
  for chunk in $(seq 1 "$WARMUP_MAX_CHUNKS"); do
    read -r rps _ _ cpu current <<< "$(load "$name" "$WARMUP_CHUNK")"
    log "$name warm-up $chunk: $rps req/s at $cpu% CPU, $current calls per CPU-second"
    if (( chunk >= 2 )) && "$PYTHON" -c "import sys; a,b=map(float,sys.argv[1:]); sys.exit(0 if abs(b-a) <= 0.05*a else 1)" "$previous" "$current"; then
      return
    fi
    previous=$current
  done
  log "$name still changing after $((WARMUP_CHUNK * WARMUP_MAX_CHUNKS))s of warm-up; measuring anyway"
}

log "building the .NET servers (Release)"
declare -A built
for name in $SERVERS; do
  if is_dotnet "$name" && [[ -z ${built[$(project_of "$name")]:-} ]]; then
    dotnet build -c Release --nologo -v q "$(project_of "$name")" > "$work/build-$name.log" 2>&1 \
      || die "build of $name failed:\n$(tail -40 "$work/build-$name.log")"
    built[$(project_of "$name")]=1
  fi
done
"$PYTHON" "$here/bench_call.py" write "$work/request.bin" --request-size "$REQUEST_SIZE" --response-size "$RESPONSE_SIZE"

# The telemetry sink takes the load generator's core: its CPU is not the server's.
taskset -c "$LOAD_CPU" "$PYTHON" "$here/otlp_sink.py" --port=0 > "$work/sink.log" 2>&1 &
sink_pid=$!
for _ in $(seq 1 50); do
  grep -q '^LISTENING ' "$work/sink.log" && break
  sleep 0.1
done
sink_port=$(awk '/^LISTENING /{print $2; exit}' "$work/sink.log")
[[ -n $sink_port ]] || die "the OTLP sink did not start:\n$(cat "$work/sink.log")"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for name in $SERVERS; do start_server "$name"; done
for name in $SERVERS; do warm "$name"; done

runs="$work/runs.tsv"
: > "$runs"
for round in $(seq 1 "$ROUNDS"); do
  for name in $SERVERS; do
    alloc="" calls=""
    if is_dotnet "$name"; then
      s0=$(stats "$name")
    fi
    result=$(load "$name" "$DURATION")
    read -r rps succeeded failed cpu efficiency <<< "$result"
    if is_dotnet "$name"; then
      s1=$(stats "$name")
      calls=$(( $(json_field "$s1" calls) - $(json_field "$s0" calls) ))
      alloc=$(( $(json_field "$s1" allocatedBytes) - $(json_field "$s0" allocatedBytes) ))
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$round" "$rps" "$succeeded" "$failed" "$cpu" "$calls" "$alloc" >> "$runs"
    log "round $round $name: $rps req/s, server CPU $cpu%, $efficiency calls per CPU-second${calls:+, $calls calls counted by the server}"
  done
done

# The product servers' batches leave up to a few seconds after their rounds: OTLP bytes per call are each
# server's total at the sink over every call it answered (warm-up included).
otlp_settings=()
sleep 7
for name in $SERVERS; do
  if is_product "$name"; then
    bytes=$(sink_bytes "$name")
    calls=$(json_field "$(stats "$name")" calls)
    otlp_settings+=(--setting "telemetry exported by $name: $bytes OTLP bytes (traces, metrics, logs) over $calls calls = $(( bytes / (calls > 0 ? calls : 1) )) B/call")
  fi
done

labels="$work/labels.tsv"
for name in $SERVERS; do printf '%s\t%s\n' "$name" "$(label "$name")" >> "$labels"; done
"$PYTHON" "$here/summarize.py" --runs "$runs" --labels "$labels" --out "$RESULTS" \
  --setting "duration=${DURATION}s x ${ROUNDS} rounds (servers interleaved)" \
  --setting "h2load: 1 thread, $CONNECTIONS connections x $STREAMS streams, pinned to CPU $LOAD_CPU" \
  --setting "servers pinned to CPU $SERVER_CPU; .NET warmed until two ${WARMUP_CHUNK}s runs agree within 5% (calls per CPU-second), others ${WARMUP_OTHER}s" \
  --setting "message: SimpleRequest with a ${REQUEST_SIZE}-byte payload, SimpleResponse with ${RESPONSE_SIZE} bytes; grpc-timeout $DEADLINE on every call" \
  --setting "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load average before start: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)" \
  --setting "versions: .NET $(dotnet --version), node $(node --version), $(h2load --version | head -1)" \
  "${otlp_settings[@]}"
