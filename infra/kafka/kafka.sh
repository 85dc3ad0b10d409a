#!/usr/bin/env bash
# Local single-node Apache Kafka broker (KRaft, broker+controller in one JVM), no Docker.
# Jars come from Maven Central via infra/kafka/pom.xml; readiness is checked over the Kafka
# protocol by infra/lib/probe-kafka.mjs.
#
# Usage: infra/kafka/kafka.sh start|stop|status|logs|restart
#
# Environment (defaults):
#   KETNOI_DATA_DIR        <repo>/.data       data: $KETNOI_DATA_DIR/kafka, log: $KETNOI_DATA_DIR/logs/kafka.log
#   KETNOI_TOOLS_DIR       <repo>/.tools      jars: $KETNOI_TOOLS_DIR/kafka/<version>/lib
#   KAFKA_PORT             9092               PLAINTEXT listener on 127.0.0.1
#   KAFKA_CONTROLLER_PORT  9093               KRaft CONTROLLER listener on 127.0.0.1
#   KAFKA_HEAP             -Xms256m -Xmx1g
#   KAFKA_VERSION          <kafka.version from pom.xml>
#   KAFKA_JVM_OPTS         (extra JVM flags, optional)
#   KAFKA_START_TIMEOUT    90                 seconds to wait for readiness
#   KAFKA_STOP_TIMEOUT     30                 seconds to wait after SIGTERM before SIGKILL
#   KETNOI_MAVEN_REPO      (optional local Maven repo; default ~/.m2/repository)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "${SCRIPT_DIR}/../.." && pwd)"
POM="${SCRIPT_DIR}/pom.xml"
LOG4J_CONFIG="${SCRIPT_DIR}/log4j2.properties"
PROBE="${REPO_ROOT}/infra/lib/probe-kafka.mjs"

KETNOI_DATA_DIR="${KETNOI_DATA_DIR:-${REPO_ROOT}/.data}"
KETNOI_TOOLS_DIR="${KETNOI_TOOLS_DIR:-${REPO_ROOT}/.tools}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_HEAP="${KAFKA_HEAP:--Xms256m -Xmx1g}"
KAFKA_JVM_OPTS="${KAFKA_JVM_OPTS:-}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"
KAFKA_STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"
KAFKA_HOST="127.0.0.1"
NODE_ID=1

if [[ -z "${KAFKA_VERSION:-}" ]]; then
  KAFKA_VERSION="$(sed -n 's:.*<kafka\.version>\(.*\)</kafka\.version>.*:\1:p' "${POM}" | head -n 1)"
fi
[[ -n "${KAFKA_VERSION}" ]] || { echo "kafka: cannot read kafka.version from ${POM}" >&2; exit 1; }

KAFKA_HOME="${KETNOI_TOOLS_DIR}/kafka/${KAFKA_VERSION}"
KAFKA_LIB="${KAFKA_HOME}/lib"
KAFKA_LIB_MARKER="${KAFKA_HOME}/.fetched"
KAFKA_DATA="${KETNOI_DATA_DIR}/kafka"
KAFKA_LOG_DIRS="${KAFKA_DATA}/log-dirs"
SERVER_PROPERTIES="${KAFKA_DATA}/server.properties"
CLUSTER_ID_FILE="${KAFKA_DATA}/cluster.id"
PID_FILE="${KAFKA_DATA}/kafka.pid"
LOCK_FILE="${KAFKA_DATA}/.lock"
LOG_DIR="${KETNOI_DATA_DIR}/logs"
LOG_FILE="${LOG_DIR}/kafka.log"

JAVA="java"
if [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]]; then
  JAVA="${JAVA_HOME}/bin/java"
fi

log() { echo "kafka: $*"; }
die() { echo "kafka: error: $*" >&2; exit 1; }

now_ms() { date +%s%3N; }

fmt_ms() { printf '%d.%03ds' "$(($1 / 1000))" "$(($1 % 1000))"; }

require() {
  command -v "$1" >/dev/null 2>&1 || die "'$1' not found on PATH ($2)"
}

# Serialise start/stop of the same data dir (e.g. parallel test runners).
take_lock() {
  mkdir -p "${KAFKA_DATA}"
  exec 9>"${LOCK_FILE}"
  if command -v flock >/dev/null 2>&1; then
    flock -w 180 9 || die "timed out waiting for ${LOCK_FILE}"
  fi
}

# PID from the pid file if that process is alive and really is our broker, else empty.
running_pid() {
  [[ -f "${PID_FILE}" ]] || return 0
  local pid
  pid="$(cat "${PID_FILE}" 2>/dev/null || true)"
  [[ "${pid}" =~ ^[0-9]+$ ]] || return 0
  kill -0 "${pid}" 2>/dev/null || return 0
  if [[ -r "/proc/${pid}/cmdline" ]]; then
    local cmdline
    cmdline="$(tr '\0' ' ' <"/proc/${pid}/cmdline" 2>/dev/null || true)"
    [[ "${cmdline}" == *" kafka.Kafka "* ]] || return 0
  fi
  echo "${pid}"
}

probe() {
  node "${PROBE}" "${KAFKA_HOST}:${KAFKA_PORT}" --node-id "${NODE_ID}" "$@"
}

port_in_use() {
  (exec 3<>"/dev/tcp/${KAFKA_HOST}/$1") 2>/dev/null
}

tail_log() {
  if [[ -f "${LOG_FILE}" ]]; then
    echo "---- last lines of ${LOG_FILE} ----" >&2
    tail -n "${1:-40}" "${LOG_FILE}" >&2
    echo "----" >&2
  fi
}

fetch_jars() {
  local pom_sum
  pom_sum="$(cksum <"${POM}")"
  if [[ -f "${KAFKA_LIB_MARKER}" && -d "${KAFKA_LIB}" && "$(cat "${KAFKA_LIB_MARKER}")" == "${pom_sum}" ]]; then
    return 0
  fi
  require mvn "needed once to fetch Kafka ${KAFKA_VERSION} jars"
  log "fetching Kafka ${KAFKA_VERSION} jars from Maven into ${KAFKA_LIB} (one-time)"
  mkdir -p "${KAFKA_HOME}"
  rm -f "${KAFKA_LIB_MARKER}"
  local tmp="${KAFKA_HOME}/lib.partial"
  rm -rf "${tmp}"
  local -a mvn_args=(-B -q -Dstyle.color=never -f "${POM}"
    "-Dkafka.version=${KAFKA_VERSION}"
    dependency:copy-dependencies "-DoutputDirectory=${tmp}" -DincludeScope=runtime)
  if [[ -n "${KETNOI_MAVEN_REPO:-}" ]]; then
    mvn_args+=("-Dmaven.repo.local=${KETNOI_MAVEN_REPO}")
  fi
  if ! mvn "${mvn_args[@]}" >"${KAFKA_HOME}/mvn.log" 2>&1; then
    tail -n 30 "${KAFKA_HOME}/mvn.log" >&2
    die "mvn failed to fetch Kafka ${KAFKA_VERSION} (full log: ${KAFKA_HOME}/mvn.log)"
  fi
  compgen -G "${tmp}/kafka_2.13-*.jar" >/dev/null || die "mvn ran but ${tmp} has no kafka_2.13 jar"
  rm -rf "${KAFKA_LIB}"
  mv "${tmp}" "${KAFKA_LIB}"
  echo "${pom_sum}" >"${KAFKA_LIB_MARKER}"
}

write_config() {
  mkdir -p "${KAFKA_DATA}" "${KAFKA_LOG_DIRS}" "${LOG_DIR}"
  # Regenerated on every start so port changes take effect. Static quorum (controller.quorum.voters)
  # keeps the controller endpoint in config rather than in the formatted metadata log.
  cat >"${SERVER_PROPERTIES}" <<EOF
# Generated by infra/kafka/kafka.sh on every start; edits are overwritten.
node.id=${NODE_ID}
process.roles=broker,controller
controller.quorum.voters=${NODE_ID}@${KAFKA_HOST}:${KAFKA_CONTROLLER_PORT}
controller.listener.names=CONTROLLER
listeners=PLAINTEXT://${KAFKA_HOST}:${KAFKA_PORT},CONTROLLER://${KAFKA_HOST}:${KAFKA_CONTROLLER_PORT}
advertised.listeners=PLAINTEXT://${KAFKA_HOST}:${KAFKA_PORT}
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=${KAFKA_LOG_DIRS}

# Single node: every internal topic has one replica.
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
min.insync.replicas=1
default.replication.factor=1

# Topics are created by the apps.
auto.create.topics.enable=false
delete.topic.enable=true
num.partitions=3

# Small dev box: fewer threads, fewer internal-topic partitions, no rebalance delay.
group.initial.rebalance.delay.ms=0
offsets.topic.num.partitions=5
transaction.state.log.num.partitions=5
share.coordinator.state.topic.num.partitions=5
num.network.threads=2
num.io.threads=4
background.threads=4
num.recovery.threads.per.data.dir=1
num.replica.fetchers=1
broker.heartbeat.interval.ms=500
log.retention.hours=168
log.segment.bytes=104857600
EOF
}

format_storage() {
  if [[ -f "${KAFKA_LOG_DIRS}/meta.properties" ]]; then
    return 0
  fi
  local cid
  if [[ -s "${CLUSTER_ID_FILE}" ]]; then
    cid="$(cat "${CLUSTER_ID_FILE}")"
  else
    cid="$("${JAVA}" -cp "${KAFKA_LIB}/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)"
    [[ "${cid}" =~ ^[A-Za-z0-9_-]{22}$ ]] || die "could not generate a cluster id (got '${cid}')"
    echo "${cid}" >"${CLUSTER_ID_FILE}"
  fi
  log "formatting ${KAFKA_LOG_DIRS} (cluster id ${cid})"
  if ! "${JAVA}" "-Dlog4j2.configurationFile=${LOG4J_CONFIG}" -cp "${KAFKA_LIB}/*" \
    kafka.tools.StorageTool format -t "${cid}" -c "${SERVER_PROPERTIES}" --ignore-formatted \
    >>"${LOG_FILE}" 2>&1; then
    tail_log 20
    die "storage format failed"
  fi
}

launch() {
  local -a heap jvm_extra
  read -r -a heap <<<"${KAFKA_HEAP}"
  read -r -a jvm_extra <<<"${KAFKA_JVM_OPTS}"
  {
    echo
    echo "==== $(date '+%Y-%m-%d %H:%M:%S') kafka.sh start (Kafka ${KAFKA_VERSION}, port ${KAFKA_PORT}) ===="
  } >>"${LOG_FILE}"
  # setsid: own session, so the broker survives the calling shell / CI step; fd 9 (lock) closed.
  setsid nohup "${JAVA}" \
    "${heap[@]}" \
    -server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
    -XX:+ExplicitGCInvokesConcurrent -XX:-OmitStackTraceInFastThrow -Djava.awt.headless=true \
    "-Dlog4j2.configurationFile=${LOG4J_CONFIG}" "-Dkafka.logs.dir=${LOG_DIR}" \
    "${jvm_extra[@]}" \
    -cp "${KAFKA_LIB}/*" kafka.Kafka "${SERVER_PROPERTIES}" \
    </dev/null >>"${LOG_FILE}" 2>&1 9>&- &
  echo "$!" >"${PID_FILE}"
}

# Wait until the broker answers ApiVersions + Metadata (itself listed, controller elected) and
# FindCoordinator for groups/transactions (creates the internal topics on a fresh data dir),
# or it dies, or the timeout passes.
wait_ready() {
  local pid="$1" deadline
  deadline=$(($(now_ms) + KAFKA_START_TIMEOUT * 1000))
  while :; do
    if probe --quiet --timeout 2000 --coordinators; then
      return 0
    fi
    if ! kill -0 "${pid}" 2>/dev/null; then
      tail_log 40
      rm -f "${PID_FILE}"
      die "broker process ${pid} exited before becoming ready (log: ${LOG_FILE})"
    fi
    if (($(now_ms) > deadline)); then
      tail_log 40
      log "not ready after ${KAFKA_START_TIMEOUT}s; stopping it"
      stop_pid "${pid}"
      die "broker did not become ready within ${KAFKA_START_TIMEOUT}s (log: ${LOG_FILE})"
    fi
    sleep 0.25
  done
}

stop_pid() {
  local pid="$1" deadline
  kill -TERM "${pid}" 2>/dev/null || true
  deadline=$(($(now_ms) + KAFKA_STOP_TIMEOUT * 1000))
  while kill -0 "${pid}" 2>/dev/null; do
    if (($(now_ms) > deadline)); then
      log "pid ${pid} still alive after ${KAFKA_STOP_TIMEOUT}s; sending SIGKILL"
      kill -KILL "${pid}" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.2
  done
  rm -f "${PID_FILE}"
}

cmd_start() {
  local t0 pid
  t0="$(now_ms)"
  require node "used for the readiness probe"
  require "${JAVA}" "Kafka needs Java 17+"
  take_lock

  pid="$(running_pid)"
  if [[ -n "${pid}" ]]; then
    if probe --quiet --timeout 2000 --coordinators; then
      log "already running (pid ${pid}) and ready on ${KAFKA_HOST}:${KAFKA_PORT}"
      return 0
    fi
    log "running (pid ${pid}) but not ready yet; waiting"
    wait_ready "${pid}"
    log "ready on ${KAFKA_HOST}:${KAFKA_PORT} (pid ${pid}) after $(fmt_ms $(($(now_ms) - t0)))"
    return 0
  fi
  rm -f "${PID_FILE}"

  local port
  for port in "${KAFKA_PORT}" "${KAFKA_CONTROLLER_PORT}"; do
    if port_in_use "${port}"; then
      die "${KAFKA_HOST}:${port} is already in use by another process (not this data dir's broker); set KAFKA_PORT/KAFKA_CONTROLLER_PORT or stop it"
    fi
  done

  fetch_jars
  write_config
  format_storage
  launch
  pid="$(cat "${PID_FILE}")"
  log "started pid ${pid}; waiting for ${KAFKA_HOST}:${KAFKA_PORT} to answer (log: ${LOG_FILE})"
  wait_ready "${pid}"
  log "ready on ${KAFKA_HOST}:${KAFKA_PORT} (Kafka ${KAFKA_VERSION}, pid ${pid}) in $(fmt_ms $(($(now_ms) - t0)))"
}

cmd_stop() {
  local pid t0
  t0="$(now_ms)"
  take_lock
  pid="$(running_pid)"
  if [[ -z "${pid}" ]]; then
    rm -f "${PID_FILE}"
    log "not running"
    return 0
  fi
  log "stopping pid ${pid}"
  stop_pid "${pid}"
  log "stopped in $(fmt_ms $(($(now_ms) - t0)))"
}

cmd_status() {
  local pid
  pid="$(running_pid)"
  if [[ -z "${pid}" ]]; then
    echo "stopped"
    return 3
  fi
  if command -v node >/dev/null 2>&1 && probe --quiet --timeout 2000; then
    echo "ready (pid ${pid}, ${KAFKA_HOST}:${KAFKA_PORT}, Kafka ${KAFKA_VERSION})"
    return 0
  fi
  echo "running, not ready (pid ${pid}, ${KAFKA_HOST}:${KAFKA_PORT})"
  return 1
}

main() {
  local cmd="${1:-}"
  case "${cmd}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    restart) cmd_stop && cmd_start ;;
    status) cmd_status ;;
    logs) echo "${LOG_FILE}" ;;
    *)
      echo "usage: $(basename "$0") start|stop|restart|status|logs" >&2
      exit 2
      ;;
  esac
}

main "$@"
