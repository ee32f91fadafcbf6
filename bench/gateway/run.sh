#!/usr/bin/env bash
# Gateway benchmark (issue 4): unary gRPC calls straight to a service vs through the gateway with
# token validation, side by side in one run, with h2load.
#   direct         h2load -> service
#   nginx          h2load -> nginx (grpc_pass, no token validation) -> service: a reference proxy nobody here
#                  wrote, in the gateway's seat, so the cost of any HTTP/2 proxy hop on this machine is visible
#   gateway        h2load -> gateway (YARP; JwtBearer RS256 validation with its token cache, the revocation list
#                  from a local redis-server, route policy) -> service
#   gateway-redis  the same plus the Redis rate limits as shipped (permits taken in batches; limits set high
#                  enough never to refuse; one EVAL per batch)
#   gateway-rrl    the same with RedisRateLimiting.AspNetCore's token buckets instead (RateLimiting:Store=
#                  RedisRateLimiting: one script per bucket per call), the alternative issue 15 asked to measure
#   gateway-alt    a second gateway like `gateway` plus the settings in GATEWAY_ALT_ENV ("Name=value ..."), to try a
#                  setting side by side with the gateway as shipped in one run
# Service: BACKEND=grpc (default) Grpc.AspNetCore with TestService/UnaryCall (an echo: the
# worst case for any proxy); BACKEND=raw a Kestrel endpoint answering a precomputed framed reply;
# BACKEND=reviews the product's Reviews service (src/Reviews.Api, Release) with ReviewsService/GetParty for
# PARTY (a signed-in read: the service validates the token itself, then reads the party from its
# PostgreSQL database, a local postgres pinned to the service's core and counted in its CPU). Message for
# grpc/raw: SimpleRequest with a REQUEST_SIZE-byte payload asking RESPONSE_SIZE bytes. Every call carries
# the bearer token (also on direct calls, so both paths send the same bytes).
# Cores (2 on the reference machine): the service on SERVICE_CPU, the gateway and Redis on
# GATEWAY_CPU, h2load (one thread) on LOAD_CPU (default: the gateway's core, as there is no third).
# 1. checks: each path answers grpc-status 0; the gateway without a token answers 16;
# 2. warm-up: at least WARMUP_MIN_CHUNKS runs of WARMUP_CHUNK s, then until two consecutive runs agree
#    within 5% (tiered compilation);
# 3. capacity: ROUNDS rounds of DURATION s at full load (CONNECTIONS x STREAMS), paths interleaved;
# 4. latency at half load: the same offered rate on every path, half the capacity of the slowest path
#    (so every path can carry it), open loop (LATENCY_CONNECTIONS connections x LATENCY_STREAMS streams, each paced by
#    --rps), ROUNDS rounds interleaved; p50/p99 from h2load's per-request log. A run that does not carry
#    the offered rate is marked as such;
# 5. the same half-load rate split evenly between all paths loaded at once (TOGETHER=0 skips it), ROUNDS rounds:
#    each path's p99 against direct's in the same round, as the machine's drift cancels out.
# Writes results.md next to this script.
#
#   bench/gateway/run.sh                         (needs h2load, taskset, redis-server, python3, the .NET SDK)
#   PATHS="direct gateway" ROUNDS=1 DURATION=5 bench/gateway/run.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

PATHS=${PATHS:-"direct nginx gateway gateway-redis gateway-rrl"}
BACKEND=${BACKEND:-grpc}
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-16}
STREAMS=${STREAMS:-16}
LATENCY_CONNECTIONS=${LATENCY_CONNECTIONS:-1}   # half-load runs: connections each paced by h2load --rps; its per-connection timers fire together, so C connections send C calls at once (bursts); one connection sends evenly spaced calls
LATENCY_STREAMS=${LATENCY_STREAMS:-16}          # calls a paced connection may have in flight: enough that a slow call does not hold back the next one (with 1, a connection carries at most 1/latency calls a second)
REQUEST_SIZE=${REQUEST_SIZE:-100}
RESPONSE_SIZE=${RESPONSE_SIZE:-100}
SERVICE_CPU=${SERVICE_CPU:-0}
GATEWAY_CPU=${GATEWAY_CPU:-1}
LOAD_CPU=${LOAD_CPU:-1}
WARMUP_CHUNK=${WARMUP_CHUNK:-8}
WARMUP_MIN_CHUNKS=${WARMUP_MIN_CHUNKS:-8}   # a process pinned to one busy core compiles its hot paths late (tiered JIT)
WARMUP_MAX_CHUNKS=${WARMUP_MAX_CHUNKS:-15}
RESULTS=${RESULTS:-"$here/results$([[ $BACKEND == grpc ]] || echo "-$BACKEND").md"}   # results.md for the echo service, results-reviews.md for BACKEND=reviews
PARTY=${PARTY:-FRA}
case $BACKEND in
  grpc|raw) METHOD_PATH=/grpc.testing.TestService/UnaryCall ;;
  reviews) METHOD_PATH=/reviewmechanism.reviews.v1.ReviewsService/GetParty ;;
  *) printf '[gateway-bench] BACKEND must be grpc, raw or reviews, not %s\n' "$BACKEND" >&2; exit 2 ;;
esac
ROUTE_PATH="${METHOD_PATH%/*}/{**rest}"   # the gateway's route: every method of the service
ISSUER_URL=https://gateway.bench.test/
POLICY=${POLICY:-reviews-scope}   # the route's AuthorizationPolicy ("anonymous" skips token validation, for comparison)

log() { printf '[gateway-bench] %b\n' "$*" >&2; }
die() { log "$*"; exit 1; }

for tool in h2load nghttp taskset python3 dotnet redis-server; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is missing (apt-get install nghttp2-client util-linux python3 redis-server; and the .NET SDK)."
done
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)   # Debian installs it in /usr/sbin, not always on PATH
if [[ " $PATHS " == *" nginx "* ]] && [[ ! -x $nginx_bin ]]; then
  die "nginx is missing (apt-get install nginx-light), or leave it out: PATHS=\"direct gateway gateway-redis\"."
fi
[[ " $PATHS " == *" direct "* ]] || die "PATHS must include direct: every figure is reported against it (PATHS=\"$PATHS\")."
(( $(nproc) > SERVICE_CPU && $(nproc) > GATEWAY_CPU && $(nproc) > LOAD_CPU )) || die "needs CPUs $SERVICE_CPU, $GATEWAY_CPU and $LOAD_CPU; this machine has $(nproc)."

# The gateway's gen0 budget, from the AppHost that sets it (GATEWAY_ALT_ENV="DOTNET_GCgen0size=..." tries another beside it).
gateway_gen0=$(sed -n 's/.*GatewayGen0Budget = "\([^"]*\)".*/\1/p' "$repo/ReviewMechanism.AppHost/Mechanism.cs")
[[ -n $gateway_gen0 ]] || die "cannot read GatewayGen0Budget from ReviewMechanism.AppHost/Mechanism.cs"

work="$(mktemp -d /tmp/gateway-bench.XXXXXX)"
pg_dir=""
source "$repo/bench/Common/processes.sh"

start_gateway() {
  local name=$1 limits=$2 gw_port
  gw_port=$(free_port)
  local -a env=(
    ASPNETCORE_ENVIRONMENT=Production
    Logging__LogLevel__Default=Warning
    Kestrel__Endpoints__grpc__Url="http://127.0.0.1:$gw_port"
    Kestrel__Endpoints__grpc__Protocols=Http2
    Identity__Authority="http://127.0.0.1:${port[issuer]}"
    Identity__Issuer="$ISSUER_URL"
    ConnectionStrings__redis="127.0.0.1:${port[redis]},password=$redis_password"   # the revocation list; and the limits
    DOTNET_GCgen0size="$gateway_gen0"   # as the AppHost runs it (Mechanism.GatewayGen0Budget)
  )
  if [[ $BACKEND == reviews ]]; then
    # The gateway's own route and cluster for the Reviews service (appsettings.json), as the AppHost wires them.
    env+=(services__reviews__grpc__0="http://127.0.0.1:${port[service]}" ReverseProxy__Routes__reviews__AuthorizationPolicy="$POLICY")
  else
    env+=(
      services__bench__grpc__0="http://127.0.0.1:${port[service]}"
      ReverseProxy__Routes__bench__ClusterId=bench
      ReverseProxy__Routes__bench__Match__Path="$ROUTE_PATH"
      ReverseProxy__Routes__bench__AuthorizationPolicy="$POLICY"
      ReverseProxy__Routes__bench__RateLimiterPolicy=grpc
      ReverseProxy__Clusters__bench__Destinations__service__Address=http://_grpc.bench
      ReverseProxy__Clusters__bench__HttpRequest__Version=2.0
      ReverseProxy__Clusters__bench__HttpRequest__VersionPolicy=RequestVersionExact
      ReverseProxy__Clusters__bench__HealthCheck__Passive__Enabled=true
      ReverseProxy__Clusters__bench__HealthCheck__Passive__Policy=TransportFailureRate
    )
  fi
  if [[ $limits != off ]]; then
    env+=(RateLimiting__Enabled=true RateLimiting__Store="$limits"
      RateLimiting__Policies__grpc__PerClient__PermitLimit=1000000000 RateLimiting__Policies__grpc__PerClient__Window=00:01:00
      RateLimiting__Policies__grpc__PerIp__PermitLimit=1000000000 RateLimiting__Policies__grpc__PerIp__Window=00:01:00)
  else
    env+=(RateLimiting__Enabled=false)
  fi
  read -r -a extra_env <<< "${GATEWAY_ENV:-}"   # e.g. GATEWAY_ENV="DOTNET_gcServer=0" to try a runtime setting on the gateway alone
  start "$name" "$GATEWAY_CPU" "$gw_port" env "${env[@]}" "${extra_env[@]}" dotnet "$repo/src/Gateway/bin/Release/net10.0/Gateway.dll" --contentRoot "$repo/src/Gateway"
}

start_nginx() {
  local np conf="$work/nginx.conf"
  np=$(free_port)
  mkdir -p "$work/nginx"
  cat > "$conf" <<NGINX
daemon off;
master_process off;
worker_processes 1;
error_log $work/nginx/error.log warn;
pid $work/nginx/nginx.pid;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000000;   # the default (1000) ends a client connection after 1000 calls; h2load does not reconnect
  keepalive_timeout 600s;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  upstream service { server 127.0.0.1:${port[service]}; keepalive 512; keepalive_requests 1000000000; }
  server {
    listen 127.0.0.1:$np http2;
    http2_max_concurrent_streams 256;
    location / { grpc_pass grpc://service; }
  }
}
NGINX
  start nginx "$GATEWAY_CPU" "$np" "$nginx_bin" -p "$work/nginx" -c "$conf"
}

# PostgreSQL for BACKEND=reviews: a fresh cluster in a temporary folder, run as the postgres user when this
# script runs as root (initdb and postgres refuse root), pinned to the service's core.
start_postgres() {
  local pg_bin pg_port
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [[ -n $pg_bin && -x $pg_bin/initdb ]] || die "PostgreSQL is missing (apt-get install postgresql), needed by BACKEND=reviews."
  pg_dir=$(mktemp -d /tmp/gateway-bench-pg.XXXXXX)
  pg_password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
  echo "$pg_password" > "$pg_dir/password"
  local -a as_user=()
  if (( $(id -u) == 0 )); then
    chown -R postgres:postgres "$pg_dir"
    as_user=(setpriv --reuid=postgres --regid=postgres --init-groups)
  fi
  "${as_user[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --pwfile "$pg_dir/password" --auth-host=scram-sha-256 \
    --auth-local=peer -E UTF8 --no-locale > "$work/initdb.log" 2>&1 || die "initdb failed:\n$(cat "$work/initdb.log")"
  "$pg_bin/postgres" --version | sed 's/^[^0-9]*//' > "$work/pg_version"
  pg_port=$(free_port)
  start postgres "$SERVICE_CPU" "$pg_port" "${as_user[@]}" "$pg_bin/postgres" -D "$pg_dir/data" -p "$pg_port" -k "$pg_dir" \
    -c listen_addresses=127.0.0.1 -c max_connections=200
}

# The Reviews service as the AppHost runs it (Production, its own token validation, its database), without
# RabbitMQ (its events wait in the outbox table; GetParty raises none). Ready once GetParty answers 0:
# migrations and the party list load at start.
start_reviews() {
  local sp status=""
  sp=$(free_port)
  start service "$SERVICE_CPU" "$sp" env ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    Kestrel__Endpoints__grpc__Url="http://127.0.0.1:$sp" Kestrel__Endpoints__grpc__Protocols=Http2 \
    ConnectionStrings__reviewsdb="Host=127.0.0.1;Port=${port[postgres]};Database=reviewsdb;Username=postgres;Password=$pg_password" \
    Identity__Authority="http://127.0.0.1:${port[issuer]}" Identity__Issuer="$ISSUER_URL" \
    dotnet "$repo/src/Reviews.Api/bin/Release/net10.0/Reviews.Api.dll" --contentRoot "$repo/src/Reviews.Api"
  for _ in $(seq 1 120); do
    status=$(grpc_status direct "Bearer $token")
    [[ $status == 0 ]] && return
    kill -0 "${pid[service]}" 2>/dev/null || die "the Reviews service exited during start-up:\n$(tail -40 "$work/service.log")"
    sleep 0.5
  done
  die "the Reviews service did not answer GetParty within 60 s (last grpc-status '$status'):\n$(tail -40 "$work/service.log")"
}

target_port() { if [[ $1 == direct ]]; then echo "${port[service]}"; else echo "${port[$1]}"; fi; }

# Answers grpc-status of one call (nghttp prints the trailers); $2 = authorization header or "".
grpc_status() {
  local -a auth=()
  [[ -n $2 ]] && auth=(-H "authorization: $2")
  nghttp -v -n -t 10 -d "$work/request.bin" -H 'content-type: application/grpc' -H 'te: trailers' "${auth[@]}" \
    "http://127.0.0.1:$(target_port "$1")$METHOD_PATH" 2>&1 | awk '/grpc-status:/{print $NF}' | tail -1
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# The service's CPU, and with BACKEND=reviews its database's too: the postmaster, the children it has reaped
# and its live backends (one per connection of the service's pool).
service_ticks() {
  local ticks child
  ticks=$(cpu_ticks "${pid[service]}")
  if [[ -n ${pid[postgres]:-} ]]; then
    ticks=$(( ticks + $(awk '{print $14 + $15 + $16 + $17}' "/proc/${pid[postgres]}/stat") ))
    for child in $(pgrep -P "${pid[postgres]}"); do
      ticks=$(( ticks + $(cpu_ticks "$child" 2>/dev/null || echo 0) ))
    done
  fi
  echo "$ticks"
}

# One h2load run against path $1 for $2 s, its output in $3 and its per-request log in $4 (emptied first: h2load
# appends); the rest are its connection and rate options. Every call carries the bearer token.
h2load_on() {
  local name=$1 seconds=$2 out=$3 logf=$4; shift 4
  rm -f "$logf"
  taskset -c "$LOAD_CPU" h2load -D "$seconds" -t 1 "$@" -d "$work/request.bin" \
    -H 'content-type: application/grpc' -H 'te: trailers' -H "authorization: Bearer $token" \
    --log-file "$logf" "http://127.0.0.1:$(target_port "$name")$METHOD_PATH" > "$out" 2>&1
}

# h2load on one path. $2 seconds, $3 per-client rate ("" = unlimited, CONNECTIONS x STREAMS; else
# LATENCY_CONNECTIONS x LATENCY_STREAMS at that rate each). Prints
# "req/s succeeded failed p50_ms p99_ms service_cpu% gateway_cpu%".
load() {
  local name=$1 seconds=$2 rate=$3 out="$work/h2load.out" logf="$work/requests.log" s0 s1 g0=0 g1=0
  local -a extra=(-c "$CONNECTIONS" -m "$STREAMS")
  [[ -n $rate ]] && extra=(-c "$LATENCY_CONNECTIONS" -m "$LATENCY_STREAMS" --rps "$rate")
  s0=$(service_ticks)
  [[ $name != direct ]] && g0=$(cpu_ticks "${pid[$name]}")
  h2load_on "$name" "$seconds" "$out" "$logf" "${extra[@]}" || die "h2load failed against $name:\n$(cat "$out")"
  s1=$(service_ticks)
  [[ $name != direct ]] && g1=$(cpu_ticks "${pid[$name]}")
  python3 "$here/h2load_result.py" "$out" "$logf" "$s0" "$s1" "$g0" "$g1" "$(getconf CLK_TCK)"
}

warm() {
  local name=$1 previous=0 rps
  for chunk in $(seq 1 "$WARMUP_MAX_CHUNKS"); do
    read -r rps _ <<< "$(load "$name" "$WARMUP_CHUNK" "")"
    log "$name warm-up $chunk: $rps req/s"
    if (( chunk >= WARMUP_MIN_CHUNKS )) && python3 -c "import sys; a,b=map(float,sys.argv[1:]); sys.exit(0 if abs(b-a) <= 0.05*a else 1)" "$previous" "$rps"; then
      return
    fi
    previous=$rps
  done
  log "$name still changing after $((WARMUP_CHUNK * WARMUP_MAX_CHUNKS)) s of warm-up; measuring anyway"
}

log "building BenchServer and the gateway (Release)"
dotnet build -c Release --nologo -v q "$here/BenchServer/BenchServer.csproj" > "$work/build.log" 2>&1 || die "build failed:\n$(tail -40 "$work/build.log")"
dotnet build -c Release --nologo -v q "$repo/src/Gateway/Gateway.csproj" >> "$work/build.log" 2>&1 || die "build failed:\n$(tail -40 "$work/build.log")"
if [[ $BACKEND == reviews ]]; then
  dotnet build -c Release --nologo -v q "$repo/src/Reviews.Api/Reviews.Api.csproj" >> "$work/build.log" 2>&1 || die "build failed:\n$(tail -40 "$work/build.log")"
fi
bench_server="$here/BenchServer/bin/Release/net10.0/BenchServer.dll"
if [[ $BACKEND == reviews ]]; then
  dotnet "$bench_server" request --out "$work/request.bin" --get-party "$PARTY"
else
  dotnet "$bench_server" request --out "$work/request.bin" --request-size "$REQUEST_SIZE" --response-size "$RESPONSE_SIZE"
fi

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
start issuer "$LOAD_CPU" "" dotnet "$bench_server" issuer --issuer "$ISSUER_URL" --token-file "$work/token"
token=$(cat "$work/token")
if [[ $BACKEND == reviews ]]; then
  start_postgres
  start_reviews
else
  start service "$SERVICE_CPU" "" dotnet "$bench_server" backend --mode "$BACKEND" --response-size "$RESPONSE_SIZE"
fi
if [[ " $PATHS " == *" gateway"* ]]; then
  redis_password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
  mkdir -p "$work/redis"
  redis_port=$(free_port)
  start redis "$GATEWAY_CPU" "$redis_port" redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$work/redis" --save '' --appendonly no --requirepass "$redis_password"
fi
[[ " $PATHS " == *" gateway-redis "* ]] && start_gateway gateway-redis Batched
[[ " $PATHS " == *" gateway-rrl "* ]] && start_gateway gateway-rrl RedisRateLimiting
[[ " $PATHS " == *" gateway "* ]] && start_gateway gateway off
[[ " $PATHS " == *" gateway-alt "* ]] && GATEWAY_ENV="${GATEWAY_ENV:-} ${GATEWAY_ALT_ENV:?gateway-alt needs GATEWAY_ALT_ENV, the settings it differs by}" start_gateway gateway-alt off
[[ " $PATHS " == *" nginx "* ]] && start_nginx

for name in $PATHS; do
  status=$(grpc_status "$name" "Bearer $token")
  [[ $status == 0 ]] || die "$name: a call answered grpc-status '$status', expected 0.\n$(tail -20 "$work/$name.log" 2>/dev/null)"
  if [[ $name == gateway* ]]; then
    status=$(grpc_status "$name" "")
    [[ $POLICY == anonymous || $status == 16 ]] || die "$name: a call without a token answered grpc-status '$status', expected 16 (UNAUTHENTICATED)."
  fi
  log "$name checked: grpc-status 0 with the token$([[ $name == gateway* ]] && echo ', 16 (UNAUTHENTICATED) without' || true)"
done

for name in $PATHS; do warm "$name"; done

# What a path costs Redis: scripts run (EVAL/EVALSHA: the rate limits) and redis-server's CPU, per call.
redis_scripts() {
  redis-cli -p "${port[redis]}" --no-auth-warning -a "$redis_password" INFO commandstats \
    | awk -F'[:=,]' '/^cmdstat_eval(sha)?:/{n += $3} END{print n + 0}'
}
redis_cost="$work/redis.tsv"
: > "$redis_cost"

runs="$work/runs.tsv"
: > "$runs"
for round in $(seq 1 "$ROUNDS"); do
  for name in $PATHS; do
    if [[ $name == gateway* ]]; then r0=$(redis_scripts); t0=$(cpu_ticks "${pid[redis]}"); fi
    result=$(load "$name" "$DURATION" "")
    printf 'capacity\t%s\t%s\t%s\n' "$name" "$round" "$result" | tr ' ' '\t' >> "$runs"
    log "capacity round $round $name: $result"
    if [[ $name == gateway* ]]; then
      read -r _ calls _ <<< "$result"
      printf '%s\t%s\t%s\t%s\n' "$name" "$calls" "$(( $(redis_scripts) - r0 ))" "$(( $(cpu_ticks "${pid[redis]}") - t0 ))" >> "$redis_cost"
    fi
  done
done
redis_summary=$(python3 - "$redis_cost" "$(getconf CLK_TCK)" <<'PY'
import sys, statistics
rows = {}
for line in open(sys.argv[1]):
    name, calls, scripts, ticks = line.split()
    rows.setdefault(name, []).append((int(calls), int(scripts), int(ticks)))
tick_us = 1e6 / int(sys.argv[2])
print("; ".join(f"{name}: {statistics.median(s / max(c, 1) for c, s, _ in r):.3f} scripts and "
                f"{statistics.median(t * tick_us / max(c, 1) for c, _, t in r):.1f} us of redis-server CPU per call"
                for name, r in rows.items()))
PY
)
log "Redis per call: $redis_summary"

half=$(python3 "$here/summarize.py" --runs "$runs" --half-rate)
per_client=$(( (half + LATENCY_CONNECTIONS - 1) / LATENCY_CONNECTIONS ))
log "half load: $half req/s offered ($per_client per connection)"
for round in $(seq 1 "$ROUNDS"); do
  for name in $PATHS; do
    result=$(load "$name" "$DURATION" "$per_client")
    printf 'half\t%s\t%s\t%s\n' "$name" "$round" "$result" | tr ' ' '\t' >> "$runs"
    log "half-load round $round $name: $result"
  done
done

# 5. latency at half load, all paths at once: one h2load per path, each offered an equal share of the half-load rate,
#    so the service carries the same total as in step 4 and every path meets the same moment of the machine (its
#    other tenants, the service's garbage collections, PostgreSQL's checkpoints). A path's p99 minus direct's in the
#    same round is then what the hop adds, without the round-to-round drift of the service's own tail (BACKEND=reviews:
#    direct's p99 moved from 9 to 21 ms between rounds of one run), which step 4's difference of medians carries.
together_runs() {
  local round=$1 share=$2 name
  local -a names=($PATHS) waits=()
  for name in "${names[@]}"; do
    h2load_on "$name" "$DURATION" "$work/together-$name.out" "$work/together-$name.log" \
      -c "$LATENCY_CONNECTIONS" -m "$LATENCY_STREAMS" --rps "$share" &
    waits+=($!)
  done
  for i in "${!names[@]}"; do
    wait "${waits[$i]}" || die "h2load failed against ${names[$i]} (all paths at once):\n$(cat "$work/together-${names[$i]}.out")"
  done
  for name in "${names[@]}"; do
    result=$(python3 "$here/h2load_result.py" "$work/together-$name.out" "$work/together-$name.log" 0 0 0 0 "$(getconf CLK_TCK)")
    printf 'together\t%s\t%s\t%s\n' "$name" "$round" "$result" | tr ' ' '\t' >> "$runs"
    log "all-at-once round $round $name: $result"
  done
}
if [[ ${TOGETHER:-1} == 1 ]]; then
  read -r -a together_paths <<< "$PATHS"
  share=$(( (half + ${#together_paths[@]} * LATENCY_CONNECTIONS - 1) / (${#together_paths[@]} * LATENCY_CONNECTIONS) ))
  log "half load, all paths at once: $share req/s per path and connection"
  for round in $(seq 1 "$ROUNDS"); do together_runs "$round" "$share"; done
fi

revocation_cost=$(taskset -c "$GATEWAY_CPU" dotnet "$bench_server" revocation-cost --calls 2000000 --claims "$here/claims" | awk '/round 3/' | sed 's/ (.*//' | paste -sd ';' | sed 's/;/; /g')
log "revocation check: $revocation_cost"

case $BACKEND in
  grpc) service_text="Grpc.AspNetCore, TestService/UnaryCall" ;;
  raw) service_text="Kestrel, precomputed framed reply" ;;
  reviews) service_text="src/Reviews.Api, ReviewsService/GetParty: JwtBearer validation in the service, then EF Core reading the party from PostgreSQL $(cat "$work/pg_version" 2>/dev/null), which runs on the same CPU and counts in the service's CPU" ;;
esac
if [[ $BACKEND == reviews ]]; then
  message_text="GetPartyRequest for $PARTY, answered with the Party (its instruments, dates and sources)"
else
  message_text="SimpleRequest with a ${REQUEST_SIZE}-byte payload, SimpleResponse with ${RESPONSE_SIZE} bytes"
fi
python3 "$here/summarize.py" --runs "$runs" --out "$RESULTS" \
  --setting "service: $BACKEND ($service_text), pinned to CPU $SERVICE_CPU" \
  --setting "gateway: src/Gateway (Release): YARP $(ls ~/.nuget/packages/yarp.reverseproxy 2>/dev/null | tail -1), JwtBearer RS256 validation with the token cache, the revocation list (Redis), a scope policy on the route, gen0 budget $gateway_gen0 as the AppHost sets it; gateway-redis adds the batched Redis rate limits, gateway-rrl RedisRateLimiting.AspNetCore's; gateway and redis-server pinned to CPU $GATEWAY_CPU" \
  --setting "Redis per call at full load (capacity rounds, medians): $redis_summary" \
  --setting "revocation check per call (BenchServer revocation-cost, 10,000 revoked ids, 1,000 disabled subjects): $revocation_cost" \
  --setting "nginx: $([[ " $PATHS " == *" nginx "* ]] && "$nginx_bin" -v 2>&1 | sed 's/.*: //' || echo 'not run'), grpc_pass over h2c with a keepalive upstream, 1 worker, no token validation, pinned to CPU $GATEWAY_CPU (a reference proxy: what one HTTP/2 proxy hop costs here)" \
  --setting "h2load: 1 thread, pinned to CPU $LOAD_CPU; every call carries the bearer token" \
  --setting "capacity: ${DURATION}s x ${ROUNDS} rounds at full load ($CONNECTIONS connections x $STREAMS streams); half load: $half req/s offered to every path (half the capacity of the slowest gateway path; $LATENCY_CONNECTIONS connections x up to $LATENCY_STREAMS streams, ${per_client} req/s each), ${DURATION}s x ${ROUNDS} rounds; paths interleaved; medians" \
  --setting "half load, all paths at once: $([[ ${TOGETHER:-1} == 1 ]] && echo "one h2load per path, all pinned to CPU $LOAD_CPU, ${share} req/s each on $LATENCY_CONNECTIONS connections x up to $LATENCY_STREAMS streams (together the half-load rate), ${DURATION}s x ${ROUNDS} rounds" || echo 'not run (TOGETHER=0)')" \
  --setting "message: $message_text" \
  --setting "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)" \
  --setting "versions: .NET $(dotnet --version), $(h2load --version | head -1)"
cat "$RESULTS"
