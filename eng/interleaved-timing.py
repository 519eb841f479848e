#!/usr/bin/env python3
"""Whole-process medians of `influence seeds` against SUBSIM, the commands interleaved round by round (a slow spell of
the machine hits all of them alike). Run from SUBSIM's folder (graphs formatted there as enron and nethept, see
docs/performance.md): python3 eng/interleaved-timing.py PATH/TO/influence
Environment: GRAPHS (folder of email-enron.txt.gz and nethept.txt, default /work/shared/data/graphs), ENRON_IMGRAPH and
NETHEPT_IMGRAPH (graph files written by `influence graph convert`, default /tmp/enron.imgraph, /tmp/nethept.imgraph),
ROUNDS (default 40)."""
import os, statistics, subprocess, sys, time
G = os.environ.get("GRAPHS", "/work/shared/data/graphs")
E = os.environ.get("ENRON_IMGRAPH", "/tmp/enron.imgraph")
N = os.environ.get("NETHEPT_IMGRAPH", "/tmp/nethept.imgraph")
A = sys.argv[1] if len(sys.argv) > 1 else "/tmp/aot/influence"
cmds = {
  "subsim-enron": "./subsim -func=im -gname=enron -seedsize=50 -eps=0.1",
  "enron-text": f"{A} seeds -g {G}/email-enron.txt.gz -k 50 -f json",
  "enron-binary": f"{A} seeds -g {E} -k 50 -f json",
  "subsim-nethept": "./subsim -func=im -gname=nethept -seedsize=50 -eps=0.1",
  "nethept-text": f"{A} seeds -g {G}/nethept.txt -k 50 -f json",
  "nethept-binary": f"{A} seeds -g {N} -k 50 -f json",
}
rounds = int(os.environ.get("ROUNDS", "40"))
times = {k: [] for k in cmds}
for name, c in cmds.items():  # warm-up
    subprocess.run(c.split(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
for r in range(rounds):
    for name, c in cmds.items():
        t = time.perf_counter(); subprocess.run(c.split(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times[name].append(time.perf_counter() - t)
med = {k: statistics.median(v) * 1000 for k, v in times.items()}
for k, v in times.items():
    q = statistics.quantiles([x * 1000 for x in v], n=4)
    print(f"{k:16s} median {med[k]:7.1f} ms  IQR {q[0]:6.1f}–{q[2]:6.1f} ms  ({len(v)} runs)")
print(f"enron:   text {med['enron-text']/med['subsim-enron']:.2f}x  binary {med['enron-binary']/med['subsim-enron']:.2f}x SUBSIM")
print(f"nethept: text {med['nethept-text']/med['subsim-nethept']:.2f}x  binary {med['nethept-binary']/med['subsim-nethept']:.2f}x SUBSIM")
