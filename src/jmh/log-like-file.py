#!/usr/bin/env python3
"""Writes SIZE bytes of web-server-log-like lines (words and hex, seeded): content LZ4 keeps at about
57 %, for benchmarks of one large object. Usage: src/jmh/log-like-file.py SIZE OUT"""
import base64, random, sys

size, out = int(sys.argv[1]), sys.argv[2]
r = random.Random(3)
words = [b'GET', b'POST', b'/api/v1/items', b'200', b'404', b'user=', b'session', b'latency_ms=', b'INFO', b'WARN']
with open(out, 'wb') as f:
    total = 0
    while total < size:
        lines, n = [], 0
        while n < 1 << 20:
            line = b' '.join(r.choice(words) for _ in range(6)) + b' ' + base64.b16encode(r.randbytes(12)) + b'\n'
            lines.append(line)
            n += len(line)
        data = b''.join(lines)
        f.write(data)
        total += len(data)
    f.truncate(size)
