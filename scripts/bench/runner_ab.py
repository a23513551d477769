#!/usr/bin/env python3
"""Runner benchmark, ours against Alembic, run alternately (docs/BENCHMARKS.md, "Runner").

    runner_ab.py BACKEND RUNS OUT.json N=CLI...     BACKEND = postgres | mysql | sqlite

Each CLI is a release build of our cli whose migration crate holds the repository's two
revisions plus a generated chain of N (scripts/bench/revision_chain.py rust, built with
AUTOGEN_CONFIG). Alembic (the virtualenv this runs in) gets the same N revisions
(revision_chain.py alembic). Per N, RUNS rounds, each on a fresh database:

- ours: `upgrade 680c9dba15ef` (the repository's two, untimed), then timed `upgrade` (the N
  generated revisions), then a timed no-op `upgrade` at head;
- with BENCH_SINGLE_TRANSACTION=1, ours again with `upgrade --single-transaction` (one
  transaction around the run, as Alembic's default; PostgreSQL and SQLite);
- Alembic, default settings (one transaction around the run on PostgreSQL and SQLite): timed
  `upgrade head`, then a timed no-op `upgrade head`;
- Alembic with `transaction_per_migration=True` (one transaction per revision, as ours);
- the DDL alone: the N `CREATE TABLE` statements ours sends, each in its own transaction, from
  one open psycopg2/pymysql/sqlite3 connection (no process start, no connect); and (PostgreSQL,
  SQLite) the same N statements in one transaction.

Per-revision overhead = (upgrade - no-op - DDL alone) / N: what a tool adds per revision over
the statement itself, with its fixed cost (start, connect, reading the history) taken out. A
run in one transaction is set against the DDL in one transaction, a run with a transaction
per revision against the DDL with one per statement (MySQL: DDL commits itself, one shape).
MariaDB needs PyMySQL in the virtualenv (`pip install PyMySQL`).
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
MY = os.environ.get("BENCH_MYSQL_URL", "mysql://root@127.0.0.1:3306")
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
    if backend == "mysql":
        c = my_connect(None)
        with c.cursor() as cur:
            cur.execute(f"DROP DATABASE IF EXISTS `{DB}`")
            cur.execute(f"CREATE DATABASE `{DB}`")
        c.close()
        return
    import psycopg2

    c = psycopg2.connect(f"{PG}/postgres")
    c.autocommit = True
    with c.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)')
        cur.execute(f'CREATE DATABASE "{DB}"')
    c.close()


def my_connect(db):
    import pymysql

    rest = MY.split("://", 1)[1]
    user, hostport = rest.split("@", 1)
    host, port = hostport.split(":")
    return pymysql.connect(host=host, port=int(port), user=user, database=db, autocommit=True)


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
    if backend == "mysql":
        c = my_connect(DB)
        with c.cursor() as cur:
            cur.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name LIKE 'chain_r%'")
            n = cur.fetchone()[0]
        c.close()
        return n
    import psycopg2

    c = psycopg2.connect(f"{PG}/{DB}")
    with c.cursor() as cur:
        cur.execute("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'chain_r%'")
        n = cur.fetchone()[0]
    c.close()
    return n


def ddl_alone(backend: str, n: int, one_transaction: bool = False) -> float:
    """The chain's statements, as ours sends them, one transaction each (or one in all)."""
    if backend == "mysql":
        stmts = [
            f"CREATE TABLE `chain_r{i:04d}` ( `id` int NOT NULL PRIMARY KEY, `name` varchar(100) NULL )"
            for i in range(1, n + 1)
        ]
        c = my_connect(DB)
        start = time.perf_counter()
        with c.cursor() as cur:
            for s in stmts:
                cur.execute(s)  # DDL commits itself
        wall = time.perf_counter() - start
        c.close()
        return wall
    stmts = [
        f'CREATE TABLE "chain_r{i:04d}" ( "id" integer NOT NULL PRIMARY KEY, "name" varchar(100) NULL )'
        for i in range(1, n + 1)
    ]
    if backend == "sqlite":
        c = sqlite3.connect(SQLITE, isolation_level=None)
        start = time.perf_counter()
        if one_transaction:
            c.execute("BEGIN")
        for s in stmts:
            if not one_transaction:
                c.execute("BEGIN")
            c.execute(s)
            if not one_transaction:
                c.execute("COMMIT")
        if one_transaction:
            c.execute("COMMIT")
        wall = time.perf_counter() - start
        c.close()
        return wall
    import psycopg2

    c = psycopg2.connect(f"{PG}/{DB}")
    start = time.perf_counter()
    if one_transaction:
        with c, c.cursor() as cur:
            for s in stmts:
                cur.execute(s)
    else:
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
    ours_url = {"sqlite": f"sqlite://{SQLITE}?mode=rwc", "mysql": f"{MY}/{DB}"}.get(backend, f"{PG}/{DB}")
    sa_url = {
        "sqlite": f"sqlite:///{SQLITE}",
        "mysql": f"mysql+pymysql://{MY.split('://', 1)[1]}/{DB}",
    }.get(backend, f"postgresql+psycopg2://{PG.split('://', 1)[1]}/{DB}")
    transactional = backend != "mysql"
    single = os.environ.get("BENCH_SINGLE_TRANSACTION") == "1" and transactional
    alembic = os.path.join(os.path.dirname(sys.executable), "alembic")
    # Which DDL baseline each tool is set against (see the docstring).
    baseline = {
        "ours": "ddl",
        "ours_one_txn": "ddl_one_txn",
        "alembic": "ddl_one_txn" if transactional else "ddl",
        "alembic_txn_per_rev": "ddl",
    }
    tools = ["ours"] + (["ours_one_txn"] if single else []) + ["alembic", "alembic_txn_per_rev"]
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
        ours_runs = {"ours": []}
        if single:
            ours_runs["ours_one_txn"] = ["--single-transaction"]
        samples = {k: {"upgrade": [], "noop": []} for k in tools}
        samples["ddl"] = {"upgrade": []}
        if transactional:
            samples["ddl_one_txn"] = {"upgrade": []}
        load_start = load()
        for r in range(runs + 1):  # round 0: warm-up, not counted
            for tool, flags in ours_runs.items():
                fresh(backend)
                timed(ours + ["upgrade", REPO_HEAD])
                up, noop = timed(ours + ["upgrade"] + flags), timed(ours + ["upgrade"] + flags)
                if tables(backend) != n:
                    sys.exit(f"{tool}: {tables(backend)} chain tables after upgrade, expected {n}")
                if r:
                    samples[tool]["upgrade"].append(up)
                    samples[tool]["noop"].append(noop)
            for tool, env in envs.items():
                fresh(backend)
                up = timed([alembic, "-c", ini, "upgrade", "head"], env)
                noop = timed([alembic, "-c", ini, "upgrade", "head"], env)
                if tables(backend) != n:
                    sys.exit(f"{tool}: {tables(backend)} chain tables after upgrade, expected {n}")
                if r:
                    samples[tool]["upgrade"].append(up)
                    samples[tool]["noop"].append(noop)
            for ddl, one in (("ddl", False), ("ddl_one_txn", True)):
                if ddl in samples:
                    fresh(backend)
                    wall = ddl_alone(backend, n, one)
                    if r:
                        samples[ddl]["upgrade"].append(wall)
            if r:
                done = ", ".join(f"{k} {v['upgrade'][-1]:.2f} s" for k, v in samples.items())
                print(f"  {backend} N={n} round {r}/{runs}: {done}", file=sys.stderr)
        med = {k: {p: statistics.median(v) for p, v in d.items()} for k, d in samples.items()}
        per_rev = {
            k: (med[k]["upgrade"] - med[k]["noop"] - med[baseline[k]]["upgrade"]) / max(n, 1) * 1000
            for k in tools
        }
        results.append({
            "backend": backend, "n": n, "runs": runs, "samples": samples, "median_s": med,
            "baseline": {k: baseline[k] for k in tools},
            "per_revision_overhead_ms": per_rev, "load": [load_start, load()],
        })
        with open(out, "w") as f:
            json.dump(results, f, indent=2)
    print("| Backend | N | tool | upgrade N (median) | no-op at head (median) | DDL alone (shape) | overhead per revision | load start → end |")
    print("|---|---:|---|---:|---:|---:|---:|---|")
    for r in results:
        m = r["median_s"]
        for k in r["per_revision_overhead_ms"]:
            b = r["baseline"][k]
            shape = "one txn" if b == "ddl_one_txn" else "txn each"
            print(
                f"| {r['backend']} | {r['n']} | {k} | {m[k]['upgrade']:.3f} s | {m[k]['noop']:.3f} s "
                f"| {m[b]['upgrade']:.3f} s ({shape}) | {r['per_revision_overhead_ms'][k]:.2f} ms | {r['load'][0]} → {r['load'][1]} |"
            )


if __name__ == "__main__":
    main()
