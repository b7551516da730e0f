#!/usr/bin/env bash
# Benchmark: one file (1 GiB by default) uploaded and downloaded unthrottled through the whole system (HTTP,
# chunking, Artemis, node disks, catalog), with 1 and with 2 replicas, beside nginx (Debian's nginx-light,
# WebDAV PUT and GET of the same file on loopback) in the same run; prints the ratios and the server's heap.
# Each server is warmed up first (WARMUP rounds, default 10, of a 256 MiB upload and download), so the figures
# are the steady state of a running server, not the JIT compiler's first minutes: the application's per-chunk path
# runs through thousands of methods that the JIT compiles only after ~15,000 calls each, and the compilations go
# on for about 10 rounds. The warm-up files are deleted after the measured transfer, not before it: on a
# journal-less ext4 (this machine's), creating a file scans past every inode deleted in the last minutes, and
# deleting the warm-up's tens of thousands of chunk files just before the measured upload made each chunk file's creation cost
# about 15 % of the server's CPU (see docs/benchmarks.md).
# Usage: bench/transfer-1gib.sh [size-in-MiB]   Writes its figures to docs/benchmarks.md.
set -euo pipefail
size_mib=${1:-1024}
root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/target/bench-transfer"
rm -rf "$work" && mkdir -p "$work"
file="$work/input.bin"
head -c $((size_mib * 1024 * 1024)) /dev/urandom > "$file"
warmup_rounds=${WARMUP:-10}
head -c $((256 * 1024 * 1024)) /dev/urandom > "$work/warmup.bin"
expected=$(sha256sum "$file" | cut -d' ' -f1)
# warm_up UPLOAD_BASE AUTH DOWNLOAD_BASE...: WARMUP rounds of a 256 MiB upload and a download through each base;
# the files' ids are kept in $work/warmup-ids for delete_warm_up (after the measured transfer).
warm_up() {
  local up=$1 auth=$2 round warm_id via
  shift 2
  : > "$work/warmup-ids"
  for round in $(seq 1 "$warmup_rounds"); do
    curl -s -o "$work/warmup.json" -H "$auth" -H "Content-Type: application/octet-stream" -X POST \
      -T "$work/warmup.bin" "$up/api/files/upload?wait=true&name=warmup-$round.bin"
    warm_id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["fileId"])' "$work/warmup.json")
    echo "$warm_id" >> "$work/warmup-ids"
    for via in "$@"; do
      curl -s -o /dev/null -H "$auth" "$via/api/files/download/$warm_id"
    done
  done
}
# delete_warm_up BASE AUTH: deletes the warm-up's files (their deletion must not come just before a measured upload).
delete_warm_up() {
  local warm_id
  while read -r warm_id; do
    curl -s -o /dev/null -H "$2" -X DELETE "$1/api/files/$warm_id"
  done < "$work/warmup-ids"
}
seconds() { python3 -c "import sys; print(sorted(map(float, sys.argv[1:]))[len(sys.argv[1:]) // 2])" "$@"; }

# The peer: nginx writing and serving the same file (median of three runs each).
command -v nginx > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx-light > /dev/null; }
mkdir -p "$work/nginx/root" "$work/nginx/tmp"
chmod 0777 "$work/nginx/root" "$work/nginx/tmp" # nginx's workers run as www-data
cat > "$work/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path $work/nginx/tmp;
  server {
    listen 127.0.0.1:8399;
    root $work/nginx/root;
    client_max_body_size 0;
    location / { dav_methods PUT; create_full_put_path on; }
  }
}
CONF
nginx -c "$work/nginx/nginx.conf"
trap 'nginx -c "$work/nginx/nginx.conf" -s stop 2> /dev/null || true' EXIT
puts=(); gets=()
for _ in 1 2 3; do
  puts+=("$(curl -s -o /dev/null -w '%{time_total}' -T "$file" http://127.0.0.1:8399/input.bin)")
  gets+=("$(curl -s -o "$work/nginx-out.bin" -w '%{time_total}' http://127.0.0.1:8399/input.bin)")
done
[ "$(sha256sum "$work/nginx-out.bin" | cut -d' ' -f1)" = "$expected" ] || { echo "nginx returned other bytes"; exit 1; }
rm -f "$work/nginx-out.bin" "$work/nginx/root/input.bin"
nginx -c "$work/nginx/nginx.conf" -s stop
nginx_put=$(seconds "${puts[@]}"); nginx_get=$(seconds "${gets[@]}")

# p2p-storage, with 1 and with 2 replicas: a server of its own each time.
for replicas in 1 2; do
  (
    BENCH_SERVER_OPTS="-Dp2p.replicas=$replicas -Dp2p.link.bandwidth=0 -Dp2p.link.loss=0 -Dp2p.link.delay.min.ms=0 -Dp2p.link.delay.max.ms=0"
    source "$root/bench/server.sh"
    warm_up "$BASE_URL" "$AUTH" "$BASE_URL"
    heap_before=$(heap_used_mib)
    up=$(curl -s -o "$bench_dir/upload.json" -w '%{http_code} %{time_total}' -H "$AUTH" \
      -H "Content-Type: application/octet-stream" -X POST -T "$file" "$BASE_URL/api/files/upload?wait=true&name=bench.bin")
    [ "${up%% *}" = 201 ] || { echo "upload failed: $up $(cat "$bench_dir/upload.json")"; exit 1; }
    file_id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["fileId"])' "$bench_dir/upload.json")
    heap_upload=$(heap_used_mib)
    down=$(curl -s -o "$work/output.bin" -w '%{http_code} %{time_total}' -H "$AUTH" "$BASE_URL/api/files/download/$file_id")
    [ "${down%% *}" = 200 ] || { echo "download failed: $down"; exit 1; }
    [ "$(sha256sum "$work/output.bin" | cut -d' ' -f1)" = "$expected" ] || { echo "download differs from upload"; exit 1; }
    heap_after=$(heap_used_mib)
    rm -f "$work/output.bin"
    delete_warm_up "$BASE_URL" "$AUTH"
    echo "$replicas ${up#* } ${down#* } $heap_before $heap_upload $heap_after" >> "$work/results"
    grep -q 'Using AIO Journal' "$bench_dir/server.log" && echo AIO > "$work/journal" || echo NIO > "$work/journal"
  )
done

# The same transfer on the scale-out topology (scale-out/start.sh: PostgreSQL, a standalone Artemis broker, two
# servers each hosting part of the nodes), 2 replicas: uploaded through server-a (the copies for server-b's nodes
# cross the broker to it), downloaded through server-b and through server-a (each chunk has a copy on each
# server, and a download reads the one hosted where it is served). SCALE_OUT=0 skips it.
if [ "${SCALE_OUT:-1}" = 1 ]; then
  (
    export P2P_REPLICAS=2 P2P_LINK_BANDWIDTH=0 P2P_LINK_LOSS=0 P2P_LINK_DELAY_MIN_MS=0 P2P_LINK_DELAY_MAX_MS=0 \
      P2P_SCALE_OUT_JAVA_OPTS="-Xms1g -Xmx1g"
    source "$root/bench/scale-out.sh"
    start_scale_out
    server_a_pid=$(cat "$work/scale-out/server-a/server.pid")
    heap_a() {
      jcmd "$server_a_pid" GC.run > /dev/null 2>&1 || true
      jcmd "$server_a_pid" GC.heap_info 2> /dev/null | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub("K,?","",v); printf "%.0f\n", v/1024; exit}}'
    }
    warm_up "$a" "$auth" "$b" "$a"
    heap_before=$(heap_a)
    up=$(curl -s -o "$work/upload.json" -w '%{http_code} %{time_total}' -H "$auth" \
      -H "Content-Type: application/octet-stream" -X POST -T "$file" "$a/api/files/upload?wait=true&name=bench.bin")
    [ "${up%% *}" = 201 ] || { echo "scale-out upload failed: $up $(cat "$work/upload.json")"; exit 1; }
    file_id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["fileId"])' "$work/upload.json")
    heap_upload=$(heap_a)
    for via in "$b" "$a"; do
      down=$(curl -s -o "$work/output.bin" -w '%{http_code} %{time_total}' -H "$auth" "$via/api/files/download/$file_id")
      [ "${down%% *}" = 200 ] || { echo "scale-out download failed: $down"; exit 1; }
      [ "$(sha256sum "$work/output.bin" | cut -d' ' -f1)" = "$expected" ] || { echo "scale-out download differs"; exit 1; }
      echo "${down#* }" >> "$work/scale-out-downloads"
    done
    heap_after=$(heap_a)
    rm -f "$work/output.bin"
    delete_warm_up "$a" "$auth"
    echo "2 ${up#* } $(head -1 "$work/scale-out-downloads") $heap_before $heap_upload $heap_after" > "$work/scale-out-results"
  )
fi
rm -f "$file" "$work/warmup.bin"

row() {
  python3 - "$size_mib" "$nginx_put" "$nginx_get" "$@" <<'PY'
import sys
mib, nput, nget, replicas, up, down, hb, hu, ha = sys.argv[1:]
mb = float(mib) * 1.048576
print(f"| {replicas} | {mb/float(up):.1f} MB/s ({float(up):.1f} s) | {float(nput)/float(up):.3f} | "
      f"{mb/float(down):.1f} MB/s ({float(down):.1f} s) | {float(nget)/float(down):.3f} | {hb} → {hu} → {ha} MiB ({int(ha)-int(hb):+d}) |")
PY
}
mb() { python3 -c "print(f'{$size_mib * 1.048576 / $1:.1f}')"; }
rows=$(while read -r line; do row $line; done < "$work/results")
scale_out_rows=""
if [ -f "$work/scale-out-results" ]; then
  scale_out_rows=$(row $(cat "$work/scale-out-results") | sed 's/^| 2 |/| 2, scale-out: up through server-a, down through server-b |/')
  via_a=$(sed -n 2p "$work/scale-out-downloads")
  scale_out_rows="$scale_out_rows
| 2, scale-out: down through server-a | | | $(mb "$via_a") MB/s ($(python3 -c "print(f'{$via_a:.1f}')") s) | $(python3 -c "print(f'{$nginx_get/$via_a:.3f}')") | |"
fi
body=$(cat <<TXT
## Unthrottled transfer of $size_mib MiB beside nginx ($(date -u +%Y-%m-%d), $(nproc) cores)

Script: \`bench/transfer-1gib.sh $size_mib\`. One raw upload of random bytes (\`?wait=true\`: from the
client's start until every copy is acknowledged, the file AVAILABLE), then one download, byte-identical
(SHA-256 checked, every chunk verified by the server). Embedded H2 and Artemis, 5 nodes, 64 KiB chunks,
links unthrottled; a fresh server for each replication factor, warmed up with $warmup_rounds rounds of a 256 MiB
upload and download before the measured transfer (0 rounds = a cold server; the warm-up files are deleted after
it); Artemis journal: $(cat "$work/journal"). The peer, in the same run: nginx
$(nginx -v 2>&1 | cut -d/ -f2) (Debian's nginx-light, 2 workers) writing the same file with WebDAV \`PUT\`
($(mb "$nginx_put") MB/s) and serving it with \`GET\` ($(mb "$nginx_get") MB/s), median of three each,
on loopback. Ratio = nginx's time / ours (1.0 = as fast as nginx). The scale-out rows (\`SCALE_OUT=1\`, the
default) run the same transfer in the same run on \`scale-out/start.sh\`'s topology: PostgreSQL, a standalone
Artemis broker and two WildFly servers on this one machine, server-a hosting Node_01-Node_03 and server-b
Node_04-Node_05 (each chunk has a copy on each server); the heap is server-a's.

| replicas | upload | vs nginx PUT | download | vs nginx GET | heap after full GC: before → after upload → after download |
|---|---|---|---|---|---|
$rows
$scale_out_rows
TXT
)
source "$root/bench/report.sh"
write_section "transfer-unthrottled" "$body"
echo "$body"
