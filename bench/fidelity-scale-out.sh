#!/usr/bin/env bash
# Fidelity of a link shared by two servers: on scale-out/start.sh's topology (PostgreSQL, a standalone Artemis
# broker, server-a hosting Node_01-Node_03 and server-b Node_04-Node_05), every node but Node_04 is stopped and
# its link throttled; uploads through both servers at once then share that one link, booked on its host's
# (server-b's) clock. Measures the goodput against the configured bandwidth, and one upload through each server
# against the link model (bytes / bandwidth).
# Usage: bench/fidelity-scale-out.sh   Writes its figures to docs/benchmarks.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/target/bench-fidelity-scale-out"
rm -rf "$work" && mkdir -p "$work/files"
bandwidth=65536

(cd "$root" && ./mvnw -B -q -DskipTests package)
export P2P_REPLICAS=1 P2P_LINK_BANDWIDTH=$bandwidth P2P_LINK_LOSS=0 P2P_LINK_DELAY_MIN_MS=1 P2P_LINK_DELAY_MAX_MS=10 \
  P2P_LINK_HORIZON_MS=120000 P2P_NODE_CAPACITY=1GB
source "$root/bench/scale-out.sh"
start_scale_out

now() { date +%s.%N; }
calc() { python3 -c "print($1)"; }
upload() {  # server file name -> prints fileId once every copy is stored
  curl -s -H "$auth" -H 'Content-Type: application/octet-stream' -X POST -T "$2" "$1/api/files/upload?wait=true&name=$3" \
    | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["status"]=="AVAILABLE", d; print(d["fileId"])'
}
on_node_04() {  # fileId -> how many of its chunks have a copy on Node_04 and how many it has (from server-a)
  curl -s -H "$auth" "$a/api/files/$1" | python3 -c '
import json,sys; chunks=json.load(sys.stdin)["chunkMap"]
print(sum(1 for c in chunks if any(p["node"]=="Node_04" for p in c["copies"])), len(chunks))'
}

for n in Node_01 Node_02 Node_03 Node_05; do
  curl -s -o /dev/null -w '%{http_code}\n' -X POST -H "$auth" "$a/api/network/nodes/$n/stop" | grep -q 20 \
    || { echo "could not stop $n"; exit 1; }
done
for _ in $(seq 1 30); do  # both servers see the stops (through the shared registry)
  live=$(curl -s -H "$auth" "$b/api/network/nodes" | python3 -c 'import json,sys; print(sum(1 for n in json.load(sys.stdin) if n["state"]!="STOPPED"))')
  [ "$live" = 1 ] && break; sleep 1
done

# 0. Warm-up: one chunk through each server (a cold server's first cross-server transfer includes class loading).
head -c 65536 /dev/urandom > "$work/files/warm.bin"
for server in $a $b; do
  id=$(upload "$server" "$work/files/warm.bin" warm.bin); curl -s -o /dev/null -X DELETE -H "$auth" "$server/api/files/$id"
done

# 1. One 1 MiB upload through each server, alone on the link.
one_rows=""
head -c 1048576 /dev/urandom > "$work/files/one.bin"
for via in a b; do
  server=$a; [ $via = b ] && server=$b
  t0=$(now); id=$(upload "$server" "$work/files/one.bin" "one-$via.bin"); t1=$(now)
  placed=$(on_node_04 "$id")
  model=$(calc "1048576 / $bandwidth")
  one_rows+="| 1 MiB through server-$via | $(calc "round($model, 2)") s | $(calc "round($t1 - $t0, 2)") s | $(calc "round(($t1 - $t0 - $model) * 100 / $model, 2)") % | ${placed% *} of ${placed#* } |"$'\n'
  curl -s -o /dev/null -X DELETE -H "$auth" "$server/api/files/$id"
done

# 2. k uploads at once, half through each server, sharing Node_04's link: 2 MiB in all.
shared_rows=""
for k in 2 4 8; do
  size=$((2097152 / k))
  pids=()
  for i in $(seq 1 $k); do head -c $size /dev/urandom > "$work/files/share-$k-$i.bin"; done
  t0=$(now)
  for i in $(seq 1 $k); do
    server=$a; [ $((i % 2)) = 0 ] && server=$b
    upload "$server" "$work/files/share-$k-$i.bin" "share-$k-$i.bin" > "$work/files/id-$k-$i" & pids+=($!)
  done
  wait "${pids[@]}"
  t1=$(now)
  goodput=$(calc "round(2097152 / ($t1 - $t0))")
  shared_rows+="| $k uploads × $((size / 1024)) KiB, $((k / 2)) through each server | $(calc "round($t1 - $t0, 2)") s | $goodput B/s | $(calc "round(($goodput - $bandwidth) * 100 / $bandwidth, 2)") % |"$'\n'
  for i in $(seq 1 $k); do curl -s -o /dev/null -X DELETE -H "$auth" "$a/api/files/$(cat "$work/files/id-$k-$i")"; done
done

body=$(cat <<TXT
## Network fidelity across two servers ($(date -u +%Y-%m-%d), $(nproc) cores)

Script: \`bench/fidelity-scale-out.sh\`. The scale-out topology of \`scale-out/start.sh\` on this one machine
(PostgreSQL, a standalone Artemis broker, server-a hosting Node_01-Node_03 and server-b Node_04-Node_05), 1
replica, every node stopped but Node_04 (server-b's), links at $bandwidth B/s with 1-10 ms delay and no loss. A
chunk uploaded through server-a crosses the broker to server-b, which books it on its clock of Node_04's link,
the clock server-b's own uploads use too. "Measured" is the client's wall time of an upload with \`?wait=true\`
(HTTP, chunking, the broker hops and the last acknowledgement included); the model is bytes / bandwidth.
Each server first takes one 64 KiB upload, unmeasured.

| transfer | model | measured | measured vs model | chunks on Node_04 |
|---|---|---|---|---|
${one_rows}
Concurrent uploads through both servers sharing Node_04's link (goodput = all bytes / wall time):

| load | wall time | goodput | vs configured |
|---|---|---|---|
${shared_rows}
TXT
)
source "$root/bench/report.sh"
write_section "fidelity-scale-out" "$body"
echo "$body"
