#!/usr/bin/env bash
# A local PostgreSQL server for FerretDB's postgresql backend, without Docker.
#
# Usage: infra/postgres/postgres.sh {start|stop|restart|status|ready|logs [N]|env}
#
# Env (defaults):
#   KETNOI_DATA_DIR     <repo>/.data   cluster in postgres/data, sockets in postgres/run, log in logs/postgres.log
#   PG_STATE_DIR        (derived)      where the cluster lives; when user postgres cannot reach KETNOI_DATA_DIR, /var/tmp/ketnoi-postgres-<hash>
#   PG_HOST             127.0.0.1      the only address it listens on
#   PG_PORT             5433           (not 5432, so a system PostgreSQL can keep its port)
#   PG_DATABASE         ferretdb       created at start when missing; FerretDB keeps every MongoDB database in it
#   PG_SHARED_BUFFERS   256MB
#   PG_MAX_CONNECTIONS  200
#   PG_DURABILITY       normal         normal | safe | unsafe (see infra/ferretdb/README.md)
#   PG_BIN_DIR          newest /usr/lib/postgresql/*/bin, else pg_ctl's folder on PATH
#   PG_START_TIMEOUT    60             seconds
#   PG_LOG_MIN_DURATION_MS -1          log every statement slower than this (ms) to the log; -1 off, 0 all
#
# When no PostgreSQL is installed and we are root, it installs Debian's
# `postgresql` package (without creating or starting the distribution's own
# cluster). As root the server runs as the unprivileged `postgres` user
# (created if absent), as PostgreSQL refuses to run as root; otherwise as the
# current user. Authentication is `trust` on the loopback address only: this
# is a development and CI server holding throwaway data.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"

KETNOI_DATA_DIR="${KETNOI_DATA_DIR:-$REPO_ROOT/.data}"
PG_HOST="${PG_HOST:-127.0.0.1}"
PG_PORT="${PG_PORT:-5433}"
PG_DATABASE="${PG_DATABASE:-ferretdb}"
PG_SHARED_BUFFERS="${PG_SHARED_BUFFERS:-256MB}"
PG_MAX_CONNECTIONS="${PG_MAX_CONNECTIONS:-200}"
PG_DURABILITY="${PG_DURABILITY:-normal}"
PG_START_TIMEOUT="${PG_START_TIMEOUT:-60}"
PG_LOG_MIN_DURATION_MS="${PG_LOG_MIN_DURATION_MS:--1}"

# Whether every existing folder on the way to $1 lets other users through:
# the server runs as user postgres, which must reach its cluster and log.
searchable_by_others() {
  local dir="$1" perm
  while [[ -n "$dir" && "$dir" != / ]]; do
    if [[ -d "$dir" ]]; then
      perm="$(stat -c %a "$dir")"
      (( ${perm: -1} & 1 )) || return 1
    fi
    dir="$(dirname "$dir")"
  done
}

# Under a data folder user postgres cannot reach (a checkout inside /root,
# say), the cluster lives in /var/tmp instead, at a path fixed by the data
# folder's, so every later call finds it again. PG_STATE_DIR overrides both.
if [[ -n "${PG_STATE_DIR:-}" ]]; then
  STATE_DIR="$PG_STATE_DIR"
elif [[ "$(id -u)" != 0 ]] || searchable_by_others "$KETNOI_DATA_DIR"; then
  STATE_DIR="$KETNOI_DATA_DIR/postgres"
else
  STATE_DIR="/var/tmp/ketnoi-postgres-$(printf %s "$KETNOI_DATA_DIR" | sha1sum | cut -c1-12)"
fi
PG_DATA="$STATE_DIR/data"
RUN_DIR="$STATE_DIR/run"
if [[ "$STATE_DIR" == "$KETNOI_DATA_DIR/postgres" ]]; then LOG_DIR="$KETNOI_DATA_DIR/logs"; else LOG_DIR="$STATE_DIR"; fi
LOG_FILE="$LOG_DIR/postgres.log"

log() { echo "postgres: $*" >&2; }
die() { log "$*"; exit 1; }
now_ms() { date +%s%3N; }
secs() { awk -v ms="$1" 'BEGIN { printf "%.1fs", ms / 1000 }'; }

find_bin_dir() {
  if [[ -n "${PG_BIN_DIR:-}" ]]; then echo "$PG_BIN_DIR"; return 0; fi
  local dir
  dir="$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n1)"
  if [[ -n "$dir" && -x "$dir/pg_ctl" ]]; then echo "$dir"; return 0; fi
  if command -v pg_ctl >/dev/null 2>&1; then dirname "$(command -v pg_ctl)"; return 0; fi
  return 1
}

# Debian/Ubuntu: install the server package, but not the distribution's own
# cluster on 5432 (create_main_cluster = false), which we would not use.
install_postgres() {
  [[ "$(id -u)" == 0 ]] || die "PostgreSQL is not installed; install it (Debian: apt-get install postgresql) or set PG_BIN_DIR"
  command -v apt-get >/dev/null 2>&1 || die "PostgreSQL is not installed and apt-get is not available; install PostgreSQL or set PG_BIN_DIR"
  local t0; t0="$(now_ms)"
  log "installing PostgreSQL from apt (first time only)"
  mkdir -p /etc/postgresql-common
  [[ -f /etc/postgresql-common/createcluster.conf ]] || echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.conf
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine has empty package lists: update only when the package is unknown.
  if ! apt-cache show postgresql >/dev/null 2>&1; then apt-get update -qq >/dev/null; fi
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  log "installed in $(secs $(( $(now_ms) - t0 )))"
}

BIN_DIR="$(find_bin_dir || true)"

ensure_installed() {
  if [[ -z "$BIN_DIR" ]]; then
    install_postgres
    BIN_DIR="$(find_bin_dir)" || die "PostgreSQL installed but pg_ctl not found"
  fi
}

# Runs a PostgreSQL program as the user that owns the cluster.
as_owner() {
  if [[ "$(id -u)" == 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

ensure_owner() {
  [[ "$(id -u)" == 0 ]] || return 0
  if ! id -u postgres >/dev/null 2>&1; then
    log "creating system user postgres"
    useradd --system --home-dir /var/lib/postgresql --shell /usr/sbin/nologin postgres
  fi
}

settings() {
  local fsync=on sync_commit=on full_page_writes=on
  case "$PG_DURABILITY" in
    safe) ;;
    # A crash (of PostgreSQL or of the OS) may lose the last ~0.6 s of commits, never corrupts.
    normal) sync_commit=off ;;
    # Throwaway data (CI): an OS crash or power cut may corrupt the cluster.
    unsafe) fsync=off; sync_commit=off; full_page_writes=off ;;
    *) die "PG_DURABILITY must be safe, normal or unsafe (got '$PG_DURABILITY')" ;;
  esac
  cat <<CONF
# Written by infra/postgres/postgres.sh at each start; edits are overwritten.
listen_addresses = '$PG_HOST'
port = $PG_PORT
unix_socket_directories = '$RUN_DIR'
unix_socket_permissions = 0700
max_connections = $PG_MAX_CONNECTIONS
shared_buffers = '$PG_SHARED_BUFFERS'
fsync = $fsync
synchronous_commit = $sync_commit
full_page_writes = $full_page_writes
wal_level = minimal
max_wal_senders = 0
max_wal_size = '2GB'
checkpoint_timeout = '15min'
logging_collector = off
log_min_messages = warning
log_min_duration_statement = $PG_LOG_MIN_DURATION_MS
CONF
}

init_cluster() {
  ensure_owner
  mkdir -p "$STATE_DIR" "$RUN_DIR" "$LOG_DIR"
  touch "$LOG_FILE"
  if [[ "$(id -u)" == 0 ]]; then
    chown postgres: "$STATE_DIR" "$RUN_DIR" "$LOG_FILE"
    as_owner test -x "$STATE_DIR" || die "user postgres cannot reach $STATE_DIR (a parent folder is not searchable); set PG_STATE_DIR"
  fi
  if [[ ! -s "$PG_DATA/PG_VERSION" ]]; then
    local t0; t0="$(now_ms)"
    as_owner "$BIN_DIR/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-instructions >>"$LOG_FILE" 2>&1 \
      || { tail -n 20 "$LOG_FILE" >&2; die "initdb failed"; }
    # Loopback TCP only (no Unix-socket logins by other local users).
    printf 'host all all 127.0.0.1/32 trust\nlocal all postgres trust\n' | as_owner tee "$PG_DATA/pg_hba.conf" >/dev/null
    grep -q "^include_if_exists = 'ketnoi.conf'" "$PG_DATA/postgresql.conf" \
      || echo "include_if_exists = 'ketnoi.conf'" | as_owner tee -a "$PG_DATA/postgresql.conf" >/dev/null
    log "initialised $PG_DATA in $(secs $(( $(now_ms) - t0 )))"
  fi
  settings | as_owner tee "$PG_DATA/ketnoi.conf" >/dev/null
}

running() {
  [[ -n "$BIN_DIR" && -s "$PG_DATA/postmaster.pid" ]] || return 1
  as_owner "$BIN_DIR/pg_ctl" status -D "$PG_DATA" >/dev/null 2>&1
}

pid() { head -n1 "$PG_DATA/postmaster.pid" 2>/dev/null | tr -dc '0-9'; }
# The port the running cluster listens on (4th line of postmaster.pid).
running_port() { sed -n 4p "$PG_DATA/postmaster.pid" 2>/dev/null | tr -dc '0-9'; }

ready() {
  "$BIN_DIR/pg_isready" -q -h "$PG_HOST" -p "$PG_PORT" -d postgres -U postgres -t 1
}

psql_() { "$BIN_DIR/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U postgres "$@"; }

ensure_database() {
  if [[ "$(psql_ -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE'")" != 1 ]]; then
    psql_ -d postgres -c "CREATE DATABASE \"$PG_DATABASE\"" >/dev/null
  fi
}

do_start() {
  local t0; t0="$(now_ms)"
  ensure_installed
  if running; then
    [[ "$(running_port)" == "$PG_PORT" ]] || die "already running (pid $(pid)) on port $(running_port), not $PG_PORT; run stop first"
    ready || die "running (pid $(pid)) but not answering on $PG_HOST:$PG_PORT; run stop first"
    ensure_database
    echo "PostgreSQL already running (pid $(pid)) on $PG_HOST:$PG_PORT"
    return 0
  fi
  if ready 2>/dev/null; then
    die "$PG_HOST:$PG_PORT already answers as PostgreSQL but is not ours ($PG_DATA); refusing to start"
  fi
  init_cluster
  echo "=== postgres.sh start $(date -u +%Y-%m-%dT%H:%M:%SZ) port=$PG_PORT durability=$PG_DURABILITY" >>"$LOG_FILE"
  as_owner "$BIN_DIR/pg_ctl" start -D "$PG_DATA" -l "$LOG_FILE" -w -t "$PG_START_TIMEOUT" -s \
    || { tail -n 20 "$LOG_FILE" >&2; die "start failed"; }
  local deadline=$(( $(now_ms) + PG_START_TIMEOUT * 1000 ))
  until ready; do
    (( $(now_ms) < deadline )) || { tail -n 20 "$LOG_FILE" >&2; die "not ready after ${PG_START_TIMEOUT}s"; }
    sleep 0.2
  done
  ensure_database
  echo "PostgreSQL $("$BIN_DIR/postgres" --version | awk '{print $3}') ready on $PG_HOST:$PG_PORT (pid $(pid), database $PG_DATABASE, durability $PG_DURABILITY) in $(secs $(( $(now_ms) - t0 )))"
}

do_stop() {
  if ! running; then
    echo "PostgreSQL not running"
    return 0
  fi
  local t0 p; t0="$(now_ms)"; p="$(pid)"
  as_owner "$BIN_DIR/pg_ctl" stop -D "$PG_DATA" -m fast -w -t 30 -s \
    || as_owner "$BIN_DIR/pg_ctl" stop -D "$PG_DATA" -m immediate -w -t 10 -s \
    || die "pid $p could not be stopped"
  echo "PostgreSQL stopped (pid $p) in $(secs $(( $(now_ms) - t0 )))"
}

do_status() {
  if running; then
    if [[ "$(running_port)" == "$PG_PORT" ]] && ready; then
      echo "ready: PostgreSQL pid $(pid) on $PG_HOST:$PG_PORT (data $PG_DATA)"
      return 0
    fi
    echo "running (not ready on $PG_PORT): PostgreSQL pid $(pid) on port $(running_port)"
    return 1
  fi
  echo "stopped"
  return 3
}

cmd="${1:-}"
[[ $# -gt 0 ]] && shift
case "$cmd" in
  start) do_start ;;
  stop) do_stop ;;
  restart) do_stop; do_start ;;
  status) do_status ;;
  ready) [[ -n "$BIN_DIR" ]] && ready ;;
  logs) [[ -f "$LOG_FILE" ]] || die "no log file yet ($LOG_FILE)"; tail -n "${1:-100}" "$LOG_FILE" ;;
  env) echo "FERRETDB_POSTGRESQL_URL=postgres://postgres@$PG_HOST:$PG_PORT/$PG_DATABASE" ;;
  *)
    echo "usage: $0 {start|stop|restart|status|ready|logs [N]|env}" >&2
    exit 2
    ;;
esac
