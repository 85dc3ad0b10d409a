#!/usr/bin/env bash
# Installs schemathesis (PyPI, pinned) into a virtual environment under the
# project's tools folder, for the HTTP fuzzing of every service's OpenAPI
# document. Idempotent; prints the path of the `st` command.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${KETNOI_TOOLS_DIR:-$ROOT/.tools}"
VERSION="4.32.5"
VENV="$TOOLS/schemathesis/$VERSION"

if [ ! -x "$VENV/bin/st" ]; then
  command -v python3 >/dev/null || { echo "python3 is needed for schemathesis" >&2; exit 1; }
  echo "[install-schemathesis] installing schemathesis $VERSION into $VENV" >&2
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$VERSION" >&2
fi
echo "$VENV/bin/st"
