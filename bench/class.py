#!/usr/bin/env python3
"""A class on throttled links: N users upload and N download at once while a poller measures how quickly
GET /api/files/list and the portal's My Drive page answer. Prints JSON figures; bench/class.sh runs it
against a server of its own and writes them into docs/benchmarks.md.

Usage: class.py BASE_URL ADMIN_TOKEN USERS FILE_BYTES BANDWIDTH"""
import hashlib
import json
import os
import re
import statistics
import sys
import threading
import time
import urllib.parse

from p2p_http import Server

base, admin_token, users, size, bandwidth = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
server = Server(base, admin_token)
call, set_links, node_bytes = server.call, server.set_links, server.node_bytes
PASSWORD = "a class password, not secret"


def login(name):
    status, data = call("POST", "/api/auth/login", body={"username": name, "password": PASSWORD})
    if status != 200:
        raise SystemExit(f"login of {name}: {status} {data[:200]}")
    return json.loads(data)["token"]


def portal_session(name):
    """Signs in through the portal's form as a browser would, and returns the session cookies."""
    cookies = {}
    status, page = call("GET", "/account/signin.xhtml", cookies=cookies)
    state = re.search(rb'name="jakarta.faces.ViewState"[^>]*value="([^"]+)"', page).group(1).decode()
    form = urllib.parse.urlencode({
        "jakarta.faces.partial.ajax": "true", "jakarta.faces.source": "signin:signInButton",
        "jakarta.faces.partial.execute": "@all", "jakarta.faces.partial.render": "signin",
        "signin:signInButton": "signin:signInButton", "signin": "signin", "signin:username": name,
        "signin:password": PASSWORD, "jakarta.faces.ViewState": state}).encode()
    call("POST", "/account/signin.xhtml", body=form, cookies=cookies,
         headers={"Content-Type": "application/x-www-form-urlencoded", "Faces-Request": "partial/ajax"})
    status, page = call("GET", "/catalog/drive.xhtml", cookies=cookies)
    if status != 200 or b"My Drive" not in page:
        raise SystemExit(f"the portal did not show My Drive after signing in: {status}")
    return cookies


names = [f"student{n:03d}" for n in range(users)]
for name in names:
    call("POST", "/api/auth/register", body={"username": name, "email": f"{name}@class.test", "password": PASSWORD})
tokens = {name: login(name) for name in names}
payloads = {name: os.urandom(size) for name in names}

# Files to download, uploaded first over fast links.
set_links({"bandwidthBytesPerSecond": 0, "delayMinMs": 0, "delayMaxMs": 0, "lossRate": 0})
stored = {}
for name in names:
    status, data = call("POST", f"/api/files/upload?wait=true&name=down-{name}.bin", tokens[name], payloads[name],
                        {"Content-Type": "application/octet-stream"})
    if status != 201:
        raise SystemExit(f"preparing {name}'s file: {status} {data[:200]}")
    stored[name] = json.loads(data)["fileId"]

watcher = names[0]
cookies = portal_session(watcher)
set_links({"bandwidthBytesPerSecond": bandwidth, "delayMinMs": 0, "delayMaxMs": 0, "lossRate": 0})
before = node_bytes()

results = {"uploads_identical": 0, "downloads_identical": 0, "errors": []}
lock = threading.Lock()
done = threading.Event()


def upload(name):
    status, data = call("POST", f"/api/files/upload?wait=true&name=up-{name}.bin", tokens[name], payloads[name],
                        {"Content-Type": "application/octet-stream"})
    if status != 201:
        with lock:
            results["errors"].append(f"upload {name}: {status} {data[:120]}")
        return
    file_id = json.loads(data)["fileId"]
    ok = json.loads(data)["sha256"] == hashlib.sha256(payloads[name]).hexdigest()
    with lock:
        results["uploads_identical"] += ok
        results.setdefault("uploaded", {})[name] = file_id


def download(name):
    status, data = call("GET", f"/api/files/download/{stored[name]}", tokens[name])
    with lock:
        if status == 200 and data == payloads[name]:
            results["downloads_identical"] += 1
        else:
            results["errors"].append(f"download {name}: {status}, {len(data)} bytes")


latencies = {"list": [], "drive": []}


def poll():
    while not done.is_set():
        for kind, path, kwargs in (("list", "/api/files/list", {"token": tokens[watcher]}),
                                   ("drive", "/catalog/drive.xhtml", {"cookies": dict(cookies)})):
            start = time.perf_counter()
            status, _ = call("GET", path, **kwargs)
            elapsed = (time.perf_counter() - start) * 1000
            if status == 200:
                latencies[kind].append(elapsed)
            else:
                results["errors"].append(f"{kind}: {status}")
        time.sleep(0.2)


threads = [threading.Thread(target=upload, args=(n,)) for n in names] + \
          [threading.Thread(target=download, args=(n,)) for n in names]
poller = threading.Thread(target=poll)
started = time.perf_counter()
poller.start()
for t in threads:
    t.start()
for t in threads:
    t.join()
wall = time.perf_counter() - started
done.set()
poller.join()
after = node_bytes()

inbound = {n: after[n][0] - before[n][0] for n in after}
outbound = {n: after[n][1] - before[n][1] for n in after}
model = max(max(inbound.values()), max(outbound.values())) / bandwidth


def p(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))] if values else float("nan")


figures = {
    "users": users, "file_bytes": size, "bandwidth": bandwidth, "wall_s": round(wall, 2), "model_s": round(model, 2),
    "ratio": round(wall / model, 4), "uploads_identical": results["uploads_identical"],
    "downloads_identical": results["downloads_identical"], "errors": results["errors"][:5],
    "busiest_inbound_bytes": max(inbound.values()), "busiest_outbound_bytes": max(outbound.values()),
    "list_ms": {"n": len(latencies["list"]), "p50": round(p(latencies["list"], .5), 1),
                "p99": round(p(latencies["list"], .99), 1), "max": round(max(latencies["list"] or [0]), 1)},
    "drive_ms": {"n": len(latencies["drive"]), "p50": round(p(latencies["drive"], .5), 1),
                 "p99": round(p(latencies["drive"], .99), 1), "max": round(max(latencies["drive"] or [0]), 1)},
}
set_links({"bandwidthBytesPerSecond": 0, "delayMinMs": 0, "delayMaxMs": 0, "lossRate": 0})
print(json.dumps(figures))
