#!/usr/bin/env python3
"""Fills a migrated gongkai database with N chained audit entries (format 1, docs/audit-chain.md),
hashed here with hashlib — so a passing `gongkai audit verify` also cross-checks the two
implementations. Usage: gen.py DB N"""
import hashlib, sqlite3, struct, sys

def field(b):
    return struct.pack(">I", len(b)) + b

db, n = sqlite3.connect(sys.argv[1]), int(sys.argv[2])
prev, rows, links = bytes(32), [], []
for i in range(1, n + 1):
    at, target = 1700000000 + i, "application:%d" % (i % 500 + 1)
    detail = "申请 %d 记录答复 2026-06-05" % i
    parts = [str(i), str(at), "3", "zhangsan", "application_event", target, "ok", "10.0.0.8"]
    data = b"GKAUDIT1" + b"".join(field(p.encode()) for p in parts)
    leaf = hashlib.sha256(data + field(hashlib.sha256(detail.encode()).digest())).digest()
    prev = hashlib.sha256(prev + leaf).digest()
    rows.append((i, at, 3, "zhangsan", "application_event", target, detail, "10.0.0.8", "ok"))
    links.append((i, leaf, prev))
db.executemany("INSERT INTO audit_log (id, at, actor_user_id, actor, action, target, detail, "
               "remote_addr, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
db.executemany("INSERT INTO audit_chain VALUES (?, ?, ?)", links)
db.executemany("INSERT INTO audit_checkpoints VALUES (?, ?, ?, 'periodic')",
               [(i, links[i - 1][2], 1700000000 + i) for i in range(1000, n + 1, 1000)])
db.commit()
print(prev.hex())
