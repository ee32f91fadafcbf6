#!/usr/bin/env bash
# Where the product server's cost per call goes: the PipelineVariants server (ProductServer's service with pieces of
# the pipeline toggled, plain Grpc.AspNetCore beside it) under the same load as run.sh, side by side, interleaved.
# Prints per run: req/s, server CPU, calls per CPU-second and bytes allocated per call (load-independent: the figure
# to compare on a shared machine). With ALLOC_SAMPLE=1 in a variant's settings, also the types it allocates most
# (runtime allocation ticks, one per ~100 kB), and for every variant the instruments OpenTelemetry measures.
#
#   bench/grpc-unary/pipeline.sh                       (the default variants below)
#   ROUNDS=3 bench/grpc-unary/pipeline.sh "product:variant=product" "noauth:variant=noauth OTEL_SDK_DISABLED=true"
#
# A variant is NAME:SETTINGS, SETTINGS being environment assignments; `variant` takes comma-separated flags:
# product (as ProductServer), noauth (no AddDefaultAuthentication), noint (no gRPC interceptors), plain
# (Grpc.AspNetCore alone), tel (with plain: the services' OpenTelemetry). Telemetry exports to an address where
# nothing listens unless OTEL_EXPORTER_OTLP_ENDPOINT says otherwise (the exporter's failures cost little).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DURATION=${DURATION:-5}
ROUNDS=${ROUNDS:-2}
WARMUP=${WARMUP:-10}
CONNECTIONS=${CONNECTIONS:-16}
STREAMS=${STREAMS:-16}
SERVER_CPU=${SERVER_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}
PYTHON=/usr/bin/python3
sink=OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:9/bench
if (( $# == 0 )); then
  set -- "plain:variant=plain" "plain-tel:variant=plain,tel $sink" "product:variant=product $sink" \
    "product-notel:variant=product OTEL_SDK_DISABLED=true" "noauth-notel:variant=product,noauth OTEL_SDK_DISABLED=true" \
    "noint-notel:variant=product,noint OTEL_SDK_DISABLED=true"
fi

for tool in h2load taskset curl dotnet "$PYTHON"; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool is missing: run eng/install-test-deps.sh" >&2; exit 1; }
done
work="$(mktemp -d /tmp/grpc-unary-pipeline.XXXXXX)"
declare -A pid port
names=()
cleanup() {
  for name in "${!pid[@]}"; do kill "${pid[$name]}" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build -c Release --nologo -v q "$here/PipelineVariants/PipelineVariants.csproj" > "$work/build.log" 2>&1 || { tail -30 "$work/build.log"; exit 1; }
"$PYTHON" "$here/bench_call.py" write "$work/request.bin" --request-size 100 --response-size 100

for spec in "$@"; do
  name=${spec%%:*}
  read -r -a settings <<< "${spec#*:}"
  names+=("$name")
  env "${settings[@]}" taskset -c "$SERVER_CPU" dotnet "$here/PipelineVariants/bin/Release/net10.0/PipelineVariants.dll" --port 0 > "$work/$name.log" 2>&1 &
  pid[$name]=$!
done
for name in "${names[@]}"; do
  for _ in $(seq 1 300); do grep -q '^LISTENING ' "$work/$name.log" && break; sleep 0.2; done
  port[$name]=$(awk '/^LISTENING /{print $2; exit}' "$work/$name.log")
  [[ -n ${port[$name]} ]] || { echo "$name did not start:" >&2; cat "$work/$name.log" >&2; exit 1; }
done

get() { curl -sf --http2-prior-knowledge "http://127.0.0.1:${port[$1]}$2"; }

run() {
  local name=$1 seconds=$2 before after s0 s1
  before=$(awk '{print $14 + $15}' "/proc/${pid[$name]}/stat")
  s0=$(get "$name" /bench/stats)
  taskset -c "$LOAD_CPU" h2load -D "$seconds" -c "$CONNECTIONS" -m "$STREAMS" -t 1 -d "$work/request.bin" \
    -H 'content-type: application/grpc' -H 'te: trailers' -H 'grpc-timeout: 5S' \
    "http://127.0.0.1:${port[$name]}/grpc.testing.TestService/UnaryCall" > "$work/h2load.out" 2>&1
  after=$(awk '{print $14 + $15}' "/proc/${pid[$name]}/stat")
  s1=$(get "$name" /bench/stats)
  "$PYTHON" - "$name" "$work/h2load.out" "$before" "$after" "$(getconf CLK_TCK)" "$s0" "$s1" <<'PY'
import json, re, sys
name, out, before, after, tck, s0, s1 = sys.argv[1:]
text = open(out).read()
finished = re.search(r"finished in ([\d.]+)s, ([\d.]+) req/s", text)
failed = re.search(r"\d+ succeeded, (\d+) failed", text)
seconds, rps = float(finished.group(1)), float(finished.group(2))
cpu = (int(after) - int(before)) / int(tck) / seconds
j0, j1 = json.loads(s0), json.loads(s1)
calls = max(j1["calls"] - j0["calls"], 1)
print(f"{name:16s} {rps:9.0f} req/s  CPU {cpu * 100:4.0f}%  {rps / max(cpu, 0.001):9.0f} calls/CPU-s  "
      f"{(j1['allocatedBytes'] - j0['allocatedBytes']) / calls:6.0f} B/call  failed {failed.group(1)}")
PY
}

for name in "${names[@]}"; do run "$name" "$WARMUP" > /dev/null; run "$name" "$WARMUP" > /dev/null; done
for round in $(seq 1 "$ROUNDS"); do
  for name in "${names[@]}"; do run "$name" "$DURATION"; done
done
for i in "${!names[@]}"; do
  name=${names[$i]}
  if [[ $* == *"$name:"*ALLOC_SAMPLE=1* ]] || [[ ${ALLOC_SAMPLE:-} == 1 ]]; then
    get "$name" /bench/allocreset > /dev/null
    run "$name" "$DURATION" > /dev/null
    echo "== $name: bytes sampled by type over ${DURATION}s"
    get "$name" /bench/alloc | head -40
  fi
  echo "== $name: instruments measured"
  get "$name" /bench/instruments | grep -v '^System.Runtime' || true
done
