#!/usr/bin/env bash
# Benchmark: a class on throttled links. USERS students each upload one file and download another, all at
# once, over links of BANDWIDTH bytes/s (no delay, no loss), while a poller times GET /api/files/list and
# the portal's My Drive page. Compares the batch's wall time with the link model (the busiest link
# direction's bytes over its bandwidth). Usage: bench/class.sh [users] [file-KiB] [bandwidth]
set -euo pipefail
users=${1:-100}
kib=${2:-128}
bandwidth=${3:-65536}
BENCH_SERVER_OPTS="-Dp2p.link.loss=0 -Dp2p.link.delay.min.ms=0 -Dp2p.link.delay.max.ms=0 -Dp2p.node.capacity=2GB"
source "$(dirname "$0")/server.sh"
token=${AUTH#Authorization: Bearer }
figures=$(python3 "$root/bench/class.py" "$BASE_URL" "$token" "$users" $((kib * 1024)) "$bandwidth")
echo "$figures"
field() { python3 -c "import json,sys; d=json.loads(sys.argv[1]); print(eval(sys.argv[2], {}, d))" "$figures" "$1"; }
body=$(cat <<TXT
## A class on throttled links ($(date -u +%Y-%m-%d), $(nproc) cores)

Script: \`bench/class.sh $users $kib $bandwidth\`. $users users each upload a ${kib} KiB file (\`?wait=true\`,
answered when every copy is acknowledged) and download another, all at once: $((users * 2)) transfers over
links of $bandwidth bytes/s (no delay, no loss), 5 nodes, 2 replicas; meanwhile one user's
\`GET /api/files/list\` and My Drive page are timed every 200 ms. Embedded defaults otherwise.

| figure | value |
|---|---|
| wall time of the batch | $(field wall_s) s |
| link model (busiest link direction's bytes / bandwidth) | $(field model_s) s |
| wall / model | $(field ratio) |
| uploads byte-identical (SHA-256) | $(field uploads_identical) / $users |
| downloads byte-identical | $(field downloads_identical) / $users |
| \`GET /api/files/list\` p50 / p99 / max | $(field 'list_ms["p50"]') / $(field 'list_ms["p99"]') / $(field 'list_ms["max"]') ms ($(field 'list_ms["n"]') requests) |
| My Drive page p50 / p99 / max | $(field 'drive_ms["p50"]') / $(field 'drive_ms["p99"]') / $(field 'drive_ms["max"]') ms ($(field 'drive_ms["n"]') requests) |
TXT
)
write_section "class" "$body"
echo "$body"
