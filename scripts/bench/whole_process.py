#!/usr/bin/env python3
"""Whole process, ours against Alembic, run alternately (docs/BENCHMARKS.md, "Scale"):
our release `cli diff --from A --to B` and `alembic check` (1.20.1) on the same schema.

A is the synthetic schema of N tables (gen_schema.py), B its modified copy (`--modified`):
`diff` introspects both databases and finds the 4 changes per 10th table; `alembic check`
reflects A and compares it with A's metadata modified the same way (alembic_bench.py), so
both find the same changes. Ours does two introspections to Alembic's one.

Run with the Python of the Alembic virtualenv (scripts/bench.sh makes it):

    whole_process.py CLI RUNS OUT.json CASE...      CASE = postgres:1000, mysql:1000, sqlite:1000

Per case: (re)creates A and B (scripts/bench/setup_db.py; BENCH_REUSE=1 keeps existing ones),
one untimed warm-up of each tool, then RUNS rounds of ours, Alembic. Prints one Markdown row
per case, with the load average at the case's start and end.
"""

import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from alembic_bench import Check  # noqa: E402

SERVERS = {
    "postgres": os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432"),
    "mysql": os.environ.get("BENCH_MYSQL_URL", "mysql://root@127.0.0.1:3306"),
    "sqlite": "sqlite://" + os.environ.get("BENCH_SQLITE_DIR", "/tmp/autogen-bench-sqlite"),
}


def url(backend: str, db: str) -> str:
    if backend == "sqlite":
        return f"{SERVERS['sqlite']}/{db}.db"
    return f"{SERVERS[backend]}/{db}"


def load() -> str:
    return " ".join(open("/proc/loadavg").read().split()[:3])


def add_version_table(sa_url: str) -> None:
    """`alembic check` creates alembic_version in A; B gets the same table, so that `diff`
    does not report it."""
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import create_engine

    engine = create_engine(sa_url)
    with engine.begin() as conn:
        MigrationContext.configure(conn)._ensure_version_table()
    engine.dispose()


def ours_once(cli: str, a: str, b: str) -> dict:
    start = time.perf_counter()
    proc = subprocess.run([cli, "diff", "--from", a, "--to", b, "--format", "json"], capture_output=True, text=True, cwd="/tmp")
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"cli diff failed (exit {proc.returncode}): {proc.stderr.strip()}")
    return {"wall_s": wall, "ops": len(json.loads(proc.stdout)["ops"])}


def case(cli: str, runs: int, backend: str, n: int) -> dict:
    a, b = f"autogen_whole_{n}a", f"autogen_whole_{n}b"
    if backend == "sqlite":
        os.makedirs(SERVERS["sqlite"][len("sqlite://") :], exist_ok=True)
    if os.environ.get("BENCH_REUSE") != "1":
        for db, extra in ((a, []), (b, ["--modified"])):
            subprocess.run([sys.executable, os.path.join(HERE, "setup_db.py"), SERVERS[backend], db, str(n), *extra], check=True)
    workdir = f"/tmp/autogen-whole-{backend}-{n}"
    check = Check(url(backend, a), workdir)
    add_version_table(check.env["BENCH_SQLALCHEMY_URL"].replace(a, b))
    load_start = load()
    ours_once(cli, url(backend, a), url(backend, b))
    check.once()
    ours, alembic = [], []
    for i in range(runs):
        ours.append(ours_once(cli, url(backend, a), url(backend, b)))
        alembic.append(check.once())
        print(
            f"  {backend} {n} run {i + 1}/{runs}: ours {ours[-1]['wall_s']:.3f} s ({ours[-1]['ops']} ops), "
            f"alembic {alembic[-1]['wall_s']:.2f} s ({alembic[-1]['diffs']} diffs)",
            file=sys.stderr,
        )
    med_o = statistics.median(s["wall_s"] for s in ours)
    med_a = statistics.median(s["wall_s"] for s in alembic)
    return {
        "backend": backend,
        "tables": n,
        "runs": runs,
        "ours_s": [s["wall_s"] for s in ours],
        "alembic_s": [s["wall_s"] for s in alembic],
        "alembic_compare_s": [s["compare_s"] for s in alembic],
        "ours_median_s": med_o,
        "alembic_median_s": med_a,
        "ratio": med_a / med_o,
        "ops": sorted({s["ops"] for s in ours}),
        "diffs": sorted({s["diffs"] for s in alembic}),
        "alembic_statements": sorted({s["statements"] for s in alembic}),
        "load": [load_start, load()],
    }


def main() -> None:
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    cli, runs, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    results = []
    for spec in sys.argv[4:]:
        backend, n = spec.split(":")
        results.append(case(cli, runs, backend, int(n)))
        with open(out, "w") as f:
            json.dump(results, f, indent=2)
    print("| Backend | Tables | ours `diff` median (min) | `alembic check` median (min) | ratio | ops / diffs | load average start → end |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for r in results:
        print(
            f"| {r['backend']} | {r['tables']} | {r['ours_median_s']:.3f} s ({min(r['ours_s']):.3f}) "
            f"| {r['alembic_median_s']:.2f} s ({min(r['alembic_s']):.2f}) | {r['ratio']:.1f}× "
            f"| {'/'.join(map(str, r['ops']))} / {'/'.join(map(str, r['diffs']))} | {r['load'][0]} → {r['load'][1]} |"
        )


if __name__ == "__main__":
    main()
