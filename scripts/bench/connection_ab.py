#!/usr/bin/env python3
"""Whole-process `diff`/`current` of two cli binaries, run alternately (docs/BENCHMARKS.md,
"Connection cost"). Usage: BEFORE=path/to/cli AFTER=path/to/cli connection_ab.py [RUNS]
Needs databases autogen_scale_{100,1000}{a,b} (scripts/bench/setup_db.py)."""
import subprocess, time, statistics, sys, os
runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
bins = {"before": os.environ["BEFORE"], "after": os.environ["AFTER"]}
base = "postgres://postgres@127.0.0.1:5432/"
cases = []
for n in (100, 1000):
    for q in ("", "?sslmode=disable"):
        cases.append((f"diff {n} tables{' sslmode=disable' if q else ''}",
                      ["diff", "--from", base + f"autogen_scale_{n}a" + q, "--to", base + f"autogen_scale_{n}b" + q]))
cases.append(("current (empty db)", ["--database-url", base + "test", "current"]))
res = {}
load0 = open("/proc/loadavg").read().split()[:3]
for name, args in cases:
    for label, b in bins.items():
        subprocess.run([b] + args, capture_output=True, cwd="/tmp")
    times = {l: [] for l in bins}
    for _ in range(runs):
        for label, b in bins.items():
            t = time.perf_counter()
            p = subprocess.run([b] + args, capture_output=True, cwd="/tmp")
            times[label].append(time.perf_counter() - t)
            if p.returncode not in (0, 1):
                print(label, name, p.stderr.decode()[:300], file=sys.stderr)
    for l in bins:
        print(f"| {name} | {l} | {statistics.median(times[l]):.3f} | {min(times[l]):.3f} |", flush=True)
print("load start", load0, "end", open("/proc/loadavg").read().split()[:3])
