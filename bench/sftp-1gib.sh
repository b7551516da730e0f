#!/usr/bin/env bash
# Benchmark: one file (1 GiB by default) put and got over SFTP (OpenSSH's sftp, the SSH server inside the
# application) beside the same file uploaded and downloaded over REST (curl), on one server in the same run,
# unthrottled, 2 replicas; prints both and the server's heap. SFTP's put ends when the client's close
# returns, i.e. once every copy is acknowledged, like REST's ?wait=true.
# Usage: bench/sftp-1gib.sh [size-in-MiB]   Writes its figures to docs/benchmarks.md.
set -euo pipefail
size_mib=${1:-1024}
root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/target/bench-sftp"
rm -rf "$work" && mkdir -p "$work"
file="$work/input.bin"
head -c $((size_mib * 1024 * 1024)) /dev/urandom > "$file"
expected=$(sha256sum "$file" | cut -d' ' -f1)
now() { date +%s.%N; }
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$2"; }

BENCH_SERVER_OPTS="-Dp2p.link.bandwidth=0 -Dp2p.link.loss=0 -Dp2p.link.delay.min.ms=0 -Dp2p.link.delay.max.ms=0"
source "$root/bench/server.sh"
ssh_port=$((2222 + offset))
ssh-keygen -q -t ed25519 -N '' -C bench -f "$work/id_bench"
python3 - "$work/id_bench.pub" > "$work/key.json" <<'PY'
import json, sys
print(json.dumps({"name": "bench", "publicKey": open(sys.argv[1]).read().strip()}))
PY
curl -s -o /dev/null -H "$AUTH" -H 'Content-Type: application/json' -d @"$work/key.json" "$BASE_URL/api/auth/ssh-keys"
sftp_run() {
  printf '%s\n' "$1" > "$work/batch"
  (cd "$work" && sftp -q -b "$work/batch" -P "$ssh_port" -i "$work/id_bench" -o IdentitiesOnly=yes -o BatchMode=yes \
    -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -F /dev/null bench@localhost > /dev/null)
}

heap_before=$(heap_used_mib)
start=$(now)
up=$(curl -s -o "$work/upload.json" -w '%{http_code}' -H "$AUTH" -H "Content-Type: application/octet-stream" \
  -X POST -T "$file" "$BASE_URL/api/files/upload?wait=true&name=rest.bin")
rest_put=$(elapsed "$start" "$(now)")
[ "$up" = 201 ] || { echo "REST upload failed: $up $(cat "$work/upload.json")"; exit 1; }
file_id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["fileId"])' "$work/upload.json")
start=$(now)
curl -sf -o "$work/rest-out.bin" -H "$AUTH" "$BASE_URL/api/files/download/$file_id"
rest_get=$(elapsed "$start" "$(now)")
[ "$(sha256sum "$work/rest-out.bin" | cut -d' ' -f1)" = "$expected" ] || { echo "REST download differs"; exit 1; }
rm -f "$work/rest-out.bin"
curl -s -o /dev/null -X DELETE -H "$AUTH" "$BASE_URL/api/files/$file_id"
heap_rest=$(heap_used_mib)

start=$(now)
sftp_run "put input.bin sftp.bin"
sftp_put=$(elapsed "$start" "$(now)")
heap_put=$(heap_used_mib)
start=$(now)
sftp_run "get sftp.bin sftp-out.bin"
sftp_get=$(elapsed "$start" "$(now)")
[ "$(sha256sum "$work/sftp-out.bin" | cut -d' ' -f1)" = "$expected" ] || { echo "SFTP get differs"; exit 1; }
heap_after=$(heap_used_mib)
rm -f "$work/sftp-out.bin" "$file"

rate() { python3 -c "import sys; print(f'{float(sys.argv[1]) * 1.048576 / float(sys.argv[2]):.1f} MB/s ({float(sys.argv[2]):.1f} s)')" "$size_mib" "$1"; }
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.3f}')" "$1" "$2"; }
body=$(cat <<TXT
## SFTP beside REST, $size_mib MiB unthrottled ($(date -u +%Y-%m-%d), $(nproc) cores)

Script: \`bench/sftp-1gib.sh $size_mib\`. One server (embedded H2 and Artemis, 5 nodes, 64 KiB chunks,
2 replicas, links unthrottled), one file of random bytes: REST upload (\`?wait=true\`) and download with
curl, then OpenSSH $(ssh -V 2>&1 | cut -d, -f1 | cut -d_ -f2) \`sftp\` put (its close returns once every copy is
acknowledged) and get; both byte-identical (SHA-256). Ratio = REST's time / SFTP's (1.0 = as fast as REST).

| | REST | SFTP | ratio |
|---|---|---|---|
| upload | $(rate "$rest_put") | $(rate "$sftp_put") | $(ratio "$rest_put" "$sftp_put") |
| download | $(rate "$rest_get") | $(rate "$sftp_get") | $(ratio "$rest_get" "$sftp_get") |

Heap after full GC: $heap_before MiB at the start, $heap_rest after REST, $heap_put after the SFTP put,
$heap_after after the SFTP get.
TXT
)
write_section "sftp-unthrottled" "$body"
echo "$body"
