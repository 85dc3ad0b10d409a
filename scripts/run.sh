#!/usr/bin/env bash
# Starts the local infrastructure and keeps it up until Ctrl-C, then stops it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash infra/infra.sh up
trap 'bash infra/infra.sh down' EXIT
trap 'exit 0' INT TERM

# shellcheck source=/dev/null
source "$ROOT/infra/env.sh"
cat <<MSG

KetNoi infrastructure is up:
  Kafka     $KAFKA_BROKERS
  MongoDB   $MONGO_URL   (FerretDB)
Logs: $KETNOI_DATA_DIR/logs/
Press Ctrl-C to stop.
MSG
while true; do sleep 3600 & wait $!; done
