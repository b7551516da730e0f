#!/usr/bin/env bash
# Stops what scale-out/start.sh started, in the reverse order: every WildFly server (a management
# :shutdown, which ends its transactions and MDBs cleanly), then the Artemis broker (`artemis stop`), then
# PostgreSQL (`pg_ctl stop -m fast`). A process that does not end within a minute is terminated, and then
# killed: nothing is left behind. The data stays for the next start (scale-out/start.sh --fresh wipes it).
# Takes the same settings as start.sh (P2P_SCALE_OUT_DIR, P2P_SCALE_OUT_OFFSET, ...).
set -euo pipefail
source "$(dirname "$0")/settings.sh"

# Ends a process: the polite way has been tried; TERM after $2 seconds, KILL 20 s later.
finish() {
  local pid=$1 seconds=$2 what=$3
  wait_gone "$pid" "$seconds" && return 0
  echo "scale-out: $what did not stop within ${seconds}s: terminating it" >&2
  kill -TERM "$pid" 2>/dev/null || true
  wait_gone "$pid" 20 && return 0
  kill -KILL "$pid" 2>/dev/null || true
  wait_gone "$pid" 10
}

stop_server() {
  local dir=$1
  local name pid launcher offset
  name=$(basename "$dir")
  pid=$(cat "$dir/server.pid" 2>/dev/null || true)
  launcher=$(cat "$dir/launcher.pid" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    offset=$(tr '\0' ' ' < "/proc/$pid/cmdline" | sed -n 's/.*-Djboss.socket.binding.port-offset=\([0-9]*\).*/\1/p')
    echo "scale-out: stopping $name"
    JAVA_OPTS="-Xmx128m" timeout 60 "$wildfly_home/bin/jboss-cli.sh" --connect \
      --controller="remote+http://localhost:$((9990 + ${offset:-0}))" --command=:shutdown > "$dir/shutdown.log" 2>&1 \
      || kill -TERM "$pid" 2>/dev/null || true
    finish "$pid" 60 "$name"
  fi
  if [ -n "$launcher" ] && kill -0 "$launcher" 2>/dev/null; then
    finish "$launcher" 10 "$name's launcher"
  fi
  rm -f "$dir/server.pid" "$dir/launcher.pid"
}

# Every server of the folder, whatever P2P_SCALE_OUT_SERVERS says now, side by side.
for dir in "$run_dir"/server-*; do
  [ -d "$dir" ] && stop_server "$dir" &
done
wait

broker=$run_dir/broker
if [ -f "$broker/broker.pid" ]; then
  pid=$(cat "$broker/broker.pid")
  if kill -0 "$pid" 2>/dev/null; then
    echo "scale-out: stopping the Artemis broker"
    "$broker/bin/artemis" stop > "$broker/log/stop.log" 2>&1 || kill -TERM "$pid" 2>/dev/null || true
    finish "$pid" 60 "the broker"
  fi
  rm -f "$broker/broker.pid"
fi

pg_dir=$run_dir/postgres
if [ -f "$pg_dir/data/postmaster.pid" ] && [ -x "$pg_bin/pg_ctl" ]; then
  if pg pg_ctl -D "$pg_dir/data" status > /dev/null 2>&1; then
    echo "scale-out: stopping PostgreSQL"
    pg pg_ctl -D "$pg_dir/data" -m fast -w -t 60 stop > /dev/null
  fi
fi
