#!/usr/bin/env python3
"""Opens N keep-alive connections to 127.0.0.1:PORT, sends one GET on each
(so each is an idle keep-alive connection afterwards), holds them for SECONDS
and prints how many were still open at the end. Usage: idle_clients.py PORT N SECONDS"""
import socket
import sys
import time

port, n, seconds = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
conns = []
for _ in range(n):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /page.html HTTP/1.1\r\nHost: bench\r\n\r\n")
    conns.append(s)
for s in conns:  # read each response header + body (Content-Length)
    data = b""
    while b"\r\n\r\n" not in data:
        data += s.recv(65536)
    head, body = data.split(b"\r\n\r\n", 1)
    length = int([l for l in head.split(b"\r\n") if l.lower().startswith(b"content-length:")][0]
                 .split(b":")[1])
    while len(body) < length:
        body += s.recv(65536)
print("ready", flush=True)
time.sleep(seconds)
open_count = 0
for s in conns:
    s.setblocking(False)
    try:
        open_count += 0 if s.recv(1) == b"" else 1
    except BlockingIOError:
        open_count += 1
print(f"{open_count} of {n} connections still open after {seconds:.0f} s", flush=True)
