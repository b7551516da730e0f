#!/usr/bin/env bash
# Repair benchmark: 200 MB over 5 nodes with 2 replicas; one node stopped; how long until every chunk has
# its 2 copies again, against the link model, and the bytes repair moved.
# Usage: bench/repair.sh [MB]   Writes its figures to docs/benchmarks.md.
set -euo pipefail
MB=${1:-200}
BW=$((4 * 1024 * 1024))
BENCH_SERVER_OPTS="-Dp2p.link.bandwidth=0 -Dp2p.link.loss=0 -Dp2p.node.capacity=2GB -Dp2p.replicas=2 -Dp2p.repair.grace=5s -Dp2p.repair.share=0.5"
source "$(dirname "$0")/server.sh"

data="$bench_dir/files"; mkdir -p "$data"
head -c $((MB * 1000 * 1000)) /dev/urandom > "$data/repair.bin"
id=$(curl -s -H "$AUTH" -H 'Content-Type: application/octet-stream' -X POST -T "$data/repair.bin" \
  "$BASE_URL/api/files/upload?wait=true&name=repair.bin" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["status"]=="AVAILABLE", d; print(d["fileId"])')
for n in 1 2 3 4 5; do
  curl -s -o /dev/null -X PUT -H "$AUTH" -H 'Content-Type: application/json' \
    -d "{\"bandwidthBytesPerSecond\":$BW,\"delayMinMs\":1,\"delayMaxMs\":5,\"lossRate\":0.01}" "$BASE_URL/api/network/nodes/Node_0$n/link"
done
copies_on=$(curl -s -H "$AUTH" "$BASE_URL/api/files/$id" | python3 -c '
import json,sys; d=json.load(sys.stdin); print(sum(1 for c in d["chunkMap"] for k in c["copies"] if k["node"]=="Node_03"))')
t0=$(date +%s.%N)
curl -s -o /dev/null -X POST -H "$AUTH" "$BASE_URL/api/network/nodes/Node_03/stop"
while :; do
  status=$(curl -s -H "$AUTH" "$BASE_URL/api/repair")
  done=$(echo "$status" | python3 -c '
import json,sys; d=json.load(sys.stdin); r=d.get("lastRun"); print(1 if r and d["chunksAtRisk"]==0 and d["copiesInFlight"]==0 and r["copies"]>0 else 0)')
  [ "$done" = 1 ] && break
  sleep 1
done
t1=$(date +%s.%N)
read -r copies bytes model actual < <(echo "$status" | python3 -c '
import json,sys; r=json.load(sys.stdin)["lastRun"]; print(r["copies"], r["bytes"], r["modelMs"], r["actualMs"])')
health=$(curl -s -H "$AUTH" "$BASE_URL/api/files/$id" | python3 -c 'import json,sys; print(json.load(sys.stdin)["health"])')
wall=$(python3 -c "print(round($t1 - $t0, 1))")
ratio=$(python3 -c "print(round($actual / $model, 4) if $model else 'n/a')")
ideal=$(python3 -c "print(round($bytes / (4 * 0.5 * $BW), 1))")
body="## Repair after a lost node (\`bench/repair.sh\`)

$(date -u +%Y-%m-%d), $(nproc) cores. ${MB} MB of random bytes uploaded unthrottled to 5 nodes with 2 replicas,
then every link set to $((BW / 1024 / 1024)) MiB/s (1-5 ms, 1 % loss), repair's share 0.5, grace 5 s; Node_03
(holding $copies_on copies) stopped.

| figure | value |
|---|---|
| copies repaired | $copies |
| bytes moved by repair | $bytes |
| repair time, first copy sent to last acknowledged | $((actual)) ms |
| the link model's time for the same bookings | $((model)) ms |
| measured / model | $ratio |
| lower bound: bytes over 4 live links at repair's share | ${ideal} s |
| stop to healthy (grace, scans and repair), wall clock | ${wall} s |
| file health afterwards | $health |"
echo "$body"
write_section repair "$body"
