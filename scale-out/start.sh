#!/usr/bin/env bash
# Starts p2p-storage's scale-out topology on one machine, without containers: one PostgreSQL (Debian's
# postgresql package: initdb + pg_ctl, its own folder and port), one standalone ActiveMQ Artemis broker (its
# distribution from Maven Central, `artemis create` into a folder) and two WildFly servers (copies of the
# provisioned server's configuration with jms-config/remote-broker.cli applied), each hosting part of the
# nodes, all on the one database and the one broker. docker/compose.yaml is the same topology in containers.
#
#   scale-out/start.sh [--fresh] [--no-build]
#
# --fresh (or P2P_SCALE_OUT_FRESH=true) deletes the data of an earlier run first; otherwise a start after
# scale-out/stop.sh finds the accounts, files, queues and nodes it left. --no-build (or
# P2P_SCALE_OUT_BUILD=false) deploys the EAR built last instead of building first.
# Settings (environment, defaults in scale-out/settings.sh): P2P_SCALE_OUT_DIR (scale-out/run),
# P2P_SCALE_OUT_SERVERS (2), P2P_SCALE_OUT_OFFSET (400: server-a on http 8480, server-b on 8580),
# P2P_SCALE_OUT_PG_PORT (5432 + offset), P2P_SCALE_OUT_BROKER_PORT (61616 + offset), P2P_NODES (5),
# P2P_SCALE_OUT_JAVA_OPTS (the servers' heap), P2P_BROKER_MEMORY (512M), P2P_SCALE_OUT_TIMEOUT (300 s);
# every other P2P_* variable reaches the servers as it is (P2P_LINK_BANDWIDTH, P2P_REPLICAS, ...).
# If anything fails, the whole topology of the folder is stopped (scale-out/stop.sh; the data stays) and the
# script fails, so that no half-started process is left behind.
set -euo pipefail

fresh=${P2P_SCALE_OUT_FRESH:-false}
build=${P2P_SCALE_OUT_BUILD:-true}
for argument in "$@"; do
  case $argument in
    --fresh) fresh=true ;;
    --no-build) build=false ;;
    *) echo "usage: $0 [--fresh] [--no-build]" >&2; exit 2 ;;
  esac
done

source "$(dirname "$0")/settings.sh"
timeout_seconds=${P2P_SCALE_OUT_TIMEOUT:-300}
java_opts=${P2P_SCALE_OUT_JAVA_OPTS:--Xms256m -Xmx1g}

if [ ! -x "$pg_bin/initdb" ]; then
  echo "The scale-out topology needs PostgreSQL's programs from Debian's postgresql package (apt-get install postgresql)." >&2
  exit 1
fi

started=false
on_exit() {
  if [ "$started" != true ]; then
    echo "scale-out: start failed; stopping the topology (logs and data stay in $run_dir)" >&2
    "$scale_out_home/stop.sh" >&2 || true
  fi
}
trap on_exit EXIT

if [ "$fresh" = true ]; then
  "$scale_out_home/stop.sh" > /dev/null
  rm -rf "$run_dir"/postgres "$run_dir"/broker "$run_dir"/server-* "$run_dir"/secrets "$run_dir"/standalone-template
fi

if [ "$build" = true ]; then
  echo "scale-out: building p2p-storage and provisioning WildFly..."
  (cd "$project_root" && ./mvnw -B -q -DskipTests package)
fi
for needed in "$ear" "$wildfly_home/.p2p-configured"; do
  [ -f "$needed" ] || { echo "scale-out: $needed is missing: build first (./mvnw -B -DskipTests package)" >&2; exit 1; }
done

export P2P_BROKER_PASSWORD=${P2P_BROKER_PASSWORD:-$(secret broker-password)}
export P2P_DB_PASSWORD=${P2P_DB_PASSWORD:-$(secret db-password)}

# --- PostgreSQL --------------------------------------------------------------------------------------------
pg_dir=$run_dir/postgres
mkdir -p "$pg_dir"
if as_root; then
  chown postgres "$pg_dir"
  runuser -u postgres -- test -w "$pg_dir" || {
    echo "scale-out: PostgreSQL runs as the postgres user, which cannot reach $pg_dir: set P2P_SCALE_OUT_DIR to a folder it can" >&2
    exit 1
  }
fi
if [ ! -f "$pg_dir/data/PG_VERSION" ]; then
  (umask 077; echo "$P2P_DB_PASSWORD" > "$pg_dir/password")
  if as_root; then chown postgres "$pg_dir/password"; fi
  pg initdb -D "$pg_dir/data" -U "$P2P_DB_USER" --pwfile="$pg_dir/password" -A scram-sha-256 -E UTF8 > "$pg_dir/initdb.log"
  rm -f "$pg_dir/password"
fi
if ! pg pg_ctl -D "$pg_dir/data" status > /dev/null 2>&1; then
  echo "scale-out: starting PostgreSQL on port $pg_port"
  pg pg_ctl -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
    -o "-p $pg_port -k $pg_dir -c listen_addresses=localhost" start > /dev/null
fi
psql_p2p() {
  PGPASSWORD=$P2P_DB_PASSWORD pg psql -h localhost -p "$pg_port" -U "$P2P_DB_USER" -v ON_ERROR_STOP=1 -tA "$@"
}
if [ "$(psql_p2p -d postgres -c "select 1 from pg_database where datname = 'p2p'")" != 1 ]; then
  psql_p2p -d postgres -c "create database p2p" > /dev/null
fi

# --- Artemis -----------------------------------------------------------------------------------------------
artemis_home=$run_dir/artemis/apache-artemis-$artemis_version
if [ ! -x "$artemis_home/bin/artemis" ]; then
  # The distribution's zip: given (P2P_SCALE_OUT_ARTEMIS_ZIP, as the integration tests' build resolves it), or
  # fetched by Maven from Maven Central into ~/.m2.
  zip=${P2P_SCALE_OUT_ARTEMIS_ZIP:-}
  if [ -z "$zip" ]; then
    echo "scale-out: fetching ActiveMQ Artemis $artemis_version (Maven Central, kept in ~/.m2)"
    (cd "$project_root" && ./mvnw -B -q -N dependency:copy \
      -Dartifact="org.apache.activemq:apache-artemis:$artemis_version:zip:bin" -DoutputDirectory="$run_dir/artemis")
    zip=$run_dir/artemis/apache-artemis-$artemis_version-bin.zip
  fi
  # Unpacked with the JDK's jar (no unzip needed), which keeps no file modes: the launchers are made executable.
  mkdir -p "$run_dir/artemis"
  (cd "$run_dir/artemis" && jar xf "$zip")
  chmod +x "$artemis_home"/bin/*
  rm -f "$run_dir/artemis/apache-artemis-$artemis_version-bin.zip"
fi
broker=$run_dir/broker
P2P_BROKER_HOST=localhost P2P_BROKER_PORT=$broker_port P2P_BROKER_MEMORY=${P2P_BROKER_MEMORY:-512M} \
  "$scale_out_home/create-broker.sh" "$artemis_home" "$broker"
if ! { [ -f "$broker/broker.pid" ] && kill -0 "$(cat "$broker/broker.pid")" 2>/dev/null; }; then
  echo "scale-out: starting the Artemis broker on port $broker_port"
  mkdir -p "$broker/log"
  setsid nohup "$broker/bin/artemis" run > "$broker/log/console.log" 2>&1 < /dev/null &
  echo $! > "$broker/broker.pid"
fi
for _ in $(seq 1 $((timeout_seconds * 2))); do
  if (exec 3<> "/dev/tcp/localhost/$broker_port") 2> /dev/null; then break; fi
  kill -0 "$(cat "$broker/broker.pid")" 2>/dev/null || { echo "scale-out: the broker stopped: see $broker/log" >&2; exit 1; }
  sleep 0.5
done
(exec 3<> "/dev/tcp/localhost/$broker_port") 2> /dev/null || { echo "scale-out: the broker does not listen on $broker_port" >&2; exit 1; }

# --- WildFly servers ---------------------------------------------------------------------------------------
# The servers' configuration: the provisioned one with remote-broker.cli applied, made once into a template
# (again whenever either changed) and copied for every server. Data and log folders are kept.
configured="$(cat "$wildfly_home/.p2p-configured") $(sha256sum < "$project_root/jms-config/remote-broker.cli")"
template=$run_dir/standalone-template
if [ "$(cat "$template/.p2p-scale-out" 2>/dev/null)" != "$configured" ]; then
  rm -rf "$template"
  cp -r "$wildfly_home/standalone" "$template"
  rm -rf "$template/data" "$template/log" "$template/tmp"
  rm -f "$template"/deployments/*.ear*
  JAVA_OPTS="-Xmx256m" "$wildfly_home/bin/jboss-cli.sh" -Djboss.server.base.dir="$template" \
    --file="$project_root/jms-config/remote-broker.cli" > "$run_dir/configure.log" 2>&1 \
    || { echo "scale-out: applying remote-broker.cli failed: see $run_dir/configure.log" >&2; exit 1; }
  rm -rf "$template/data" "$template/log" "$template/tmp"
  echo "$configured" > "$template/.p2p-scale-out"
fi
for i in $(seq 0 $((servers - 1))); do
  name=$(server_name "$i")
  offset=$(server_offset "$i")
  dir=$run_dir/$name
  base=$dir/standalone
  if [ -f "$dir/server.pid" ] && kill -0 "$(cat "$dir/server.pid")" 2>/dev/null; then
    echo "scale-out: $name is running already"
    continue
  fi
  if [ "$(cat "$base/.p2p-scale-out" 2>/dev/null)" != "$configured" ]; then
    rm -rf "$base"
    mkdir -p "$dir"
    cp -r "$template" "$base"
  fi
  rm -f "$base"/deployments/p2p-storage.ear*
  cp "$ear" "$base/deployments/p2p-storage.ear"
  mkdir -p "$dir/data" "$dir/log"
  echo "scale-out: starting $name (port offset $offset, nodes $(hosted_nodes "$i"))"
  # jboss.node.name ends every session id with the server's name: the route a load balancer keeps a browser on.
  P2P_SERVER_ID=$name \
  P2P_HOSTED_NODES=$(hosted_nodes "$i") \
  P2P_DATA_DIR=$dir/data \
  P2P_LOG_DIR=$dir/log \
  P2P_PUBLIC_URL=http://localhost:$((8080 + offset)) \
  P2P_DB_DRIVER=postgresql \
  P2P_DB_URL=jdbc:postgresql://localhost:$pg_port/p2p \
  P2P_BROKER_URL=tcp://localhost:$broker_port \
  P2P_BROKER_HOST=localhost \
  P2P_BROKER_PORT=$broker_port \
  JAVA_OPTS="$java_opts -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true" \
  LAUNCH_JBOSS_IN_BACKGROUND=1 \
  JBOSS_PIDFILE=$dir/server.pid \
    setsid nohup "$wildfly_home/bin/standalone.sh" -c standalone-full.xml \
      -Djboss.server.base.dir="$base" -Djboss.socket.binding.port-offset="$offset" -Djboss.node.name="$name" \
      -Djboss.server.log.dir="$dir/log" > "$dir/log/console.log" 2>&1 < /dev/null &
  echo $! > "$dir/launcher.pid"
done

# Every server deployed (or one failed): the servers boot side by side; Flyway's lock in PostgreSQL lets one
# of them migrate the schema while the others wait.
for i in $(seq 0 $((servers - 1))); do
  name=$(server_name "$i")
  dir=$run_dir/$name
  deployments=$dir/standalone/deployments
  for _ in $(seq 1 "$timeout_seconds"); do
    [ -f "$deployments/p2p-storage.ear.deployed" ] && break
    if [ -f "$deployments/p2p-storage.ear.failed" ]; then
      echo "scale-out: $name failed to deploy: see $dir/log/server.log" >&2
      exit 1
    fi
    if ! kill -0 "$(cat "$dir/launcher.pid")" 2>/dev/null; then
      echo "scale-out: $name stopped while starting: see $dir/log/console.log" >&2
      exit 1
    fi
    sleep 1
  done
  [ -f "$deployments/p2p-storage.ear.deployed" ] || { echo "scale-out: $name not deployed after ${timeout_seconds}s" >&2; exit 1; }
done

started=true
echo
echo "  p2p-storage scale-out is running (everything in $run_dir)"
echo "    PostgreSQL: localhost:$pg_port, database p2p, user $P2P_DB_USER"
echo "    Artemis:    tcp://localhost:$broker_port, user $P2P_BROKER_USER"
for i in $(seq 0 $((servers - 1))); do
  http=$((8080 + $(server_offset "$i")))
  printf '    %s:   http://localhost:%s/ (API http://localhost:%s/api/, nodes %s)\n' \
    "$(server_name "$i")" "$http" "$http" "$(hosted_nodes "$i")"
done
echo "  Stop it with scale-out/stop.sh"
