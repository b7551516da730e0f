#!/usr/bin/env bash
# Benchmark: one file (1 GiB by default) uploaded and downloaded over REST (curl), over gRPC (the generated
# Java client the ITs use, org.p2pstorage.it.GrpcTransfer) and over SFTP (OpenSSH's sftp, the SSH server
# inside the application), on one server in the same run, unthrottled, 2 replicas; prints all three and the
# server's heap after a full GC. Each upload ends once every copy is acknowledged: REST's ?wait=true,
# gRPC's header wait=true, SFTP's close. Each download is checked byte-identical (SHA-256).
# Usage: bench/remote-1gib.sh [size-in-MiB]   Writes its figures to docs/benchmarks.md.
set -euo pipefail
size_mib=${1:-1024}
root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/target/bench-remote"
rm -rf "$work" && mkdir -p "$work"
file="$work/input.bin"
head -c $((size_mib * 1024 * 1024)) /dev/urandom > "$file"
expected=$(sha256sum "$file" | cut -d' ' -f1)
now() { date +%s.%N; }
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$2"; }
same() { [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$expected" ] || { echo "$2 download differs"; exit 1; }; rm -f "$1"; }

# The gRPC client: the integration tests' compiled classes and their test class path (grpc-java, the stubs).
(cd "$root" && ./mvnw -B -q -DskipTests package dependency:build-classpath -pl integration-tests -am \
  -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt")
grpc_cp="$root/integration-tests/target/test-classes:$(cat "$work/classpath.txt")"

BENCH_SERVER_OPTS="-Dp2p.link.bandwidth=0 -Dp2p.link.loss=0 -Dp2p.link.delay.min.ms=0 -Dp2p.link.delay.max.ms=0"
source "$root/bench/server.sh"
ssh_port=$((2222 + offset))
grpc_port=$((9090 + offset))
token=${AUTH#Authorization: Bearer }
grpc() { java -cp "$grpc_cp" -Dit.suite.grpc="$grpc_port" org.p2pstorage.it.GrpcTransfer "$@"; }
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
same "$work/rest-out.bin" REST
curl -s -o /dev/null -X DELETE -H "$AUTH" "$BASE_URL/api/files/$file_id"
heap_rest=$(heap_used_mib)

start=$(now)
file_id=$(grpc upload "$token" "$file" grpc.bin)
grpc_put=$(elapsed "$start" "$(now)")
heap_grpc_put=$(heap_used_mib)
start=$(now)
grpc download "$token" "$file_id" "$work/grpc-out.bin"
grpc_get=$(elapsed "$start" "$(now)")
same "$work/grpc-out.bin" gRPC
curl -s -o /dev/null -X DELETE -H "$AUTH" "$BASE_URL/api/files/$file_id"
heap_grpc=$(heap_used_mib)

start=$(now)
sftp_run "put input.bin sftp.bin"
sftp_put=$(elapsed "$start" "$(now)")
heap_put=$(heap_used_mib)
start=$(now)
sftp_run "get sftp.bin sftp-out.bin"
sftp_get=$(elapsed "$start" "$(now)")
same "$work/sftp-out.bin" SFTP
heap_after=$(heap_used_mib)
rm -f "$file"

rate() { python3 -c "import sys; print(f'{float(sys.argv[1]) * 1.048576 / float(sys.argv[2]):.1f} MB/s ({float(sys.argv[2]):.1f} s)')" "$size_mib" "$1"; }
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f}')" "$1" "$2"; }
body=$(cat <<TXT
## REST, gRPC and SFTP, $size_mib MiB unthrottled ($(date -u +%Y-%m-%d), $(nproc) cores)

Script: \`bench/remote-1gib.sh $size_mib\`. One server (embedded H2 and Artemis, 5 nodes, 64 KiB chunks,
2 replicas, links unthrottled), one file of random bytes, sent and fetched three ways one after the other:
REST with curl (upload \`?wait=true\`), gRPC with the generated Java client the ITs use
(\`org.p2pstorage.it.GrpcTransfer\`: \`UploadFile\` in 64 KiB messages with \`wait\`, \`DownloadFile\`
written to disk; its times include starting a JVM and loading grpc-java, under 2 s), and OpenSSH
$(ssh -V 2>&1 | cut -d, -f1 | cut -d_ -f2) \`sftp\` put (its close returns once every copy is acknowledged) and get. Every upload
ends when every copy is acknowledged; every download is byte-identical (SHA-256). Ratio = REST's time /
the other's (1.00 = as fast as REST, above 1 faster). They run in this order on a server started for the
run, so REST's upload, the first, also warms the server up.

| | REST | gRPC | ratio | SFTP | ratio |
|---|---|---|---|---|---|
| upload | $(rate "$rest_put") | $(rate "$grpc_put") | $(ratio "$rest_put" "$grpc_put") | $(rate "$sftp_put") | $(ratio "$rest_put" "$sftp_put") |
| download | $(rate "$rest_get") | $(rate "$grpc_get") | $(ratio "$rest_get" "$grpc_get") | $(rate "$sftp_get") | $(ratio "$rest_get" "$sftp_get") |

Server heap after a full GC (MiB): $heap_before at the start, $heap_rest after REST, $heap_grpc_put after the
gRPC upload, $heap_grpc after the gRPC download, $heap_put after the SFTP put, $heap_after after the SFTP get.
TXT
)
write_section "remote-unthrottled" "$body"
echo "$body"
