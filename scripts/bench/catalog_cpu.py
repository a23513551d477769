#!/usr/bin/env python3
"""Server CPU of catalog queries, independent of the machine's load (docs/BENCHMARKS.md,
"10,000 PostgreSQL tables, in-process"):

    catalog_cpu.py DB_URL REPS FILE.sql...

Runs each file REPS times, interleaved, on one psycopg2 connection, and prints per file the
CPU seconds the server backend spent on it (utime + stime of that backend from
/proc/<pid>/stat, so the server must run on this machine) and the wall time, min and median.
Wall time on a shared machine mostly measures the other jobs; the backend's CPU does not.
Run it with the Python of the bench virtualenv (scripts/bench.sh makes it; it has psycopg2).
"""

import os
import statistics
import sys
import time

import psycopg2


def main() -> None:
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    url, reps, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    conn = psycopg2.connect(url)
    conn.autocommit = True
    cur = conn.cursor()
    cur.execute("SELECT pg_backend_pid()")
    pid = cur.fetchone()[0]
    tick = os.sysconf("SC_CLK_TCK")

    def cpu() -> float:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / tick

    results = {f: ([], []) for f in files}
    for _ in range(reps):
        for f in files:
            sql = open(f).read()
            c0, t0 = cpu(), time.perf_counter()
            cur.execute(sql)
            cur.fetchall()
            t1, c1 = time.perf_counter(), cpu()
            results[f][0].append(c1 - c0)
            results[f][1].append(t1 - t0)
    for f, (c, w) in results.items():
        print(
            f"{f}: cpu min {min(c):.2f} s median {statistics.median(c):.2f} s, "
            f"wall min {min(w):.2f} s median {statistics.median(w):.2f} s"
        )


if __name__ == "__main__":
    main()
