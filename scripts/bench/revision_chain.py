#!/usr/bin/env python3
"""Writes a chain of N small revisions, as ours and as Alembic's, for the runner benchmark
(scripts/bench/runner_ab.py, docs/BENCHMARKS.md "Runner").

    revision_chain.py rust DIR N       DIR/autogen.toml + DIR/versions/*.rs
    revision_chain.py alembic DIR N    DIR/alembic.ini, env.py, versions/*.py

Revision i creates table `chain_r<i>` (`id integer NOT NULL PRIMARY KEY`, `name varchar(100)`
NULL) and its down drops it: the same DDL from both tools. Ours are revision files in the
format `revision` writes; building the cli with `AUTOGEN_CONFIG=DIR/autogen.toml` makes the
migration crate's build script list them after the repository's own two revisions, so the
first generated one builds on their head (680c9dba15ef). Alembic's chain starts at its base.
"""

import os
import sys

REPO_HEAD = "680c9dba15ef"


def rev_id(i: int) -> str:
    return f"c{i:011x}"


def rust_file(i: int) -> str:
    parent = rev_id(i - 1) if i > 1 else REPO_HEAD
    table = f"chain_r{i:04d}"
    return f'''//! chain {i}
//!
//! Revision ID: {rev_id(i)}
//! Revises: {parent}
//! Create Date: 2026-12-01 00:00:00 UTC

use autogen::revision::RevisionMeta;
use sea_orm_migration::{{DbErr, MigrationName, MigrationTrait, SchemaManager, async_trait}};

use sea_orm_migration::sea_query::{{ColumnDef, Table}};

/// Revision metadata read by the migrator.
pub const REVISION: RevisionMeta = RevisionMeta {{
    id: "{rev_id(i)}",
    down_revisions: &["{parent}"],
    branch_labels: &[],
    depends_on: &[],
    replaces: &[],
    transactional: true,
    message: "chain {i}",
    create_date: "2026-12-01 00:00:00 UTC",
}};

/// The migration itself.
pub struct Migration;

impl MigrationName for Migration {{
    fn name(&self) -> &str {{
        REVISION.id
    }}
}}

#[async_trait::async_trait]
impl MigrationTrait for Migration {{
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {{
        manager
            .create_table(
                Table::create()
                    .table("{table}")
                    .col(ColumnDef::new("id").integer().not_null().primary_key())
                    .col(ColumnDef::new("name").string_len(100).null())
                    .to_owned(),
            )
            .await
    }}

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {{
        manager
            .drop_table(Table::drop().table("{table}").to_owned())
            .await
    }}
}}
'''


def alembic_file(i: int) -> str:
    parent = repr(rev_id(i - 1)) if i > 1 else "None"
    table = f"chain_r{i:04d}"
    return f'''"""chain {i}"""
import sqlalchemy as sa
from alembic import op

revision = {rev_id(i)!r}
down_revision = {parent}


def upgrade():
    op.create_table(
        {table!r},
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False, primary_key=True),
        sa.Column("name", sa.String(100), nullable=True),
    )


def downgrade():
    op.drop_table({table!r})
'''


ALEMBIC_ENV = '''"""Online env for the runner benchmark: the URL from $BENCH_SQLALCHEMY_URL, default
settings otherwise (on PostgreSQL and SQLite one transaction around the whole run)."""
import os

from alembic import context
from sqlalchemy import create_engine, pool

engine = create_engine(os.environ["BENCH_SQLALCHEMY_URL"], poolclass=pool.NullPool)
with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=None,
        transaction_per_migration=os.environ.get("BENCH_TRANSACTION_PER_MIGRATION") == "1",
    )
    with context.begin_transaction():
        context.run_migrations()
'''


def main() -> None:
    if len(sys.argv) != 4 or sys.argv[1] not in ("rust", "alembic"):
        sys.exit(__doc__)
    kind, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    versions = os.path.join(out, "versions")
    os.makedirs(versions, exist_ok=True)
    for old in os.listdir(versions):
        os.remove(os.path.join(versions, old))
    for i in range(1, n + 1):
        if kind == "rust":
            with open(os.path.join(versions, f"{rev_id(i)}_chain_{i}.rs"), "w") as f:
                f.write(rust_file(i))
        else:
            with open(os.path.join(versions, f"{rev_id(i)}_chain_{i}.py"), "w") as f:
                f.write(alembic_file(i))
    if kind == "rust":
        with open(os.path.join(out, "autogen.toml"), "w") as f:
            f.write('versions_dir = "versions"\n')
    else:
        with open(os.path.join(out, "alembic.ini"), "w") as f:
            f.write(f"[alembic]\nscript_location = {os.path.abspath(out)}\n")
        with open(os.path.join(out, "env.py"), "w") as f:
            f.write(ALEMBIC_ENV)


if __name__ == "__main__":
    main()
