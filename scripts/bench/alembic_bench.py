#!/usr/bin/env python3
"""Times `alembic check` against a benchmark database, for scripts/bench.sh.

Run with the Python of the virtualenv whose Alembic is measured:

    alembic_bench.py URL RUNS WORKDIR OUT.json

1. Reflects the database into SQLAlchemy metadata (untimed setup; the reflected metadata
   stands in for a project's models) and changes every 10th table the same way the Rust
   bench changes its desired schema: one added column (text, nullable) with a new index, the
   first non-unique index (by name) removed, the first varchar widened by one. That is four
   diffs per changed table. The metadata is pickled, so `alembic check` does not reflect it.
2. Runs `alembic -c WORKDIR/alembic.ini check` RUNS times as a subprocess and records its
   wall time (interpreter start, imports and connection included), plus what the env.py in
   alembic_env/ reports: the in-process time of the comparison, its SQL statement count and
   the number of diffs. `check` exits 255 when it finds diffs; that is expected here.
"""

import json
import os
import pickle
import statistics
import subprocess
import sys
import time
from importlib.metadata import version

from sqlalchemy import Column, Index, MetaData, String, Text, create_engine

EVERY = 10
HERE = os.path.dirname(os.path.abspath(__file__))


def sqlalchemy_url(url: str) -> str:
    """postgres://... → postgresql+psycopg2://..., mysql:// → mysql+pymysql://,
    sqlite:///path → sqlite:///path (the query string, e.g. ?mode=rwc, dropped)."""
    scheme, rest = url.split("://", 1)
    if scheme == "sqlite":
        return "sqlite:///" + rest.split("?", 1)[0]
    driver = {"postgres": "postgresql+psycopg2", "postgresql": "postgresql+psycopg2", "mysql": "mysql+pymysql", "mariadb": "mysql+pymysql"}[scheme]
    return f"{driver}://{rest}"


def modify(metadata: MetaData) -> int:
    """Applies the same four changes per 10th table as bench/src/main.rs; returns the count."""
    changed = 0
    for table in sorted(metadata.tables.values(), key=lambda t: t.name)[::EVERY]:
        # By name: on MariaDB the index InnoDB made for the foreign key sorts first.
        dropped = [i for i in table.indexes if i.name == f"ix_{table.name}_active_created"]
        for index in dropped:
            table.indexes.discard(index)
        first_varchar = next(
            (c for c in table.columns if isinstance(c.type, String) and not isinstance(c.type, Text) and c.type.length),
            None,
        )
        extra = Column("bench_extra", Text, nullable=True)
        table.append_column(extra)
        # MariaDB indexes a text column by a prefix (gen_schema.py --modified does the same).
        Index(f"ix_{table.name}_bench_extra", extra, mysql_length=255)
        if first_varchar is not None:
            first_varchar.type = String(first_varchar.type.length + 1)
        changed += 1
    return changed


class Check:
    """A prepared `alembic check` against one database: the pickled, modified metadata and
    an alembic.ini in `workdir`."""

    def __init__(self, url: str, workdir: str):
        os.makedirs(os.path.join(workdir, "versions"), exist_ok=True)
        sa_url = sqlalchemy_url(url)
        # Setup: reflect, modify, pickle.
        engine = create_engine(sa_url)
        metadata = MetaData()
        start = time.perf_counter()
        metadata.reflect(engine)
        self.reflect_s = time.perf_counter() - start
        engine.dispose()
        self.changed = modify(metadata)
        pickled = os.path.join(workdir, "target_metadata.pickle")
        with open(pickled, "wb") as f:
            pickle.dump(metadata, f)
        self.ini = os.path.join(workdir, "alembic.ini")
        with open(self.ini, "w") as f:
            f.write(
                "[alembic]\n"
                f"script_location = {os.path.join(HERE, 'alembic_env')}\n"
                f"version_locations = {os.path.join(workdir, 'versions')}\n"
            )
        self.alembic = os.path.join(os.path.dirname(sys.executable), "alembic")
        self.stats_path = os.path.join(workdir, "stats.json")
        self.env = dict(
            os.environ,
            BENCH_TARGET_METADATA=pickled,
            BENCH_SQLALCHEMY_URL=sa_url,
            BENCH_STATS=self.stats_path,
            PYTHONDONTWRITEBYTECODE="1",
        )

    def once(self) -> dict:
        """One `alembic check` process: what env.py reported, plus its wall time and exit."""
        if os.path.exists(self.stats_path):
            os.remove(self.stats_path)
        start = time.perf_counter()
        proc = subprocess.run([self.alembic, "-c", self.ini, "check"], env=self.env, capture_output=True, text=True)
        wall = time.perf_counter() - start
        if proc.returncode not in (0, 255) or not os.path.exists(self.stats_path):
            sys.exit(f"alembic check failed (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
        with open(self.stats_path) as f:
            stats = json.load(f)
        stats.update(wall_s=wall, exit=proc.returncode)
        return stats


def main() -> None:
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    url, runs, workdir, out = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    check = Check(url, workdir)
    samples = []
    for i in range(1, runs + 1):
        stats = check.once()
        samples.append(stats)
        print(
            f"  alembic {version('alembic')} run {i}/{runs}: wall {stats['wall_s']:.2f} s, compare "
            f"{stats['compare_s']:.2f} s, {stats['statements']} statements, {stats['diffs']} diffs",
            file=sys.stderr,
        )

    def phase(key: str) -> dict:
        values = [s[key] * 1000 for s in samples]
        return {"median_ms": statistics.median(values), "min_ms": min(values), "runs_ms": values}

    result = {
        "alembic": version("alembic"),
        "sqlalchemy": version("sqlalchemy"),
        "psycopg2": version("psycopg2-binary"),
        "python": sys.version.split()[0],
        "runs": runs,
        "tables_changed": check.changed,
        "setup_reflect_ms": check.reflect_s * 1000,
        "wall": phase("wall_s"),
        "compare": phase("compare_s"),
        "statements": sorted({s["statements"] for s in samples}),
        "diffs": sorted({s["diffs"] for s in samples}),
        "exit": sorted({s["exit"] for s in samples}),
    }
    with open(out, "w") as f:
        json.dump(result, f, indent=2)


if __name__ == "__main__":
    main()
