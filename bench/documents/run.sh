#!/usr/bin/env bash
# Documents streaming benchmark (issue 11): one SIZE_MIB MiB file uploaded (client streaming) and downloaded
# (server streaming) straight to the Documents service and through the gateway, paths interleaved, ROUNDS rounds
# after a warm-up; MB/s both ways and the service's peak resident memory above idle. Targets: >= 150 MB/s through
# the gateway, <= 64 MB above idle. The service (Release, as the AppHost runs it, without RabbitMQ) runs with a
# local PostgreSQL (a fresh cluster in a temporary folder) and its blob folder under /tmp; the gateway with its
# own documents route from appsettings.json and its Redis; tokens from a local issuer (DocumentsBench issuer).
# Writes results.md next to this script.
#
#   bench/documents/run.sh                          (needs python3, redis-server, PostgreSQL, the .NET SDK)
#   SIZE_MIB=20 ROUNDS=1 bench/documents/run.sh     (a smoke run)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
SIZE_MIB=${SIZE_MIB:-100}
ROUNDS=${ROUNDS:-3}
CHUNK_KIB=${CHUNK_KIB:-1024}
SERVICE_CPU=${SERVICE_CPU:-0}
GATEWAY_CPU=${GATEWAY_CPU:-1}
CLIENT_CPU=${CLIENT_CPU:-1}
RESULTS=${RESULTS:-"$here/results.md"}
WARMUP=${WARMUP:-4}
# SERVICE_DLL: measure another build of the service (e.g. a copy of the previous commit's bin folder) against the
# same gateway, client and settings; default the Release build of src/Documents.Api.
SERVICE_DLL=${SERVICE_DLL:-"$repo/src/Documents.Api/bin/Release/net10.0/Documents.Api.dll"}
# PERF_DATA=/path/perf.data: record the service's and the gateway's stacks with `perf record -g` (clock
# CLOCK_MONOTONIC) from PERF_DELAY_S seconds into the measurement (after the warm-up, default 0) until its end; both run
# with DOTNET_PerfMapEnabled=1 so perf names JIT-compiled methods. The measurement prints each transfer's span
# ("span PATH DIRECTION START END", CLOCK_MONOTONIC ns): bench/documents/perf-split.py cuts the profile by them.
PERF_DATA=${PERF_DATA:-}
PERF_DELAY_S=${PERF_DELAY_S:-0}
# Extra settings for experiments (space-separated Key__Sub=value pairs), e.g.
# SERVICE_SETTINGS="Kestrel__Limits__Http2__InitialStreamWindowSize=4194304"
read -r -a service_settings <<< "${SERVICE_SETTINGS:-}"
read -r -a gateway_settings <<< "${GATEWAY_SETTINGS:-}"
if [[ -n $PERF_DATA ]]; then
  command -v perf >/dev/null 2>&1 || { echo "PERF_DATA needs perf (apt-get install linux-perf)" >&2; exit 1; }
  service_settings+=(DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0)
  gateway_settings+=(DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0)
fi
ISSUER_URL=https://gateway.bench.test/

log() { printf '[documents-bench] %b\n' "$*" >&2; }
die() { log "$*"; exit 1; }
for tool in python3 dotnet redis-server taskset; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is missing (apt-get install python3 redis-server util-linux; and the .NET SDK)."
done
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -n $pg_bin && -x $pg_bin/initdb ]] || die "PostgreSQL is missing (apt-get install postgresql)."
(( $(nproc) > SERVICE_CPU && $(nproc) > GATEWAY_CPU )) || die "needs CPUs $SERVICE_CPU and $GATEWAY_CPU."

work="$(mktemp -d /tmp/documents-bench.XXXXXX)"
chmod 755 "$work"
source "$repo/bench/Common/processes.sh"

log "building (Release): Documents.Api, Gateway, DocumentsBench"
for project in src/Documents.Api src/Gateway bench/documents/DocumentsBench; do
  dotnet build "$repo/$project" -c Release -nologo -v q > "$work/build.log" 2>&1 || die "build of $project failed:\n$(tail -30 "$work/build.log")"
done

# PostgreSQL: a fresh cluster, as the postgres user when running as root (initdb refuses root).
pg_password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
mkdir -p "$work/pg"; echo "$pg_password" > "$work/pg/password"
as_user=()
if (( $(id -u) == 0 )); then chown -R postgres:postgres "$work/pg"; as_user=(setpriv --reuid=postgres --regid=postgres --init-groups); fi
"${as_user[@]}" "$pg_bin/initdb" -D "$work/pg/data" -U postgres --pwfile "$work/pg/password" --auth-host=scram-sha-256 --auth-local=peer -E UTF8 --no-locale > "$work/initdb.log" 2>&1 \
  || die "initdb failed:\n$(cat "$work/initdb.log")"
pg_port=$(free_port)
start postgres "$SERVICE_CPU" "$pg_port" "${as_user[@]}" "$pg_bin/postgres" -D "$work/pg/data" -p "$pg_port" -k "$work/pg" -c listen_addresses=127.0.0.1
connection="Host=127.0.0.1;Port=$pg_port;Database=documentsdb;Username=postgres;Password=$pg_password"
PGPASSWORD=$pg_password "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc 'CREATE DATABASE documentsdb' >/dev/null

redis_password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
redis_port=$(free_port)
start redis "$GATEWAY_CPU" "$redis_port" redis-server --port "$redis_port" --requirepass "$redis_password" --save '' --appendonly no --dir "$work"

bench_dll="$repo/bench/documents/DocumentsBench/bin/Release/net10.0/DocumentsBench.dll"
start issuer "$CLIENT_CPU" "" dotnet "$bench_dll" issuer --issuer "$ISSUER_URL" --token-file "$work/token" --subject bench-expert --role GovernmentalExpert --party AUT

svc_http=$(free_port); svc_grpc=$(free_port)
mkdir -p "$work/data"
start documents "$SERVICE_CPU" "$svc_grpc" env ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  Kestrel__Endpoints__http__Url="http://127.0.0.1:$svc_http" Kestrel__Endpoints__grpc__Url="http://127.0.0.1:$svc_grpc" Kestrel__Endpoints__grpc__Protocols=Http2 \
  ConnectionStrings__documentsdb="$connection" Documents__DataDirectory="$work/data" \
  Identity__Authority="http://127.0.0.1:${port[issuer]}" Identity__Issuer="$ISSUER_URL" "${service_settings[@]}" \
  dotnet "$SERVICE_DLL" --contentRoot "$repo/src/Documents.Api"
for _ in $(seq 1 300); do
  curl -fs "http://127.0.0.1:$svc_http/health" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fs "http://127.0.0.1:$svc_http/health" >/dev/null || die "the Documents service is not healthy:\n$(tail -30 "$work/documents.log")"

# The read model: review AUT-C1 and the bench's expert (as the Reviews and Nominations events would leave them).
PGPASSWORD=$pg_password "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d documentsdb -qc "
  INSERT INTO reviews (id, party_under_review, reviewers, group_number, phase, cluster, stage, updated_at)
  VALUES ('AUT-C1', 'AUT', ARRAY['DEU','BRA'], 1, 1, 1, 'SELF_ASSESSMENT_QUESTIONNAIRE', now());
  INSERT INTO nominations (nomination_id, person_id, party, role, scope, scope_review_id, effective_from)
  VALUES ('bench-n1', 'bench-expert', 'AUT', 2, 1, '', now());" >/dev/null

gw_port=$(free_port)
start gateway "$GATEWAY_CPU" "$gw_port" env ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  Kestrel__Endpoints__grpc__Url="http://127.0.0.1:$gw_port" Kestrel__Endpoints__grpc__Protocols=Http2 \
  Identity__Authority="http://127.0.0.1:${port[issuer]}" Identity__Issuer="$ISSUER_URL" \
  ConnectionStrings__redis="127.0.0.1:$redis_port,password=$redis_password" RateLimiting__Enabled=false \
  services__documents__grpc__0="http://127.0.0.1:$svc_grpc" services__documents__http__0="http://127.0.0.1:$svc_http" "${gateway_settings[@]}" \
  dotnet "$repo/src/Gateway/bin/Release/net10.0/Gateway.dll" --contentRoot "$repo/src/Gateway"

if [[ -n $PERF_DATA ]]; then
  spawn perf "$CLIENT_CPU" bash -c 'sleep "$1"; exec perf record -g -F 999 -k CLOCK_MONOTONIC -o "$2" -p "$3"' perf "$PERF_DELAY_S" "$PERF_DATA" "${pid[documents]},${pid[gateway]}"
  sleep 1
fi
log "measuring $SERVICE_DLL: $SIZE_MIB MiB, $ROUNDS rounds (+$WARMUP warm-up), direct and gateway interleaved; load average $(cut -d' ' -f1-3 /proc/loadavg)"
taskset -c "$CLIENT_CPU" dotnet "$bench_dll" measure --direct "http://127.0.0.1:$svc_grpc" --gateway "http://127.0.0.1:$gw_port" \
  --token-file "$work/token" --review AUT-C1 --size-mib "$SIZE_MIB" --chunk-kib "$CHUNK_KIB" --rounds "$ROUNDS" --warmup "$WARMUP" --service-pid "${pid[documents]}" --gateway-pid "${pid[gateway]}" --results "$RESULTS" \
  || die "the measurement failed; service log:\n$(tail -30 "$work/documents.log")\ngateway log:\n$(tail -30 "$work/gateway.log")"
if [[ -n $PERF_DATA ]]; then
  kill -INT "${pid[perf]}"; wait "${pid[perf]}" 2>/dev/null || true; unset 'pid[perf]'
  log "perf data in $PERF_DATA: perf report -i $PERF_DATA --sort pid,sym"
fi
cat "$RESULTS"
