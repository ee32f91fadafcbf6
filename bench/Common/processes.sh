# The bench run scripts' processes, sourced after they set `work` (a temporary folder, deleted at exit) and define
# log() and die(): each started process is pinned to a CPU, logs to $work/<name>.log and is stopped at exit;
# its pid and port are kept in pid[<name>] and port[<name>]. A script that makes other temporary folders names one
# in pg_dir (also deleted at exit).
#
#   source "$repo/bench/Common/processes.sh"
#   start postgres "$SERVICE_CPU" "$pg_port" postgres -D ...   (waits until the port accepts)
#   start issuer "$LOAD_CPU" "" dotnet bench.dll issuer ...     (waits for a "LISTENING <port>" line)
#   spawn service "$SERVICE_CPU" dotnet ...; wait_port "$p" service  (start now, wait later)
#   START_TIMEOUT_S=120 (how long start and wait_port wait)

declare -A pid port
pg_dir=${pg_dir:-}

cleanup() {
  for name in "${!pid[@]}"; do kill "${pid[$name]}" 2>/dev/null || true; done
  for name in "${!pid[@]}"; do wait "${pid[$name]}" 2>/dev/null || true; done
  rm -rf "$work"
  [[ -z $pg_dir ]] || rm -rf "$pg_dir"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# Starts a process pinned to a CPU without waiting for it.
spawn() {
  local name=$1 cpu=$2; shift 2
  taskset -c "$cpu" "$@" > "$work/$name.log" 2>&1 &
  pid[$name]=$!
}

# Waits until 127.0.0.1:PORT accepts a connection; dies when the process NAME exits first or the time runs out.
wait_port() {
  local p=$1 name=$2 tries=$(( ${START_TIMEOUT_S:-120} * 5 ))
  for _ in $(seq 1 "$tries"); do
    python3 -c "import socket,sys; socket.create_connection(('127.0.0.1',int(sys.argv[1])),0.2)" "$p" 2>/dev/null && return 0
    kill -0 "${pid[$name]}" 2>/dev/null || die "$name exited:\n$(tail -50 "$work/$name.log")"
    sleep 0.2
  done
  die "$name did not listen on $p within ${START_TIMEOUT_S:-120} s:\n$(tail -50 "$work/$name.log")"
}

# Starts a process pinned to a CPU; waits until KNOWN_PORT accepts, or (KNOWN_PORT empty) for its "LISTENING <port>" line.
start() {
  local name=$1 cpu=$2 known_port=$3; shift 3
  spawn "$name" "$cpu" "$@"
  if [[ -n $known_port ]]; then
    wait_port "$known_port" "$name"
    port[$name]=$known_port
  else
    local tries=$(( ${START_TIMEOUT_S:-120} * 5 ))
    for _ in $(seq 1 "$tries"); do
      grep -q '^LISTENING ' "$work/$name.log" && break
      kill -0 "${pid[$name]}" 2>/dev/null || die "$name exited during start-up:\n$(tail -50 "$work/$name.log")"
      sleep 0.2
    done
    grep -q '^LISTENING ' "$work/$name.log" || die "$name did not start within ${START_TIMEOUT_S:-120} s:\n$(tail -50 "$work/$name.log")"
    port[$name]=$(awk '/^LISTENING /{print $2; exit}' "$work/$name.log")
  fi
  log "$name on port ${port[$name]} (pid ${pid[$name]}, CPU $cpu)"
}
