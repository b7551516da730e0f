#!/usr/bin/env bash
# Starts the server in the container, its log on the console (and in $P2P_LOG_DIR/server.log).
# With P2P_BROKER_URL (tcp://host:port) the server joins a deployment on a standalone Artemis broker: the first
# start of the container applies jms-config/remote-broker.cli (the embedded broker removed, the resource adapter
# and the queues on the remote one), and the URL is split into the host and port its socket binding reads.
set -euo pipefail
wildfly=/opt/wildfly

if [ -n "${P2P_BROKER_URL:-}" ]; then
  address=${P2P_BROKER_URL#*://}
  address=${address%%[/?]*}
  export P2P_BROKER_HOST=${address%:*}
  if [ "$address" = "$P2P_BROKER_HOST" ]; then
    export P2P_BROKER_PORT=61616
  else
    export P2P_BROKER_PORT=${address##*:}
  fi
  marker=$wildfly/standalone/configuration/.p2p-remote-broker
  if [ ! -f "$marker" ]; then
    echo "p2p-storage: using the broker at $P2P_BROKER_HOST:$P2P_BROKER_PORT (applying remote-broker.cli)"
    JAVA_OPTS="-Xmx256m" "$wildfly/bin/jboss-cli.sh" --file=/opt/p2p/remote-broker.cli
    rm -rf "$wildfly/standalone/data" "$wildfly/standalone/tmp"
    touch "$marker"
  fi
fi

mkdir -p "$P2P_LOG_DIR"
# -b: the public interface on every address of the container (the load balancer and published ports reach it);
# the management interface stays on the container's loopback, where the health check asks.
exec "$wildfly/bin/standalone.sh" -c standalone-full.xml -b 0.0.0.0 \
  -Djboss.node.name="${P2P_SERVER_ID:-p2p-1}" -Djboss.server.log.dir="$P2P_LOG_DIR" "$@"
