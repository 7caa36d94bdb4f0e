#!/usr/bin/env python3
"""Authenticated uploads against anonymous ones, on a running service.

2,000 self-checks of one sample report (POST /api/assessments) from 32 clients, three ways: anonymous, with an API
token (Authorization: Bearer), and with HTTP Basic; for each, the throughput and the 50th and 99th percentile of
the answer time. Start the service with no per-address limit for anonymous use, e.g.

  NIANBAO_ADMIN_PASSWORD=upload-timings-password java -jar target/nianbao.jar \\
      --spring.datasource.url=jdbc:h2:file:/tmp/nianbao-upload-timings/db --nianbao.limits.anonymous.per-address=0
  src/build/upload-timings.py http://127.0.0.1:8080 admin upload-timings-password

Each way runs once untimed (200 uploads) first, so that no way pays for the service's own warming.
"""
import base64
import http.client
import json
import sys
import threading
import time
import urllib.parse
import uuid
from pathlib import Path

BASE, USER, PASSWORD = sys.argv[1], sys.argv[2], sys.argv[3]
COUNT, CLIENTS = 2000, 32
SAMPLE = Path(__file__).resolve().parents[2] / "src/test/resources/samples/004_e93a6eea8c407df3.txt"
url = urllib.parse.urlparse(BASE)


def multipart(content):
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"004.txt\"\r\n"
            f"Content-Type: text/plain\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def request(connection, method, path, body=None, headers=None):
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    return response.status, response.read()


def token():
    connection = http.client.HTTPConnection(url.hostname, url.port)
    basic = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    status, body = request(connection, "POST", "/api/tokens", urllib.parse.urlencode({"name": "upload-timings"}),
                           {"Authorization": "Basic " + basic, "Content-Type": "application/x-www-form-urlencoded"})
    if status != 201:
        sys.exit(f"could not make a token: {status} {body[:200]!r}")
    return json.loads(body)["token"]


def run(label, headers, count):
    body, content_type = multipart(SAMPLE.read_bytes())
    times, failures, lock = [], [], threading.Lock()
    remaining = [count]

    def client():
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
        while True:
            with lock:
                if remaining[0] == 0:
                    return
                remaining[0] -= 1
            started = time.perf_counter()
            status, answer = request(connection, "POST", "/api/assessments", body,
                                     dict(headers, **{"Content-Type": content_type}))
            elapsed = time.perf_counter() - started
            with lock:
                times.append(elapsed)
                if status != 201:
                    failures.append(status)

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    times.sort()
    if label:
        print(f"{label:10} {count} uploads, {CLIENTS} clients: {count / wall:6.0f}/s, "
              f"p50 {times[len(times) // 2] * 1000:4.0f} ms, p99 {times[int(len(times) * 0.99)] * 1000:4.0f} ms, "
              f"not 201: {len(failures)}")


secret = token()
ways = [("anonymous", {}), ("token", {"Authorization": "Bearer " + secret}),
        ("basic", {"Authorization": "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()})]
for label, headers in ways:
    run(None, headers, 200)
for label, headers in ways:
    run(label, headers, COUNT)
