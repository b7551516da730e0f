#!/usr/bin/env python3
"""A class over SFTP on throttled links: N OpenSSH sftp sessions at once, each putting one file and getting
another, while the server's thread count is sampled from /proc. Prints JSON figures; bench/sftp-class.sh runs
it against a server of its own and writes them into docs/benchmarks.md.

Usage: sftp_class.py BASE_URL TOKEN SESSIONS FILE_BYTES BANDWIDTH SSH_PORT KEY SERVER_PID WORK_DIR"""
import hashlib
import json
import os
import subprocess
import sys
import threading
import time

from p2p_http import Server

base, token, sessions, size, bandwidth, ssh_port, key, pid, work = sys.argv[1:10]
sessions, size, bandwidth = int(sessions), int(size), int(bandwidth)
server = Server(base, token)
set_links, node_bytes = server.set_links, server.node_bytes


def call(method, path, body=None, headers=None):
    return server.call(method, path, token, body, headers)


def threads():
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("Threads:"):
                return int(line.split()[1])


payloads = {n: os.urandom(size) for n in range(sessions)}
set_links({"bandwidthBytesPerSecond": 0, "delayMinMs": 0, "delayMaxMs": 0, "lossRate": 0})
for n, payload in payloads.items():
    status, data = call("POST", f"/api/files/upload?wait=true&name=down-{n}.bin", payload,
                        {"Content-Type": "application/octet-stream"})
    if status != 201:
        raise SystemExit(f"preparing file {n}: {status} {data[:200]}")
    with open(os.path.join(work, f"up-{n}.bin"), "wb") as f:
        f.write(payload[::-1])
    with open(os.path.join(work, f"batch-{n}"), "w") as f:
        f.write(f"put up-{n}.bin up-{n}.bin\nget down-{n}.bin got-{n}.bin\n")
set_links({"bandwidthBytesPerSecond": bandwidth, "delayMinMs": 0, "delayMaxMs": 0, "lossRate": 0})
time.sleep(2)
idle = threads()
before = node_bytes()
samples = []
done = threading.Event()


def sample():
    while not done.is_set():
        samples.append(threads())
        time.sleep(0.1)


sampler = threading.Thread(target=sample)
sampler.start()
started = time.perf_counter()
clients = [subprocess.Popen(
    ["sftp", "-q", "-b", f"batch-{n}", "-P", ssh_port, "-i", key, "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
     "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-F", "/dev/null",
     "bench@localhost"], cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for n in range(sessions)]
failures = []
for n, client in enumerate(clients):
    _, err = client.communicate()
    if client.returncode != 0:
        failures.append(f"session {n}: {err.decode()[:200]}")
wall = time.perf_counter() - started
done.set()
sampler.join()
after = node_bytes()
set_links({"bandwidthBytesPerSecond": 0, "delayMinMs": 0, "delayMaxMs": 0, "lossRate": 0})

listed = {f["name"]: f for f in json.loads(call("GET", "/api/files/list?limit=1000")[1])}
gets_identical = sum(1 for n in range(sessions) if os.path.exists(os.path.join(work, f"got-{n}.bin"))
                     and open(os.path.join(work, f"got-{n}.bin"), "rb").read() == payloads[n])
puts_identical = sum(1 for n in range(sessions) if listed.get(f"up-{n}.bin", {}).get("status") == "AVAILABLE"
                     and listed[f"up-{n}.bin"]["sha256"] == hashlib.sha256(payloads[n][::-1]).hexdigest())
inbound = {n: after[n][0] - before[n][0] for n in after}
outbound = {n: after[n][1] - before[n][1] for n in after}
model = max(max(inbound.values()), max(outbound.values())) / bandwidth
print(json.dumps({
    "sessions": sessions, "file_bytes": size, "bandwidth": bandwidth, "wall_s": round(wall, 2),
    "model_s": round(model, 2), "ratio": round(wall / model, 2), "threads_idle": idle, "threads_peak": max(samples),
    "threads_added": max(samples) - idle, "gets_identical": gets_identical, "puts_identical": puts_identical,
    "failures": failures[:5]}))
