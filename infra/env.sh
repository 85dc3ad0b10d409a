#!/usr/bin/env bash
# Connection settings of the local infrastructure, shared by the start scripts,
# the tests and the services. Every value can be overridden from outside.
INFRA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export KETNOI_DATA_DIR="${KETNOI_DATA_DIR:-$INFRA_ROOT/.data}"
export KETNOI_TOOLS_DIR="${KETNOI_TOOLS_DIR:-$INFRA_ROOT/.tools}"
export KAFKA_PORT="${KAFKA_PORT:-9092}"
export FERRETDB_PORT="${FERRETDB_PORT:-27017}"
# sqlite | postgresql (then infra.sh also runs infra/postgres/postgres.sh on PG_PORT)
export FERRETDB_BACKEND="${FERRETDB_BACKEND:-sqlite}"
export PG_PORT="${PG_PORT:-5433}"
export FERRETDB_POSTGRESQL_URL="${FERRETDB_POSTGRESQL_URL:-postgres://postgres@127.0.0.1:$PG_PORT/ferretdb}"
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:$KAFKA_PORT}"
export MONGO_URL="${MONGO_URL:-mongodb://127.0.0.1:$FERRETDB_PORT}"
