#!/usr/bin/env bash
# Installs what the tests and benchmarks need besides the .NET SDK, on Debian 12, as root:
#   - postgresql, rabbitmq-server, redis-server: the servers integration and whole-stack tests start as local
#     processes (the AppHost would install them itself; installing them here keeps test timings honest);
#   - chromium, chromium-driver: the browser of the login-flow, engagement and reporting charts tests;
#   - python3-grpcio, python3-grpc-tools, python3-protobuf: the grpcio partner client of tests/Interop.Tests
#     (run with /usr/bin/python3) and bench/grpc-unary's grpcio server;
#   - nodejs + npm and tests/interop-node's packages (@grpc/grpc-js, @grpc/proto-loader) from its committed
#     package-lock.json;
#   - tests/oidc-node's package (openid-client 6, the standard OIDC client of the identity interop test),
#     likewise from its committed package-lock.json;
#   - nghttp2-client (h2load), util-linux (taskset: bench/grpc-unary; script: the AppHost's Ctrl+C test) and curl;
#   - the dotnet tools pinned in .config/dotnet-tools.json (smtp4dev, the AppHost's local mail server).
# Idempotent: installs only what is missing and reinstalls the npm packages only when
# package-lock.json changed. Safe to run before every test run.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
node_dir="$repo/tests/interop-node"
oidc_node_dir="$repo/tests/oidc-node"

log() { printf 'install-test-deps: %s\n' "$*"; }

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

missing=()
for pkg in postgresql rabbitmq-server redis-server chromium chromium-driver \
           python3-grpcio python3-grpc-tools python3-protobuf nghttp2-client util-linux curl; do
  installed "$pkg" || missing+=("$pkg")
done
# Node may come from another source than Debian (e.g. NodeSource's nodejs ships npm itself):
# ask apt only for the commands that are absent.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    log "missing Debian packages: ${missing[*]}; run this script as root (apt-get install)." >&2
    exit 1
  fi
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  log "Debian packages present"
fi

# npm packages for the grpc-js driver and servers, and for the openid-client driver, exactly as locked.
for dir in "$node_dir" "$oidc_node_dir"; do
  stamp="$dir/node_modules/.installed-from-lock"
  lock_hash="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$lock_hash" ]]; then
    log "npm packages in ${dir#"$repo"/} up to date"
  else
    log "npm ci in ${dir#"$repo"/}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$lock_hash" > "$stamp"
  fi
done

# The repository's dotnet tools (smtp4dev), exactly as pinned.
log "dotnet tool restore"
(cd "$repo" && dotnet tool restore >/dev/null)

# Check that every tool answers, so a broken install fails here rather than in a test.
/usr/bin/python3 -c 'import grpc, grpc_tools.protoc, google.protobuf' \
  || { log "/usr/bin/python3 cannot import grpc, grpc_tools and google.protobuf" >&2; exit 1; }
(cd "$node_dir" && node -e "require('@grpc/grpc-js'); require('@grpc/proto-loader'); require('protobufjs/ext/descriptor')") \
  || { log "node cannot load the packages of tests/interop-node" >&2; exit 1; }
(cd "$oidc_node_dir" && node --input-type=module -e "await import('openid-client')") \
  || { log "node cannot load openid-client in tests/oidc-node" >&2; exit 1; }
command -v h2load >/dev/null && command -v taskset >/dev/null \
  || { log "h2load or taskset missing after install" >&2; exit 1; }
log "ready: python3-grpcio $(/usr/bin/python3 -c 'import grpc; print(grpc.__version__)'), node $(node --version), $(h2load --version | head -1)"
