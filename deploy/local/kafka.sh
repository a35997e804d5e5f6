#!/usr/bin/env bash
# Apache Kafka 3.9.1 as one KRaft node, from Maven Central's jars, on the stack's port (9092 for dev).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

LIBS="$TOOLS/kafka/libs"
MARKER="$TOOLS/kafka/.complete-3.9.1"
PIDFILE="$RUN/kafka.pid"
KLOG="$LOGS/kafka.log"
HERE="$ROOT/deploy/local/kafka"

install() {
  command -v java >/dev/null || apt_install openjdk-17-jre-headless
  command -v mvn >/dev/null || apt_install maven
  [[ -f $MARKER ]] && return 0
  log "gathering Kafka's jars from Maven Central into $LIBS"
  rm -rf "$LIBS"; mkdir -p "$LIBS"
  mvn -q -B -f "$HERE/pom.xml" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$LIBS"
  touch "$MARKER"
}

start() {
  install
  if is_pid_running "$PIDFILE"; then return 0; fi
  port_open 127.0.0.1 "$KAFKA_PORT" && die "port $KAFKA_PORT is taken by another program; stop it first"
  mkdir -p "$DATA/kafka"
  sed -e "s|@DATA@|$DATA|g" -e "s|@PORT@|$KAFKA_PORT|g" -e "s|@CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" \
    "$HERE/server.properties" > "$DATA/kafka/server.properties"
  [[ -f $DATA/kafka/cluster-id ]] ||
    java -cp "$LIBS/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1 > "$DATA/kafka/cluster-id"
  java -cp "$LIBS/*" -Dlog4j.configuration="file:$HERE/log4j.properties" kafka.tools.StorageTool format \
    -t "$(cat "$DATA/kafka/cluster-id")" -c "$DATA/kafka/server.properties" --ignore-formatted >>"$KLOG" 2>&1
  start_background kafka "$PIDFILE" "$KLOG" java -Xms256m -Xmx768m -XX:+UseG1GC \
    -Dlog4j.configuration="file:$HERE/log4j.properties" -cp "$LIBS/*" kafka.Kafka "$DATA/kafka/server.properties"
  wait_for_port 127.0.0.1 "$KAFKA_PORT" 90 "Kafka" "$KLOG" || { stop_pidfile "$PIDFILE" kafka; exit 1; }
  log "Kafka up on 127.0.0.1:$KAFKA_PORT"
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop_pidfile "$PIDFILE" kafka ;;
  status) is_pid_running "$PIDFILE" ;;
  *) die "usage: kafka.sh install|start|stop|status" ;;
esac
