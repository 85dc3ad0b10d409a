#!/usr/bin/env bash
# Brings the local infrastructure up or down: Apache Kafka (KRaft, one node)
# and FerretDB (MongoDB wire protocol), and with FERRETDB_BACKEND=postgresql
# the PostgreSQL server FerretDB stores into. Usage: infra.sh up|down|status
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=infra/env.sh
source "$DIR/env.sh"

# PostgreSQL is part of the infrastructure only with that backend.
uses_postgres() { [ "$FERRETDB_BACKEND" = postgresql ]; }

case "${1:-status}" in
  up)
    start=$(date +%s.%N)
    # Kafka's JVM warms up slower than FerretDB starts: start both at once.
    bash "$DIR/kafka/kafka.sh" start &
    kafka_pid=$!
    ferret_rc=0
    if uses_postgres; then
      bash "$DIR/postgres/postgres.sh" start || ferret_rc=$?
    fi
    if [ "$ferret_rc" = 0 ]; then
      bash "$DIR/ferretdb/ferretdb.sh" start || ferret_rc=$?
    fi
    kafka_rc=0
    wait "$kafka_pid" || kafka_rc=$?
    if [ "$kafka_rc" != 0 ] || [ "$ferret_rc" != 0 ]; then
      echo "infrastructure failed to start (kafka=$kafka_rc ferretdb=$ferret_rc)" >&2
      bash "$DIR/kafka/kafka.sh" stop || true
      bash "$DIR/ferretdb/ferretdb.sh" stop || true
      if uses_postgres; then bash "$DIR/postgres/postgres.sh" stop || true; fi
      exit 1
    fi
    awk -v s="$start" -v e="$(date +%s.%N)" -v k="$KAFKA_BROKERS" -v m="$MONGO_URL" -v b="$FERRETDB_BACKEND" \
      'BEGIN { printf "infrastructure up in %.1fs: kafka %s, mongo %s (FerretDB on %s)\n", e - s, k, m, b }'
    ;;
  down)
    rc=0
    bash "$DIR/kafka/kafka.sh" stop || rc=$?
    bash "$DIR/ferretdb/ferretdb.sh" stop || rc=$?
    # Whatever the backend now: a server left from an earlier postgresql run is stopped too.
    if uses_postgres || [ -s "$KETNOI_DATA_DIR/postgres/data/postmaster.pid" ]; then
      bash "$DIR/postgres/postgres.sh" stop || rc=$?
    fi
    exit "$rc"
    ;;
  status)
    rc=0
    bash "$DIR/kafka/kafka.sh" status || rc=$?
    bash "$DIR/ferretdb/ferretdb.sh" status || rc=$?
    if uses_postgres; then bash "$DIR/postgres/postgres.sh" status || rc=$?; fi
    exit "$rc"
    ;;
  *)
    echo "usage: infra.sh up|down|status" >&2
    exit 2
    ;;
esac
