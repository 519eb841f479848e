#!/usr/bin/env python3
"""Draws docs/package/icon.png (128x128, the package icon): a seed node spreading to a small network.
Pure Python (zlib + struct), so it runs anywhere: python3 eng/make-icon.py"""
import math, struct, zlib, pathlib

N = 128
px = [[(0, 0, 0, 0)] * N for _ in range(N)]

def blend(x, y, c, a):
    if 0 <= x < N and 0 <= y < N:
        r, g, b, old = px[y][x]
        na = a + old / 255 * (1 - a)
        if na == 0:
            return
        mix = lambda o, n: round((n * a + o * old / 255 * (1 - a)) / na)
        px[y][x] = (mix(r, c[0]), mix(g, c[1]), mix(b, c[2]), round(na * 255))

def disc(cx, cy, rad, c):
    for y in range(int(cy - rad - 2), int(cy + rad + 3)):
        for x in range(int(cx - rad - 2), int(cx + rad + 3)):
            d = math.hypot(x + 0.5 - cx, y + 0.5 - cy)
            blend(x, y, c, max(0.0, min(1.0, rad - d + 0.5)))

def line(x0, y0, x1, y1, w, c):
    for y in range(int(min(y0, y1) - w - 2), int(max(y0, y1) + w + 3)):
        for x in range(int(min(x0, x1) - w - 2), int(max(x0, x1) + w + 3)):
            px_, py_ = x + 0.5, y + 0.5
            dx, dy = x1 - x0, y1 - y0
            t = max(0, min(1, ((px_ - x0) * dx + (py_ - y0) * dy) / (dx * dx + dy * dy)))
            d = math.hypot(px_ - (x0 + t * dx), py_ - (y0 + t * dy))
            blend(x, y, c, max(0.0, min(1.0, w / 2 - d + 0.5)))

disc(64, 64, 62, (24, 54, 92))                      # background
seed = (64, 64)
ring = [(64 + 36 * math.cos(a), 64 + 36 * math.sin(a)) for a in [i * math.tau / 6 + 0.3 for i in range(6)]]
for p in ring:
    line(*seed, *p, 4, (255, 190, 60))                # the seed's influence
for i, p in enumerate(ring):
    q = ring[(i + 1) % 6]
    line(*p, *q, 2.5, (140, 170, 210))                # ties between the others
for p in ring:
    disc(*p, 9, (235, 242, 250))
disc(*seed, 14, (255, 190, 60))

raw = b"".join(b"\x00" + bytes(v for p in row for v in p) for row in px)
chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", N, N, 8, 6, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
out = pathlib.Path(__file__).resolve().parent.parent / "docs" / "package" / "icon.png"
out.write_bytes(png)
print(out, len(png), "bytes")
