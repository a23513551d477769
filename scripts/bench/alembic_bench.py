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
    """postgres://... → postgresql+psycopg2://..."""
    scheme, rest = url.split("://", 1)
    return f"postgresql+psycopg2://{rest}"


def modify(metadata: MetaData) -> int:
    """Applies the same four changes per 10th table as bench/src/main.rs; returns the count."""
    changed = 0
    for table in sorted(metadata.tables.values(), key=lambda t: t.name)[::EVERY]:
        indexes = sorted((i for i in table.indexes if not i.unique), key=lambda i: i.name)
        if indexes:
            table.indexes.discard(indexes[0])
        first_varchar = next(
            (c for c in table.columns if isinstance(c.type, String) and not isinstance(c.type, Text) and c.type.length),
            None,
        )
        extra = Column("bench_extra", Text, nullable=True)
        table.append_column(extra)
        Index(f"ix_{table.name}_bench_extra", extra)
        if first_varchar is not None:
            first_varchar.type = String(first_varchar.type.length + 1)
        changed += 1
    return changed


def main() -> None:
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    url, runs, workdir, out = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    os.makedirs(os.path.join(workdir, "versions"), exist_ok=True)
    sa_url = sqlalchemy_url(url)

    # Setup: reflect, modify, pickle.
    engine = create_engine(sa_url)
    metadata = MetaData()
    start = time.perf_counter()
    metadata.reflect(engine)
    reflect_s = time.perf_counter() - start
    engine.dispose()
    changed = modify(metadata)
    pickled = os.path.join(workdir, "target_metadata.pickle")
    with open(pickled, "wb") as f:
        pickle.dump(metadata, f)

    ini = os.path.join(workdir, "alembic.ini")
    with open(ini, "w") as f:
        f.write(
            "[alembic]\n"
            f"script_location = {os.path.join(HERE, 'alembic_env')}\n"
            f"version_locations = {os.path.join(workdir, 'versions')}\n"
        )

    alembic = os.path.join(os.path.dirname(sys.executable), "alembic")
    stats_path = os.path.join(workdir, "stats.json")
    env = dict(
        os.environ,
        BENCH_TARGET_METADATA=pickled,
        BENCH_SQLALCHEMY_URL=sa_url,
        BENCH_STATS=stats_path,
        PYTHONDONTWRITEBYTECODE="1",
    )
    samples = []
    for i in range(1, runs + 1):
        if os.path.exists(stats_path):
            os.remove(stats_path)
        start = time.perf_counter()
        proc = subprocess.run([alembic, "-c", ini, "check"], env=env, capture_output=True, text=True)
        wall = time.perf_counter() - start
        if proc.returncode not in (0, 255) or not os.path.exists(stats_path):
            sys.exit(f"alembic check failed (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
        with open(stats_path) as f:
            stats = json.load(f)
        stats.update(wall_s=wall, exit=proc.returncode)
        samples.append(stats)
        print(
            f"  alembic {version('alembic')} run {i}/{runs}: wall {wall:.2f} s, compare "
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
        "tables_changed": changed,
        "setup_reflect_ms": reflect_s * 1000,
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
