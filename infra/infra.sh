#!/usr/bin/env bash
# Brings the local infrastructure up or down: Apache Kafka (KRaft, one node)
# and FerretDB (MongoDB wire protocol). Usage: infra.sh up|down|status
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=infra/env.sh
source "$DIR/env.sh"

case "${1:-status}" in
  up)
    start=$(date +%s.%N)
    # Kafka's JVM warms up slower than FerretDB starts: start both at once.
    bash "$DIR/kafka/kafka.sh" start &
    kafka_pid=$!
    ferret_rc=0
    bash "$DIR/ferretdb/ferretdb.sh" start || ferret_rc=$?
    kafka_rc=0
    wait "$kafka_pid" || kafka_rc=$?
    if [ "$kafka_rc" != 0 ] || [ "$ferret_rc" != 0 ]; then
      echo "infrastructure failed to start (kafka=$kafka_rc ferretdb=$ferret_rc)" >&2
      bash "$DIR/kafka/kafka.sh" stop || true
      bash "$DIR/ferretdb/ferretdb.sh" stop || true
      exit 1
    fi
    awk -v s="$start" -v e="$(date +%s.%N)" -v k="$KAFKA_BROKERS" -v m="$MONGO_URL" \
      'BEGIN { printf "infrastructure up in %.1fs: kafka %s, mongo %s\n", e - s, k, m }'
    ;;
  down)
    rc=0
    bash "$DIR/kafka/kafka.sh" stop || rc=$?
    bash "$DIR/ferretdb/ferretdb.sh" stop || rc=$?
    exit "$rc"
    ;;
  status)
    rc=0
    bash "$DIR/kafka/kafka.sh" status || rc=$?
    bash "$DIR/ferretdb/ferretdb.sh" status || rc=$?
    exit "$rc"
    ;;
  *)
    echo "usage: infra.sh up|down|status" >&2
    exit 2
    ;;
esac
