#!/usr/bin/env bash
# The README's test command: installs what the tests need on a fresh Debian 12 machine (as root),
# builds the solution and runs every test project. Safe to run again (installs only what is missing).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

log() { printf '\033[1mtest.sh:\033[0m %s\n' "$*"; }

# Servers, browser, gRPC peers (grpc-js, grpcio), h2load: see the script.
"$repo/eng/install-test-deps.sh"

log "building"
dotnet build Mechanism.sln -nologo -v q -m:2

log "running tests"
dotnet test Mechanism.sln --no-build -nologo --logger "console;verbosity=normal" "$@"
