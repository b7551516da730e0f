#!/usr/bin/env bash
# Benchmark: a class over SFTP on throttled links. SESSIONS OpenSSH sftp sessions at once, each putting one file
# (its close answered once every copy is stored) and getting another, over links of BANDWIDTH bytes/s (no delay,
# no loss), 5 nodes, 2 replicas, while the server's threads are counted (/proc/<pid>/status). Compares the batch's
# wall time with the link model and says how many threads the sessions added at their peak: an SFTP session has
# MINA's request thread of its own; nothing else should wait while the links deliver.
# Usage: bench/sftp-class.sh [sessions] [file-KiB] [bandwidth]   Writes its figures to docs/benchmarks.md.
set -euo pipefail
sessions=${1:-50}
kib=${2:-128}
bandwidth=${3:-65536}
BENCH_SERVER_OPTS="-Dp2p.link.loss=0 -Dp2p.link.delay.min.ms=0 -Dp2p.link.delay.max.ms=0 -Dp2p.node.capacity=2GB"
source "$(dirname "$0")/server.sh"
work="$bench_dir/sftp-class"
mkdir -p "$work"
ssh-keygen -q -t ed25519 -N '' -C bench -f "$work/id_bench"
python3 - "$work/id_bench.pub" > "$work/key.json" <<'PY'
import json, sys
print(json.dumps({"name": "bench", "publicKey": open(sys.argv[1]).read().strip()}))
PY
curl -sf -o /dev/null -H "$AUTH" -H 'Content-Type: application/json' -d @"$work/key.json" "$BASE_URL/api/auth/ssh-keys"
token=${AUTH#Authorization: Bearer }
figures=$(python3 "$root/bench/sftp_class.py" "$BASE_URL" "$token" "$sessions" $((kib * 1024)) "$bandwidth" \
  $((2222 + offset)) "$work/id_bench" "$SERVER_JAVA_PID" "$work")
echo "$figures"
field() { python3 -c "import json,sys; d=json.loads(sys.argv[1]); print(eval(sys.argv[2], {}, d))" "$figures" "$1"; }
body=$(cat <<TXT
## A class over SFTP on throttled links ($(date -u +%Y-%m-%d), $(nproc) cores)

Script: \`bench/sftp-class.sh $sessions $kib $bandwidth\`. $sessions OpenSSH \`sftp\` sessions at once, each putting a
${kib} KiB file (its close answered once every copy is stored) and getting another: $((sessions * 2)) transfers over
links of $bandwidth bytes/s (no delay, no loss), 5 nodes, 2 replicas. The server's threads are counted every 100 ms.

| figure | value |
|---|---|
| wall time of the batch | $(field wall_s) s |
| link model (busiest link direction's bytes / bandwidth) | $(field model_s) s |
| wall / model | $(field ratio) |
| puts stored whole (SHA-256) / gets byte-identical | $(field puts_identical) / $(field gets_identical) of $sessions |
| server threads before / at the peak | $(field threads_idle) / $(field threads_peak) (+$(field threads_added) for $sessions sessions) |
TXT
)
write_section "sftp-class" "$body"
echo "$body"
