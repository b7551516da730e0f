#!/usr/bin/env bash
# Benchmark: uploads and downloads one file (1 GiB by default) unthrottled through the whole system
# (HTTP, chunking, Artemis, node disks, catalog) and reports MB/s and the server's heap around it.
# Usage: bench/transfer-1gib.sh [size-in-MiB]   Writes its figures to docs/benchmarks.md.
set -euo pipefail
size_mib=${1:-1024}
BENCH_SERVER_OPTS="-Dp2p.link.bandwidth=0 -Dp2p.link.loss=0 -Dp2p.link.delay.min.ms=0 -Dp2p.link.delay.max.ms=0"
source "$(dirname "$0")/server.sh"

file="$bench_dir/input.bin"
head -c $((size_mib * 1024 * 1024)) /dev/urandom > "$file"
expected=$(sha256sum "$file" | cut -d' ' -f1)
heap_max=$(jcmd "$SERVER_JAVA_PID" VM.flags 2>/dev/null | grep -oE 'MaxHeapSize=[0-9]+' | head -1 | cut -d= -f2 || echo 0)
heap_before=$(heap_used_mib)

up=$(curl -s -o "$bench_dir/upload.json" -w '%{http_code} %{time_total}' \
  -H "$AUTH" -H "Content-Type: application/octet-stream" -X POST -T "$file" \
  "$BASE_URL/api/files/upload?wait=true&name=bench.bin")
[ "${up%% *}" = 201 ] || { echo "upload failed: $up $(cat "$bench_dir/upload.json")"; exit 1; }
up_s=${up#* }
file_id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["fileId"])' "$bench_dir/upload.json")
heap_after_upload=$(heap_used_mib)

down=$(curl -s -o "$bench_dir/output.bin" -w '%{http_code} %{time_total}' -H "$AUTH" "$BASE_URL/api/files/download/$file_id")
[ "${down%% *}" = 200 ] || { echo "download failed: $down"; exit 1; }
down_s=${down#* }
actual=$(sha256sum "$bench_dir/output.bin" | cut -d' ' -f1)
[ "$expected" = "$actual" ] || { echo "download differs from upload"; exit 1; }
heap_after=$(heap_used_mib)
rm -f "$file" "$bench_dir/output.bin"

mbps() { python3 -c "print(f'{$size_mib * 1.048576 / $1:.1f}')"; }
body=$(cat <<TXT
## Unthrottled transfer of $size_mib MiB ($(date -u +%Y-%m-%d), $(nproc) cores)

Script: \`bench/transfer-1gib.sh $size_mib\`. One raw upload (\`?wait=true\`: until every chunk is
acknowledged), then one download, byte-identical (SHA-256 checked). Embedded H2 and Artemis, 5 nodes,
64 KiB chunks, links unthrottled (no bandwidth limit, delay or loss).

| step | time | throughput |
|---|---|---|
| upload (until AVAILABLE) | ${up_s} s | $(mbps "$up_s") MB/s |
| download | ${down_s} s | $(mbps "$down_s") MB/s |

Server heap (used after a full GC; maximum $((heap_max / 1048576)) MiB): before ${heap_before} MiB,
after the upload ${heap_after_upload} MiB, after the download ${heap_after} MiB.
TXT
)
write_section "transfer-unthrottled" "$body"
echo "$body"
