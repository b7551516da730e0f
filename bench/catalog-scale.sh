#!/usr/bin/env bash
# The catalog at scale: one user with 10,000 files and 1,000,000 chunks (2,000,000 copies) in the catalog,
# one file of 16,384 chunks among them, plus a few real uploaded files. Measures with curl, 200 requests
# each (after 20 to warm up): the first page of the file list, a deep page, the details of the
# 16,384-chunk file (whole chunk map, and a window of it), and the first byte of a real download of
# 256 MiB (4,096 chunks).
# The rows are written straight into the server's H2 file with H2's RunScript while the server is
# stopped (no generator endpoint in the application).
# Usage: bench/catalog-scale.sh [label]   Writes its figures to docs/benchmarks.md (section catalog-scale[-label]).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
label=${1:-}
if [ -z "${CATALOG_SCALE_LOCKED:-}" ]; then
  (cd "$root" && ./mvnw -B -q -o -DskipTests package)
  CATALOG_SCALE_LOCKED=1 exec /work/it-lock "$0" "$@" # one WildFly test server at a time on this machine
fi

offset=700
BASE_URL="http://localhost:$((8080 + offset))"
MGMT_PORT=$((9990 + offset))
bench_dir=/tmp/p2p-catalog-scale
wildfly="$root/jms-config/target/wildfly"
h2_jar=$(ls "$wildfly"/modules/system/layers/base/com/h2database/h2/main/h2-*.jar | head -1) # the server's own H2
requests=${REQUESTS:-200}
built=$(git -C "$root" rev-parse --short HEAD)
warmup=20

rm -rf "$bench_dir" && mkdir -p "$bench_dir/files"
cp -r "$wildfly/standalone" "$bench_dir/server"
rm -rf "$bench_dir/server/deployments/"*.ear* "$bench_dir/server/data" "$bench_dir/server/log" "$bench_dir/server/tmp"
cp "$root/ear/target/p2p-storage.ear" "$bench_dir/server/deployments/"

SERVER_PID=
start_server() {
  rm -f "$bench_dir/server/deployments/p2p-storage.ear."{deployed,failed,isdeploying}
  "$wildfly/bin/standalone.sh" -c standalone-full.xml \
    -Djboss.server.base.dir="$bench_dir/server" -Djboss.socket.binding.port-offset=$offset \
    -Dp2p.data.dir="$bench_dir/data" -Dp2p.link.bandwidth=0 -Dp2p.link.loss=0 -Dp2p.replicas=2 \
    -Dp2p.grpc.port=$((9090 + offset)) -Dp2p.ssh.port=$((2222 + offset)) >> "$bench_dir/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 300); do
    [ -f "$bench_dir/server/deployments/p2p-storage.ear.deployed" ] && return 0
    [ -f "$bench_dir/server/deployments/p2p-storage.ear.failed" ] && { echo "deployment failed: $bench_dir/server.log"; exit 1; }
    sleep 1
  done
  echo "the server did not start: $bench_dir/server.log"; exit 1
}
stop_server() {
  [ -n "$SERVER_PID" ] || return 0
  "$wildfly/bin/jboss-cli.sh" -c --controller=localhost:$MGMT_PORT --command=shutdown > /dev/null 2>&1 || kill "$SERVER_PID" 2> /dev/null || true
  wait "$SERVER_PID" 2> /dev/null || true
  SERVER_PID=
}
trap stop_server EXIT

login='{"username":"bench","email":"bench@localhost","password":"bench-password-not-secret"}'
sign_in() {
  AUTH="Authorization: Bearer $(curl -s -H 'Content-Type: application/json' -d "$login" "$BASE_URL/api/auth/login" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"
}
upload() { # name, bytes: a file of random bytes, until every copy is acknowledged; prints its id
  head -c "$2" /dev/urandom > "$bench_dir/files/$1"
  curl -s -H "$AUTH" -H 'Content-Type: application/octet-stream' -X POST -T "$bench_dir/files/$1" \
    "$BASE_URL/api/files/upload?wait=true&name=$1" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["status"]=="AVAILABLE", d; print(d["fileId"])'
}

echo "Starting the server (port $((8080 + offset)), data in $bench_dir/data) and uploading real files..."
start_server
curl -s -o /dev/null -H 'Content-Type: application/json' -d "$login" "$BASE_URL/api/auth/register"
sign_in
for i in 1 2 3 4 5; do upload "real-$i.bin" 300000 > /dev/null; done
big_id=$(upload real-256MiB.bin $((256 * 1024 * 1024)))
stop_server

echo "Writing 10,000 files, 1,000,000 chunks and 2,000,000 copies into the catalog..."
# File 0 has 16,384 chunks; the 9,999 others 98 or 99, so that the chunks make 1,000,000 in all.
{
  cat <<'SQL'
INSERT INTO stored_file (id, name, owner, folderId, size, expectedSize, sha256, chunkSize, chunkCount, replicas,
    copiesSent, acknowledged, rejected, recoveredFrom, sealed, status, failure, createdAt, completedAt)
SELECT 'b' || LPAD(CAST(X AS VARCHAR), 15, '0'), 'generated-' || LPAD(CAST(X AS VARCHAR), 5, '0') || '.bin', 'bench', NULL,
    C * 65536, C * 65536, REPEAT('0', 64), 65536, C, 2, C * 2, C * 2, 0, NULL, TRUE, 'AVAILABLE', NULL,
    DATEADD(SECOND, -X * 60 - 3600, CURRENT_TIMESTAMP), DATEADD(SECOND, -X * 60 - 3600, CURRENT_TIMESTAMP)
FROM (SELECT X, CASE WHEN X = 0 THEN 16384 WHEN X <= 3714 THEN 99 ELSE 98 END AS C FROM SYSTEM_RANGE(0, 9999));
INSERT INTO file_chunk (id, file_id, chunk_index, size, sha256)
SELECT 1000000000 + R.X, 'b000000000000000', R.X, 65536, REPEAT('0', 64) FROM SYSTEM_RANGE(0, 16383) R;
SQL
  # In slices of 1,000 files, so that no statement holds a million rows in one transaction.
  for from in $(seq 1 1000 9999); do
    to=$((from + 999 > 9999 ? 9999 : from + 999))
    cat <<SQL
INSERT INTO file_chunk (id, file_id, chunk_index, size, sha256)
SELECT 1000000000 + F.X * 20000 + R.X, 'b' || LPAD(CAST(F.X AS VARCHAR), 15, '0'), R.X, 65536, REPEAT('0', 64)
FROM SYSTEM_RANGE($from, $to) F JOIN SYSTEM_RANGE(0, 98) R ON R.X < CASE WHEN F.X <= 3714 THEN 99 ELSE 98 END;
SQL
  done
  for from in $(seq 0 1000 9999); do
    cat <<SQL
INSERT INTO chunk_placement (id, chunk_id, file_id, chunk_index, nodeId, state, purpose, sentAt)
SELECT ch.id * 2 + K.X, ch.id, ch.file_id, ch.chunk_index, 'Node_0' || (1 + MOD(ch.chunk_index + K.X, 5)), 'STORED', 'UPLOAD',
    CURRENT_TIMESTAMP
FROM file_chunk ch JOIN SYSTEM_RANGE(0, 1) K ON TRUE
WHERE ch.id >= 1000000000 + $from * 20000 AND ch.id < 1000000000 + $((from + 1000)) * 20000;
SQL
  done
  cat <<'SQL'
ALTER SEQUENCE file_chunk_seq RESTART WITH 3000000000;
ALTER SEQUENCE chunk_placement_seq RESTART WITH 7000000000;
SQL
} > "$bench_dir/generate.sql"
t0=$(date +%s)
java -Xmx2g -cp "$h2_jar" org.h2.tools.RunScript -url "jdbc:h2:$bench_dir/data/db/catalog" -user sa -password sa \
  -script "$bench_dir/generate.sql"
generated_s=$(( $(date +%s) - t0 ))

echo "Starting the server again and measuring..."
start_server
sign_in
gen_id=b000000000000000

# p50 p95 p99 in ms of the given curl timing over $requests requests (after $warmup unmeasured ones).
measure() { # timing, url, [extra curl args]
  local timing=$1 url=$2; shift 2
  for _ in $(seq 1 $warmup); do curl -s -o /dev/null -H "$AUTH" "$@" "$url" || true; done
  for _ in $(seq 1 $requests); do
    curl -s -o /dev/null -H "$AUTH" -w "%{$timing} %{http_code}\n" "$@" "$url" || true
  done | python3 -c '
import sys
rows = [l.split() for l in sys.stdin if l.strip()]
bad = [r[1] for r in rows if r[1] != "200"]
assert not bad, "answers other than 200: %s" % bad[:5]
t = sorted(float(r[0]) * 1000 for r in rows)
p = lambda q: t[min(len(t) - 1, int(round(q * (len(t) - 1))))]
print("%.1f %.1f %.1f" % (p(0.50), p(0.95), p(0.99)))'
}
total=$(curl -s -D - -o /dev/null -H "$AUTH" "$BASE_URL/api/files/list" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-total-count" {print $2}')
chunks=$(curl -s -H "$AUTH" "$BASE_URL/api/files/$gen_id?chunks.limit=0" | python3 -c 'import json,sys; print(json.load(sys.stdin)["chunks"])')
read -r l50 l95 l99 < <(measure time_total "$BASE_URL/api/files/list")
read -r n50 n95 n99 < <(measure time_total "$BASE_URL/api/files/list?sort=name")
read -r d50 d95 d99 < <(measure time_total "$BASE_URL/api/files/list?offset=9000&limit=100&sort=size&order=asc")
read -r w50 w95 w99 < <(measure time_total "$BASE_URL/api/files/$gen_id?chunks.offset=8192&chunks.limit=256")
read -r f50 f95 f99 < <(measure time_total "$BASE_URL/api/files/$gen_id")
# A download is cut after half a second (curl's --max-time): only its first byte is measured.
read -r b50 b95 b99 < <(measure time_starttransfer "$BASE_URL/api/files/download/$big_id" --max-time 0.5)
echo "list first page: $l50 $l95 $l99 | by name: $n50 $n95 $n99 | deep page: $d50 $d95 $d99 | chunk window: $w50 $w95 $w99 | whole map: $f50 $f95 $f99 | first byte: $b50 $b95 $b99"

name=catalog-scale${label:+-$label}
body="## The catalog at scale${label:+ ($label)} (\`bench/catalog-scale.sh\`)

$(date -u +%Y-%m-%d), $(nproc) cores shared with other work (load average $(cut -d' ' -f1 /proc/loadavg)), commit $built.
One user with $total files: 10,000 written into the catalog with H2's \`RunScript\` while the server was
stopped (1,000,000 chunks and 2,000,000 copies, every copy STORED on a live node; one file of $chunks
chunks), and 6 uploaded for real (5 × 300 kB, one of 256 MiB in 4,096 chunks). Embedded H2 and Artemis,
5 nodes, 2 replicas, links unthrottled. curl from the same machine, $requests requests each after $warmup
unmeasured ones; times in ms (\`time_total\`, or \`time_starttransfer\` for the download).

| request | p50 | p95 | p99 |
|---|---|---|---|
| first page of the list (\`/api/files/list\`: 100 newest) | $l50 | $l95 | $l99 |
| first page by name (\`?sort=name\`) | $n50 | $n95 | $n99 |
| deep page (\`?offset=9000&limit=100&sort=size&order=asc\`) | $d50 | $d95 | $d99 |
| details of the $chunks-chunk file, a window of 256 chunks | $w50 | $w95 | $w99 |
| details of the $chunks-chunk file, whole chunk map | $f50 | $f95 | $f99 |
| first byte of the 256 MiB download | $b50 | $b95 | $b99 |

Generating the rows took ${generated_s} s."
source "$root/bench/report.sh"
write_section "$name" "$body"
echo "Written to docs/benchmarks.md ($name)."
