#!/usr/bin/env bash
# The README's test command: installs what the tests need on a fresh Debian 12 machine (as root),
# builds the solution and runs every test project. Safe to run again (installs only what is missing).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

log() { printf '\033[1mtest.sh:\033[0m %s\n' "$*"; }

# Servers, browser, gRPC peers (grpc-js, grpcio), h2load: see the script.
"$repo/eng/install-test-deps.sh"

# Every .NET process of this command (compiler, MSBuild, test hosts, services) lives minutes: the JIT settings the
# Debug builds carry (Directory.Build.targets) for all of them. A clean build took 131 s instead of 159 s here (when
# each project still had its own compiler process).
export DOTNET_TieredPGO=0 DOTNET_TC_CallCountThreshold=1000
# W^X off for these processes only: with it on, every method the JIT compiles is written through a second mapping,
# and the remapping (page-table updates, TLB flushes) was part of the kernel time of a test that starts services
# (perf, October 2023 end-to-end test). Interop.Tests alone used 108 CPU-s against 119 with it on (two runs
# each). The stack that `dotnet run` starts and anything deployed keep the runtime's default (on).
export DOTNET_EnableWriteXorExecute=0

log "building"
# With the compiler server (VBCSCompiler): one warm Roslyn compiles every project, instead of a new compiler process
# per project that loads and JIT-compiles Roslyn again. Machines may turn it off in their environment
# (UseSharedCompilation=false here); a clean build took 71 s with it, 171 s without (130 CPU-s against 283). It is
# stopped after the build, failed or not, so nothing of the build outlives it.
built=0
dotnet build Mechanism.sln -nologo -v q -m:2 -p:UseSharedCompilation=true || built=$?
dotnet build-server shutdown --vbcscompiler > /dev/null || true
[ "$built" -eq 0 ] || exit "$built"

log "running tests"
# Two test projects at a time (one per core), taken in the order Mechanism.sln lists them: longest first, so that
# neither lane is left with a long project while the other has finished (a new test project can go anywhere).
dotnet test Mechanism.sln --no-build -nologo --logger "console;verbosity=normal" "$@"
