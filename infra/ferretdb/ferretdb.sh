#!/usr/bin/env bash
# Run a local FerretDB (MongoDB wire protocol) without Docker.
#
# Usage: infra/ferretdb/ferretdb.sh {start|stop|restart|status|logs [-f] [N]|build|env}
#
# Env (defaults):
#   KETNOI_DATA_DIR          <repo>/.data     data, pid file, logs
#   KETNOI_TOOLS_DIR         <repo>/.tools    cached binary: $KETNOI_TOOLS_DIR/ferretdb/<version>/ferretdb
#   FERRETDB_HOST            127.0.0.1
#   FERRETDB_PORT            27017
#   FERRETDB_BACKEND         sqlite | postgresql
#   FERRETDB_POSTGRESQL_URL  (required when FERRETDB_BACKEND=postgresql; passed via env, not argv)
#   FERRETDB_LOG_LEVEL       info (debug|info|warn|error)
#   FERRETDB_START_TIMEOUT   60   seconds to wait for protocol readiness
#   FERRETDB_STOP_TIMEOUT    20   seconds between SIGTERM and SIGKILL
#
# The binary is built from infra/ferretdb/server (a wrapper module around
# github.com/FerretDB/FerretDB/ferretdb, see server/main.go) with the
# committed go.sum, and rebuilt only when sha256(go.mod+go.sum+main.go) changes.
# Readiness is checked with an OP_MSG `hello` (infra/lib/probe-mongo.mjs).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
SERVER_DIR="$SCRIPT_DIR/server"
PROBE="$REPO_ROOT/infra/lib/probe-mongo.mjs"

KETNOI_DATA_DIR="${KETNOI_DATA_DIR:-$REPO_ROOT/.data}"
KETNOI_TOOLS_DIR="${KETNOI_TOOLS_DIR:-$REPO_ROOT/.tools}"
FERRETDB_HOST="${FERRETDB_HOST:-127.0.0.1}"
FERRETDB_PORT="${FERRETDB_PORT:-27017}"
FERRETDB_BACKEND="${FERRETDB_BACKEND:-sqlite}"
FERRETDB_SQLITE_SYNC="${FERRETDB_SQLITE_SYNC:-normal}"
FERRETDB_POSTGRESQL_URL="${FERRETDB_POSTGRESQL_URL:-}"
FERRETDB_LOG_LEVEL="${FERRETDB_LOG_LEVEL:-info}"
FERRETDB_START_TIMEOUT="${FERRETDB_START_TIMEOUT:-60}"
FERRETDB_STOP_TIMEOUT="${FERRETDB_STOP_TIMEOUT:-20}"

# FerretDB version = the one required in the wrapper's go.mod.
FERRETDB_VERSION="$(awk '$1=="require" && $2=="github.com/FerretDB/FerretDB" {print $3} $1=="github.com/FerretDB/FerretDB" {print $2}' "$SERVER_DIR/go.mod" | head -n1)"
[[ -n "$FERRETDB_VERSION" ]] || { echo "ferretdb: cannot read FerretDB version from $SERVER_DIR/go.mod" >&2; exit 1; }

BIN_DIR="$KETNOI_TOOLS_DIR/ferretdb/$FERRETDB_VERSION"
BIN="$BIN_DIR/ferretdb"
STAMP="$BIN_DIR/.build-key"
PATCH_DIR="$SCRIPT_DIR/patches"
STATE_DIR="$KETNOI_DATA_DIR/ferretdb"
SQLITE_DIR="$STATE_DIR/sqlite"
PID_FILE="$STATE_DIR/ferretdb.pid"
LOG_DIR="$KETNOI_DATA_DIR/logs"
LOG_FILE="$LOG_DIR/ferretdb.log"

log() { echo "ferretdb: $*" >&2; }
die() { log "$*"; exit 1; }
now_ms() { date +%s%3N; }
secs() { awk -v ms="$1" 'BEGIN { printf "%.1fs", ms / 1000 }'; }

need() { command -v "$1" >/dev/null 2>&1 || die "'$1' not found on PATH ($2)"; }

build_key() {
  cat "$SERVER_DIR/go.mod" "$SERVER_DIR/go.sum" "$SERVER_DIR/main.go" "$PATCH_DIR"/*.patch | sha256sum | cut -d' ' -f1
}

# FerretDB's module source from the Go module proxy (hash-checked against the
# wrapper's go.sum), copied to $1/ferretdb with our patches applied, and the
# wrapper copied to $1/server with its FerretDB replaced by that copy.
prepare_patched_source() {
  local work="$1" mod_dir patch
  mod_dir="$(cd "$SERVER_DIR" && go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" \
    | awk -F'"' '$2 == "Dir" { print $4 }')"
  [[ -n "$mod_dir" && -d "$mod_dir" ]] || die "go mod download github.com/FerretDB/FerretDB@$FERRETDB_VERSION failed"
  mkdir -p "$work/server"
  cp -R "$mod_dir" "$work/ferretdb"
  chmod -R u+w "$work/ferretdb"
  for patch in "$PATCH_DIR"/*.patch; do
    # Outside any repository (the ceiling), git apply works as a stricter patch(1).
    ( cd "$work/ferretdb" && GIT_CEILING_DIRECTORIES="$work" git apply --whitespace=nowarn "$patch" ) \
      || die "patch $(basename "$patch") does not apply to FerretDB $FERRETDB_VERSION"
  done
  cp "$SERVER_DIR/go.mod" "$SERVER_DIR/go.sum" "$SERVER_DIR/main.go" "$work/server/"
  ( cd "$work/server" && go mod edit -replace "github.com/FerretDB/FerretDB=../ferretdb" )
}

# Build the binary if missing or stale. Prints nothing on a cache hit.
ensure_binary() {
  local key; key="$(build_key)"
  if [[ -x "$BIN" && -f "$STAMP" && "$(cat "$STAMP")" == "$key" ]]; then
    return 0
  fi
  need go "Go >= 1.24 is required to build FerretDB $FERRETDB_VERSION"
  need git "git applies our patches to FerretDB (infra/ferretdb/patches)"
  mkdir -p "$BIN_DIR"
  # Serialize concurrent builds.
  exec 9>"$BIN_DIR/.lock"
  if command -v flock >/dev/null 2>&1; then flock 9; fi
  if [[ -x "$BIN" && -f "$STAMP" && "$(cat "$STAMP")" == "$key" ]]; then
    exec 9>&-; return 0
  fi
  local t0; t0="$(now_ms)"
  log "building FerretDB $FERRETDB_VERSION -> $BIN (first time: ~1-2 min)"
  local tmp="$BIN.tmp.$$" work="$BIN_DIR/build.$$"
  rm -rf "$work"
  prepare_patched_source "$work"
  # CGO_ENABLED=0: SQLite is modernc.org/sqlite (pure Go), no C toolchain needed.
  # -mod=readonly + committed go.sum: every module is hash-checked against go.sum,
  # so sum.golang.org is never contacted.
  if ! ( cd "$work/server" && CGO_ENABLED=0 GOFLAGS="${GOFLAGS:-} -mod=readonly" \
          go build -trimpath -o "$tmp" . ); then
    rm -f "$tmp"; rm -rf "$work"; exec 9>&-
    die "go build failed"
  fi
  rm -rf "$work"
  mv -f "$tmp" "$BIN"
  echo "$key" >"$STAMP"
  exec 9>&-
  log "built in $(secs $(( $(now_ms) - t0 )))"
}

read_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid; pid="$(tr -dc '0-9' <"$PID_FILE")"
  [[ -n "$pid" ]] || return 1
  echo "$pid"
}

# True if $1 is a live (non-zombie) process. An exited server can linger as a
# zombie until its new parent (pid 1 after setsid) reaps it; that counts as dead.
alive() {
  local pid="$1" state
  kill -0 "$pid" 2>/dev/null || return 1
  state="$(awk '{ sub(/^.*\) /, ""); print $1 }' "/proc/$pid/stat" 2>/dev/null || true)"
  [[ -n "$state" && "$state" != "Z" && "$state" != "X" ]]
}

# True if $1 is a live process that is our FerretDB binary.
is_ours() {
  local pid="$1"
  alive "$pid" || return 1
  [[ "$(cat "/proc/$pid/comm" 2>/dev/null || true)" == "ferretdb" ]]
}

running_pid() {
  local pid
  pid="$(read_pid)" || return 1
  if is_ours "$pid"; then echo "$pid"; return 0; fi
  return 1
}

# Value of flag $2 (e.g. --listen-addr) in the command line of pid $1.
proc_arg() {
  tr '\0' '\n' <"/proc/$1/cmdline" 2>/dev/null | awk -v f="$2" 'prev == f { print; exit } { prev = $0 }'
}

# probe [timeout_ms] [addr] [--verbose]: OP_MSG `ping` must answer ok:1.
# `ping` (unlike `hello`) goes through the backend (FerretDB calls its Status),
# so a PostgreSQL backend that cannot be reached is reported as not ready.
probe() {
  local timeout="${1:-1000}" addr="${2:-$FERRETDB_HOST:$FERRETDB_PORT}" quiet=--quiet
  [[ "${3:-}" == --verbose ]] && quiet=
  need node "Node.js is required for the readiness probe"
  node "$PROBE" "$addr" --command ping --timeout "$timeout" $quiet
}

tail_log() {
  [[ -f "$LOG_FILE" ]] || return 0
  log "last log lines ($LOG_FILE):"
  # Only lines from the latest start marker on.
  awk '/^=== ferretdb.sh start /{buf=""} {buf = buf $0 "\n"} END {printf "%s", buf}' "$LOG_FILE" \
    | tail -n 25 | cut -c1-400 >&2
}

wait_ready() {
  local pid="$1" deadline=$(( $(now_ms) + FERRETDB_START_TIMEOUT * 1000 ))
  while :; do
    if ! alive "$pid"; then
      rm -f "$PID_FILE"
      tail_log
      die "process $pid exited before becoming ready"
    fi
    if probe 1000; then return 0; fi
    if (( $(now_ms) >= deadline )); then
      probe 1000 "" --verbose || true
      tail_log
      log "not ready after ${FERRETDB_START_TIMEOUT}s; stopping pid $pid"
      do_stop >/dev/null 2>&1 || true
      die "start timed out"
    fi
    sleep 0.2
  done
}

do_start() {
  local t0; t0="$(now_ms)"
  need node "Node.js is required for the readiness probe"
  local pid
  if pid="$(running_pid)"; then
    local addr; addr="$(proc_arg "$pid" --listen-addr)"
    if [[ "$addr" != "$FERRETDB_HOST:$FERRETDB_PORT" ]]; then
      die "already running (pid $pid) on $addr, not $FERRETDB_HOST:$FERRETDB_PORT; run stop first"
    fi
    wait_ready "$pid"
    echo "FerretDB already running (pid $pid) on $addr (backend $(proc_arg "$pid" --handler))"
    return 0
  fi
  rm -f "$PID_FILE"
  if probe 500; then
    die "$FERRETDB_HOST:$FERRETDB_PORT already answers the MongoDB protocol but is not ours (no live pid in $PID_FILE); refusing to start"
  fi

  local args=(--listen-addr "$FERRETDB_HOST:$FERRETDB_PORT" --log-level "$FERRETDB_LOG_LEVEL")
  case "$FERRETDB_BACKEND" in
    sqlite)
      mkdir -p "$SQLITE_DIR"
      # WAL with synchronous=normal: a commit survives a crash of FerretDB or of KetNoi,
      # and only an OS crash or power cut may lose the last moments (SQLite's own
      # guidance for WAL). It makes each write several times cheaper on this disk.
      args+=(--handler sqlite --sqlite-url "file:$SQLITE_DIR/?_pragma=synchronous($FERRETDB_SQLITE_SYNC)")
      ;;
    postgresql)
      [[ -n "$FERRETDB_POSTGRESQL_URL" ]] || die "FERRETDB_POSTGRESQL_URL is required when FERRETDB_BACKEND=postgresql"
      args+=(--handler postgresql)
      ;;
    *) die "FERRETDB_BACKEND must be sqlite or postgresql (got '$FERRETDB_BACKEND')" ;;
  esac

  ensure_binary
  mkdir -p "$STATE_DIR" "$LOG_DIR"
  echo "=== ferretdb.sh start $(date -u +%Y-%m-%dT%H:%M:%SZ) backend=$FERRETDB_BACKEND addr=$FERRETDB_HOST:$FERRETDB_PORT" >>"$LOG_FILE"

  # New session (no controlling terminal, own process group); the inner shell
  # records its own pid and then execs the server, so the pid file is exact.
  # shellcheck disable=SC2016 # $$/$0/$@ are for the inner shell
  FERRETDB_POSTGRESQL_URL="$FERRETDB_POSTGRESQL_URL" \
    setsid nohup bash -c 'echo $$ >"$0"; exec "$@"' "$PID_FILE" "$BIN" "${args[@]}" \
      >>"$LOG_FILE" 2>&1 </dev/null &
  local launcher=$!

  # Wait for the pid file (written before exec).
  local _
  for _ in $(seq 1 50); do
    [[ -s "$PID_FILE" ]] && break
    kill -0 "$launcher" 2>/dev/null || break
    sleep 0.1
  done
  pid="$(read_pid)" || { tail_log; die "server did not start (no pid file)"; }

  wait_ready "$pid"
  echo "FerretDB $FERRETDB_VERSION ready on mongodb://$FERRETDB_HOST:$FERRETDB_PORT/ (pid $pid, backend $FERRETDB_BACKEND) in $(secs $(( $(now_ms) - t0 )))"
}

do_stop() {
  local pid
  if ! pid="$(read_pid)"; then
    echo "FerretDB not running (no pid file)"
    return 0
  fi
  if ! is_ours "$pid"; then
    rm -f "$PID_FILE"
    echo "FerretDB not running (stale pid file removed)"
    return 0
  fi
  local t0; t0="$(now_ms)"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$(( t0 + FERRETDB_STOP_TIMEOUT * 1000 ))
  while alive "$pid"; do
    if (( $(now_ms) >= deadline )); then
      log "pid $pid still alive after ${FERRETDB_STOP_TIMEOUT}s; sending SIGKILL"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
      sleep 0.2
      break
    fi
    sleep 0.1
  done
  if alive "$pid"; then
    die "pid $pid could not be stopped"
  fi
  rm -f "$PID_FILE"
  echo "FerretDB stopped (pid $pid) in $(secs $(( $(now_ms) - t0 )))"
}

do_status() {
  local pid
  if pid="$(running_pid)"; then
    local addr backend
    addr="$(proc_arg "$pid" --listen-addr)"; backend="$(proc_arg "$pid" --handler)"
    if probe 1000 "$addr"; then
      echo "ready: FerretDB $FERRETDB_VERSION pid $pid on mongodb://$addr/ (backend $backend)"
      return 0
    fi
    echo "running (not ready): pid $pid on $addr (backend $backend)"
    return 1
  fi
  echo "stopped"
  return 3
}

do_logs() {
  local follow=0 n=100 a
  for a in "$@"; do
    case "$a" in
      -f|--follow) follow=1 ;;
      *[!0-9]*|'') die "usage: ferretdb.sh logs [-f] [N]" ;;
      *) n="$a" ;;
    esac
  done
  [[ -f "$LOG_FILE" ]] || die "no log file yet ($LOG_FILE)"
  if (( follow )); then exec tail -n "$n" -F "$LOG_FILE"; fi
  tail -n "$n" "$LOG_FILE"
}

cmd="${1:-}"
[[ $# -gt 0 ]] && shift
case "$cmd" in
  start)   do_start ;;
  stop)    do_stop ;;
  restart) do_stop; do_start ;;
  status)  do_status ;;
  logs)    do_logs "$@" ;;
  build)   ensure_binary; echo "$BIN" ;;
  env)
    echo "MONGODB_URI=mongodb://$FERRETDB_HOST:$FERRETDB_PORT/"
    echo "FERRETDB_BIN=$BIN"
    echo "FERRETDB_DATA=$STATE_DIR"
    echo "FERRETDB_LOG=$LOG_FILE"
    ;;
  *)
    echo "usage: $0 {start|stop|restart|status|logs [-f] [N]|build|env}" >&2
    exit 2
    ;;
esac
