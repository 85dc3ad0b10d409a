#!/usr/bin/env bash
# ./ketnoi run [--no-demo] [--no-infra] [--quiet]: builds what changed (turbo
# cache), then the launcher (packages/launcher) starts the infrastructure, the
# six services, the demo data, and prints URLs and tokens. Ctrl-C stops the
# services, then the infrastructure.
# FerretDB runs on PostgreSQL here (3-6x the pipeline's throughput of SQLite,
# see infra/ferretdb/README.md); FERRETDB_BACKEND=sqlite chooses SQLite.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

for arg in "$@"; do
  case "$arg" in
    -h|--help)
      if [ -f packages/launcher/dist/cli/main.js ]; then exec node packages/launcher/dist/cli/main.js --help; fi
      echo "usage: ./ketnoi run [--no-demo] [--no-infra] [--quiet]"
      exit 0
      ;;
  esac
done

export FERRETDB_BACKEND="${FERRETDB_BACKEND:-postgresql}"

echo "building (cached when nothing changed)…"
pnpm turbo run build --filter=@ketnoi/launcher... --filter=@ketnoi/registration --filter=@ketnoi/vacancy-intake \
  --filter=@ketnoi/matching --filter=@ketnoi/notification --filter=@ketnoi/analytics --filter=@ketnoi/jobfairs --output-logs=errors-only

# shellcheck source=infra/env.sh
source "$ROOT/infra/env.sh"
exec node --disable-warning=TimeoutNegativeWarning packages/launcher/dist/cli/main.js "$@"
