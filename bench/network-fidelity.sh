#!/usr/bin/env bash
# Fidelity benchmark of the simulated network: measures transfers through throttled links against the
# link model and the ideal, and the server's thread count while 1000 chunks are in flight.
# Usage: bench/network-fidelity.sh [replicas]   Writes its figures to docs/benchmarks.md.
set -euo pipefail
replicas=${1:-2}
BENCH_SERVER_OPTS="-Dp2p.replicas=$replicas -Dp2p.link.bandwidth=64KiB -Dp2p.link.loss=0 -Dp2p.link.horizon.ms=120000 -Dp2p.node.capacity=1GB"
source "$(dirname "$0")/server.sh"

link() {  # node bandwidth loss
  curl -s -o /dev/null -X PUT -H "$AUTH" -H 'Content-Type: application/json' \
    -d "{\"bandwidthBytesPerSecond\":$2,\"delayMinMs\":1,\"delayMaxMs\":10,\"lossRate\":$3}" "$BASE_URL/api/network/nodes/$1/link"
}
nodes() {  # start|stop node...
  local action=$1; shift
  for n in "$@"; do curl -s -o /dev/null -X POST -H "$AUTH" "$BASE_URL/api/network/nodes/$n/$action"; done
}
now() { date +%s.%N; }
upload() {  # file name -> prints fileId
  curl -s -H "$AUTH" -H 'Content-Type: application/octet-stream' -X POST -T "$1" "$BASE_URL/api/files/upload?wait=true&name=$2" \
    | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["status"]=="AVAILABLE", d; print(d["fileId"])'
}
expected_s() {  # fileId -> the link model's expected seconds
  curl -s -H "$AUTH" "$BASE_URL/api/transfers/$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["expectedMs"]/1000)'
}
calc() { python3 -c "print($1)"; }
data="$bench_dir/files"; mkdir -p "$data"

# 1. 1 MiB to one node at 65,536 B/s.
nodes stop Node_02 Node_03 Node_04 Node_05
link Node_01 65536 0
head -c 1048576 /dev/urandom > "$data/one.bin"
t0=$(now); id=$(upload "$data/one.bin" one.bin); t1=$(now)
one_measured=$(calc "round($t1 - $t0, 2)"); one_model=$(expected_s "$id")

# 2. k concurrent transfers sharing one link: goodput over >= 30 s (2 MiB in all).
shared_rows=""
for k in 2 4 8; do
  size=$((2097152 / k))
  for i in $(seq 1 $k); do head -c $size /dev/urandom > "$data/share-$k-$i.bin"; done
  t0=$(now)
  pids=()
  for i in $(seq 1 $k); do upload "$data/share-$k-$i.bin" "share-$k-$i.bin" > "$data/id-$k-$i" & pids+=($!); done
  wait "${pids[@]}"
  t1=$(now)
  goodput=$(calc "round(2097152 / ($t1 - $t0))")
  shared_rows+="| $k transfers × $((size / 1024)) KiB | $(calc "round($t1 - $t0, 2)") s | $goodput B/s | $(calc "round(($goodput - 65536) * 100 / 65536, 2)") % |"$'\n'
done

# 3. 2.5 MB over 5 nodes, on an empty drive: the files above have one copy per chunk (one node was up), and with
# 2 replicas their repair would cross the same links as this upload once the nodes are back.
curl -s -o /dev/null -X DELETE -H "$AUTH" "$BASE_URL/api/files/$id"
for f in "$data"/id-*; do curl -s -o /dev/null -X DELETE -H "$AUTH" "$BASE_URL/api/files/$(cat "$f")"; done
nodes start Node_02 Node_03 Node_04 Node_05
for n in 1 2 3 4 5; do link Node_0$n 65536 0; done
head -c 2500000 /dev/urandom > "$data/spread.bin"
t0=$(now); id=$(upload "$data/spread.bin" spread.bin); t1=$(now)
spread_measured=$(calc "round($t1 - $t0, 2)"); spread_model=$(expected_s "$id")

# 4. Threads while 1000 chunks are in flight (links at 1 MiB/s, all chunks booked at once).
for n in 1 2 3 4 5; do link Node_0$n 1048576 0.01; done
threads() { awk '/^Threads:/ {print $2}' /proc/"$SERVER_JAVA_PID"/status; }
idle_threads=$(threads)
head -c $((1000 * 65536)) /dev/urandom > "$data/thousand.bin"
upload "$data/thousand.bin" thousand.bin > "$data/id-thousand" &
up_pid=$!
max_threads=$idle_threads; samples=0
while kill -0 $up_pid 2> /dev/null; do
  t=$(threads); samples=$((samples + 1)); [ "$t" -gt "$max_threads" ] && max_threads=$t
  sleep 0.5
done
wait $up_pid
rm -rf "$data"

err() { calc "round(($1 - $2) * 100 / $2, 2)"; }
body=$(cat <<TXT
## Network fidelity with $replicas replica(s) ($(date -u +%Y-%m-%d), $(nproc) cores)

Script: \`bench/network-fidelity.sh $replicas\`. Every chunk stored $replicas time(s) (with one node up, once).
Links at 65,536 B/s with 1-10 ms delay and no loss; "measured" is
the client's wall time for an upload with \`?wait=true\` (HTTP, chunking and the last acknowledgement
included); "model" is the link model's expected time for the same transfer (\`GET /api/transfers/{id}\`).
The ideal for 2.5 MB assumes its bytes ($replicas copies) split evenly over 5 links; in 64 KiB chunks the
busiest link carries whole chunks, which the model counts.

| transfer | ideal | model | measured | measured vs model |
|---|---|---|---|---|
| 1 MiB to one node | 16.00 s | ${one_model} s | ${one_measured} s | $(err "$one_measured" "$one_model") % |
| 2.5 MB over 5 nodes | $(calc "round(7.63 * $replicas, 2)") s | ${spread_model} s | ${spread_measured} s | $(err "$spread_measured" "$spread_model") % |

Concurrent transfers sharing one link (configured 65,536 B/s; goodput = all bytes / wall time):

| load | wall time | goodput | vs configured |
|---|---|---|---|
${shared_rows}
Threads of the server while 1000 chunks (62.5 MiB) cross links of 1 MiB/s with all of them booked at
once (so they wait in the broker, not in threads): ${idle_threads} idle, at most ${max_threads} during the
transfer (${samples} samples, every 0.5 s).
TXT
)
write_section "network-fidelity-$replicas" "$body"
echo "$body"
