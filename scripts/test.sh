#!/usr/bin/env bash
# Builds the workspace, brings the infrastructure up (unless KAFKA_BROKERS and
# MONGO_URL point at running ones), runs lint, typecheck and every test, and
# stops what it started, also on failure.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

pnpm run build
pnpm run lint
pnpm run typecheck

started_infra=0
stop_infra() {
  if [ "$started_infra" = 1 ]; then bash infra/infra.sh down || true; fi
}
trap stop_infra EXIT

if [ -z "${KAFKA_BROKERS:-}" ] || [ -z "${MONGO_URL:-}" ]; then
  if ! bash infra/infra.sh status >/dev/null 2>&1; then
    started_infra=1
    bash infra/infra.sh up
  fi
fi

bash scripts/install-chromium.sh  # Debian chromium for the analytics dashboard's browser test
pnpm run test "$@"
if [ "$#" -eq 0 ]; then pnpm run test:chaos:short; fi  # faults under load (packages/chaos): kills and restarts this infra, so last
