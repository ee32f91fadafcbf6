#!/usr/bin/env bash
# The README's test command: installs what the tests need on a fresh Debian 12 machine (as root),
# builds the solution and runs every test project. Safe to run again (installs only what is missing).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

log() { printf '\033[1mtest.sh:\033[0m %s\n' "$*"; }

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# Servers the integration and whole-stack tests start as local processes, and the browser for the
# login-flow test. The AppHost would install the servers itself; installing them here keeps test
# timings honest.
missing=()
for pkg in postgresql rabbitmq-server redis-server chromium chromium-driver; do
  installed "$pkg" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    log "missing Debian packages: ${missing[*]}. Run as root, or: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  log "installing ${missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# gRPC peers (grpc-js, grpcio), h2load: the interop tests and benchmarks.
"$repo/eng/install-test-deps.sh"

log "building"
dotnet build Mechanism.sln -nologo -v q -m:2

log "running tests"
dotnet test Mechanism.sln --no-build -nologo --logger "console;verbosity=normal" "$@"
