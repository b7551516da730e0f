#!/usr/bin/env bash
# Builds what is needed, provisions WildFly, deploys the EAR and runs the whole system in the
# foreground on its embedded defaults (H2, embedded Artemis, 5 nodes x 10 GB). Ctrl-C stops it.
# Settings come from the environment (see README.md): P2P_DATA_DIR, P2P_NODES, P2P_NODE_CAPACITY, ...
set -euo pipefail
cd "$(dirname "$0")"

export P2P_DATA_DIR="${P2P_DATA_DIR:-$HOME/.p2p-storage}"
port_offset="${P2P_PORT_OFFSET:-0}"
http_port=$((8080 + port_offset))
export P2P_PUBLIC_URL="${P2P_PUBLIC_URL:-http://localhost:$http_port}"
server=jms-config/target/wildfly

echo "Building p2p-storage and provisioning WildFly (the first run downloads dependencies)..."
./mvnw -B -q -DskipTests package

mkdir -p "$P2P_DATA_DIR"
deployments="$server/standalone/deployments"
rm -f "$deployments"/p2p-storage.ear*
cp ear/target/p2p-storage.ear "$deployments/"

# Print where to open the system once it is up (the server's own log scrolls above this).
(
  for _ in $(seq 1 180); do
    sleep 1
    if [ -f "$deployments/p2p-storage.ear.deployed" ]; then
      printf '\n  p2p-storage is running (data in %s, log in %s)\n    Portal: http://localhost:%s/\n    API:    http://localhost:%s/api/\n  Press Ctrl-C to stop.\n\n' \
        "$P2P_DATA_DIR" "${P2P_LOG_DIR:-$P2P_DATA_DIR/log}" "$http_port" "$http_port"
      exit 0
    fi
    if [ -f "$deployments/p2p-storage.ear.failed" ]; then
      printf '\n  p2p-storage failed to deploy: see %s\n\n' "$deployments/p2p-storage.ear.failed"
      exit 0
    fi
  done
) &

# The server's log goes to the data folder (server.log), where it survives a rebuild or `mvn clean`.
exec "$server/bin/standalone.sh" -c standalone-full.xml -Djboss.socket.binding.port-offset="$port_offset" \
  -Djboss.server.log.dir="${P2P_LOG_DIR:-$P2P_DATA_DIR/log}" "$@"
