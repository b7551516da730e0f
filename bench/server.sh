# Sourced by the benchmark scripts: starts a throw-away p2p-storage server of its own (port offset 300,
# its own base and data folders under target/bench) and stops it when the script exits.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench_dir="$root/target/bench"
offset=300
BASE_URL="http://localhost:$((8080 + offset))"
MGMT_PORT=$((9990 + offset))
wildfly="$root/jms-config/target/wildfly"

(cd "$root" && ./mvnw -B -q -DskipTests package)
rm -rf "$bench_dir" && mkdir -p "$bench_dir"
cp -r "$wildfly/standalone" "$bench_dir/server"
rm -rf "$bench_dir/server/deployments/"*.ear* "$bench_dir/server/data" "$bench_dir/server/log" "$bench_dir/server/tmp"
cp "$root/ear/target/p2p-storage.ear" "$bench_dir/server/deployments/"

"$wildfly/bin/standalone.sh" -c standalone-full.xml \
  -Djboss.server.base.dir="$bench_dir/server" -Djboss.socket.binding.port-offset=$offset \
  -Dp2p.data.dir="$bench_dir/data" ${BENCH_SERVER_OPTS:-} > "$bench_dir/server.log" 2>&1 &
SERVER_PID=$!
stop_server() {
  "$wildfly/bin/jboss-cli.sh" -c --controller=localhost:$MGMT_PORT --command=shutdown > /dev/null 2>&1 || kill "$SERVER_PID" 2> /dev/null || true
  wait "$SERVER_PID" 2> /dev/null || true
}
trap stop_server EXIT
for _ in $(seq 1 120); do
  [ -f "$bench_dir/server/deployments/p2p-storage.ear.deployed" ] && break
  [ -f "$bench_dir/server/deployments/p2p-storage.ear.failed" ] && { echo "deployment failed: $bench_dir/server.log"; exit 1; }
  sleep 1
done
SERVER_JAVA_PID=$(pgrep -f "jboss-modules.jar.*jboss.server.base.dir=$bench_dir/server" | head -1)

# A signed-in user for the benchmark (the first account of this fresh server): AUTH is its header.
bench_login='{"username":"bench","email":"bench@localhost","password":"bench-password-not-secret"}'
curl -s -o /dev/null -H 'Content-Type: application/json' -d "$bench_login" "$BASE_URL/api/auth/register"
AUTH="Authorization: Bearer $(curl -s -H 'Content-Type: application/json' -d "$bench_login" "$BASE_URL/api/auth/login" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"

# Used heap in MiB after a full GC, read from the server's own JVM.
heap_used_mib() {
  jcmd "$SERVER_JAVA_PID" GC.run > /dev/null 2>&1 || true
  jcmd "$SERVER_JAVA_PID" GC.heap_info 2> /dev/null | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub("K,?","",v); printf "%.0f\n", v/1024; exit}}'
}

source "$root/bench/report.sh"
