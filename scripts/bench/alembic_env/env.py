"""Minimal Alembic environment for scripts/bench.sh: `alembic check` against a benchmark
database, with `target_metadata` unpickled from reflected SQLAlchemy metadata of that same
database (slightly modified by alembic_bench.py, so the comparison finds a few changes).

Writes {"compare_s", "statements", "diffs"} to $BENCH_STATS: the in-process time of the
autogenerate comparison, the SQL statements it issued (SQLAlchemy cursor events), and the
number of diffs it found.
"""

import json
import os
import pickle
import sys
import time

from alembic import context
from sqlalchemy import create_engine, event, pool

# Alembic before 1.18 reflects tables with resolve_fks=True, recursing along foreign keys: on
# the benchmark's 1000-table chain that overflows Python's default limit of 1000 frames.
sys.setrecursionlimit(20000)

with open(os.environ["BENCH_TARGET_METADATA"], "rb") as f:
    target_metadata = pickle.load(f)

stats = {"statements": 0, "diffs": None}
engine = create_engine(os.environ["BENCH_SQLALCHEMY_URL"], poolclass=pool.NullPool)


@event.listens_for(engine, "before_cursor_execute")
def _count(conn, cursor, statement, parameters, ctx, executemany):
    stats["statements"] += 1


def _count_diffs(ctx, revision, directives):
    stats["diffs"] = sum(len(ops.as_diffs()) for ops in directives[0].upgrade_ops_list)


with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        process_revision_directives=_count_diffs,
    )
    stats["statements"] = 0  # count the comparison only, not the dialect's first-connect probes
    start = time.perf_counter()
    with context.begin_transaction():
        context.run_migrations()
    stats["compare_s"] = time.perf_counter() - start

with open(os.environ["BENCH_STATS"], "w") as f:
    json.dump(stats, f)
