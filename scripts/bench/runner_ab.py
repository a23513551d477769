#!/usr/bin/env python3
"""Runner benchmark, ours against Alembic, run alternately (docs/BENCHMARKS.md, "Runner").

    runner_ab.py BACKEND RUNS OUT.json N=CLI...     BACKEND = postgres | sqlite

Each CLI is a release build of our cli whose migration crate holds the repository's two
revisions plus a generated chain of N (scripts/bench/revision_chain.py rust, built with
AUTOGEN_CONFIG). Alembic (the virtualenv this runs in) gets the same N revisions
(revision_chain.py alembic). Per N, RUNS rounds, each on a fresh database:

- ours: `upgrade 680c9dba15ef` (the repository's two, untimed), then timed `upgrade` (the N
  generated revisions), then a timed no-op `upgrade` at head;
- Alembic, default settings (one transaction around the run on PostgreSQL and SQLite): timed
  `upgrade head`, then a timed no-op `upgrade head`;
- Alembic with `transaction_per_migration=True` (one transaction per revision, as ours);
- the DDL alone: the N `CREATE TABLE` statements ours sends, each in its own transaction, from
  one open psycopg2/sqlite3 connection (no process start, no connect).

Per-revision overhead = (upgrade - no-op - DDL alone) / N: what a tool adds per revision over
the statement itself, with its fixed cost (start, connect, reading the history) taken out.
"""

import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from revision_chain import REPO_HEAD  # noqa: E402

PG = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
DB = "autogen_runner"
SQLITE = "/tmp/autogen-runner.db"
WORK = "/tmp/autogen-runner"


def load() -> str:
    return " ".join(open("/proc/loadavg").read().split()[:3])


def fresh(backend: str) -> None:
    if backend == "sqlite":
        for f in (SQLITE, SQLITE + "-wal", SQLITE + "-shm", SQLITE + "-journal"):
            if os.path.exists(f):
                os.remove(f)
        sqlite3.connect(SQLITE).close()
        return
    import psycopg2

    c = psycopg2.connect(f"{PG}/postgres")
    c.autocommit = True
    with c.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)')
        cur.execute(f'CREATE DATABASE "{DB}"')
    c.close()


def timed(cmd: list, env=None) -> float:
    start = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd="/tmp")
    wall = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed (exit {p.returncode}): {p.stderr.strip()[-600:]}")
    return wall


def tables(backend: str) -> int:
    if backend == "sqlite":
        c = sqlite3.connect(SQLITE)
        n = c.execute("SELECT count(*) FROM sqlite_master WHERE type='table' AND name LIKE 'chain_r%'").fetchone()[0]
        c.close()
        return n
    import psycopg2

    c = psycopg2.connect(f"{PG}/{DB}")
    with c.cursor() as cur:
        cur.execute("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'chain_r%'")
        n = cur.fetchone()[0]
    c.close()
    return n


def ddl_alone(backend: str, n: int) -> float:
    """The chain's statements, as ours sends them, one transaction each."""
    stmts = [
        f'CREATE TABLE "chain_r{i:04d}" ( "id" integer NOT NULL PRIMARY KEY, "name" varchar(100) NULL )'
        for i in range(1, n + 1)
    ]
    if backend == "sqlite":
        c = sqlite3.connect(SQLITE, isolation_level=None)
        start = time.perf_counter()
        for s in stmts:
            c.execute("BEGIN")
            c.execute(s)
            c.execute("COMMIT")
        wall = time.perf_counter() - start
        c.close()
        return wall
    import psycopg2

    c = psycopg2.connect(f"{PG}/{DB}")
    start = time.perf_counter()
    for s in stmts:
        with c, c.cursor() as cur:
            cur.execute(s)
    wall = time.perf_counter() - start
    c.close()
    return wall


def main() -> None:
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    backend, runs, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    clis = {int(k): v for k, v in (a.split("=", 1) for a in sys.argv[4:])}
    ours_url = f"sqlite://{SQLITE}?mode=rwc" if backend == "sqlite" else f"{PG}/{DB}"
    sa_url = f"sqlite:///{SQLITE}" if backend == "sqlite" else f"postgresql+psycopg2://{PG.split('://', 1)[1]}/{DB}"
    alembic = os.path.join(os.path.dirname(sys.executable), "alembic")
    results = []
    for n, cli in sorted(clis.items()):
        chain = f"{WORK}/alembic-{n}"
        subprocess.run([sys.executable, os.path.join(HERE, "revision_chain.py"), "alembic", chain, str(n)], check=True)
        ini = os.path.join(chain, "alembic.ini")
        envs = {
            "alembic": dict(os.environ, BENCH_SQLALCHEMY_URL=sa_url, PYTHONDONTWRITEBYTECODE="1"),
            "alembic_txn_per_rev": dict(
                os.environ, BENCH_SQLALCHEMY_URL=sa_url, PYTHONDONTWRITEBYTECODE="1", BENCH_TRANSACTION_PER_MIGRATION="1"
            ),
        }
        ours = [cli, "--database-url", ours_url]
        samples = {k: {"upgrade": [], "noop": []} for k in ("ours", "alembic", "alembic_txn_per_rev")}
        samples["ddl"] = {"upgrade": []}
        load_start = load()
        for r in range(runs + 1):  # round 0: warm-up, not counted
            fresh(backend)
            timed(ours + ["upgrade", REPO_HEAD])
            up, noop = timed(ours + ["upgrade"]), timed(ours + ["upgrade"])
            if tables(backend) != n:
                sys.exit(f"ours: {tables(backend)} chain tables after upgrade, expected {n}")
            if r:
                samples["ours"]["upgrade"].append(up)
                samples["ours"]["noop"].append(noop)
            for tool, env in envs.items():
                fresh(backend)
                up = timed([alembic, "-c", ini, "upgrade", "head"], env)
                noop = timed([alembic, "-c", ini, "upgrade", "head"], env)
                if tables(backend) != n:
                    sys.exit(f"{tool}: {tables(backend)} chain tables after upgrade, expected {n}")
                if r:
                    samples[tool]["upgrade"].append(up)
                    samples[tool]["noop"].append(noop)
            fresh(backend)
            ddl = ddl_alone(backend, n)
            if r:
                samples["ddl"]["upgrade"].append(ddl)
            if r:
                done = ", ".join(f"{k} {v['upgrade'][-1]:.2f} s" for k, v in samples.items())
                print(f"  {backend} N={n} round {r}/{runs}: {done}", file=sys.stderr)
        med = {k: {p: statistics.median(v) for p, v in d.items()} for k, d in samples.items()}
        per_rev = {
            k: (med[k]["upgrade"] - med[k]["noop"] - med["ddl"]["upgrade"]) / max(n, 1) * 1000
            for k in ("ours", "alembic", "alembic_txn_per_rev")
        }
        results.append({
            "backend": backend, "n": n, "runs": runs, "samples": samples, "median_s": med,
            "per_revision_overhead_ms": per_rev, "load": [load_start, load()],
        })
        with open(out, "w") as f:
            json.dump(results, f, indent=2)
    print("| Backend | N | tool | upgrade N (median) | no-op at head (median) | DDL alone | overhead per revision | load start → end |")
    print("|---|---:|---|---:|---:|---:|---:|---|")
    for r in results:
        for k in ("ours", "alembic", "alembic_txn_per_rev"):
            m = r["median_s"]
            print(
                f"| {r['backend']} | {r['n']} | {k} | {m[k]['upgrade']:.3f} s | {m[k]['noop']:.3f} s "
                f"| {m['ddl']['upgrade']:.3f} s | {r['per_revision_overhead_ms'][k]:.2f} ms | {r['load'][0]} → {r['load'][1]} |"
            )


if __name__ == "__main__":
    main()
