//! Generated migration files committed under `tests/generated/`: they compile (each is a module
//! of this test, so the test build fails on any error, and clippy on any warning), today's
//! renderer produces exactly their bytes, and their code runs exactly the SQL the plan runs
//! when executed directly (`OpsMigration`), on every backend, up and down.
//!
//! After an intended change to the renderer, regenerate them with
//! `UPDATE_GENERATED=1 cargo nextest run -p tests --test render_generated` and review the diff.

use std::path::{Path, PathBuf};

use autogen::compare::compare;
use autogen::drift::current_schema;
use autogen::model::Schema;
use autogen::normalize::normalize;
use autogen::ops::Op;
use autogen::plan::OpsMigration;
use autogen::revision::RevisionMeta;
use autogen::runtime::{
    ConnectOptions, Migrations, Migrator, Revision, RunOptions, Side, capture_sql,
};
use sea_orm::DbBackend;
use sea_orm_migration::MigrationTrait;
use tests::render_cases::cases;
use tests::roundtrip::{schema_diff, strict_form};
use tests::{Backend, TestDb};

#[path = "../generated/alter_with_rebuild.rs"]
mod alter_with_rebuild;
#[path = "../generated/column_kinds.rs"]
mod column_kinds;
#[path = "../generated/computed_columns.rs"]
mod computed_columns;
#[path = "../generated/concurrent_indexes.rs"]
mod concurrent_indexes;
#[path = "../generated/create_tables.rs"]
mod create_tables;
#[path = "../generated/destructive.rs"]
mod destructive;
#[path = "../generated/foreign_key_change.rs"]
mod foreign_key_change;
#[path = "../generated/hostile_names.rs"]
mod hostile_names;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("generated")
}

/// The compiled files, in case order.
fn compiled() -> Vec<(RevisionMeta, Box<dyn MigrationTrait>)> {
    vec![
        (create_tables::REVISION, Box::new(create_tables::Migration)),
        (
            alter_with_rebuild::REVISION,
            Box::new(alter_with_rebuild::Migration),
        ),
        (
            foreign_key_change::REVISION,
            Box::new(foreign_key_change::Migration),
        ),
        (destructive::REVISION, Box::new(destructive::Migration)),
        (hostile_names::REVISION, Box::new(hostile_names::Migration)),
        (column_kinds::REVISION, Box::new(column_kinds::Migration)),
        (
            concurrent_indexes::REVISION,
            Box::new(concurrent_indexes::Migration),
        ),
        (
            computed_columns::REVISION,
            Box::new(computed_columns::Migration),
        ),
    ]
}

#[test]
fn renderer_produces_the_committed_files() {
    let update = std::env::var_os("UPDATE_GENERATED").is_some();
    let mut names = Vec::new();
    for case in cases() {
        let path = dir().join(format!("{}.rs", case.name));
        let source = case.render();
        if update {
            std::fs::write(&path, &source).unwrap();
        } else {
            let committed = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert!(
                committed == source,
                "{} differs from what the renderer produces now; regenerate with \
                 UPDATE_GENERATED=1 and review the diff\n{source}",
                path.display()
            );
        }
        names.push(format!("{}.rs", case.name));
    }
    // No stale files: every committed file is a case.
    let mut files: Vec<String> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    names.sort();
    assert_eq!(files, names);
}

#[tokio::test]
async fn compiled_files_run_the_planned_sql() {
    let compiled = compiled();
    let cases = cases();
    assert_eq!(compiled.len(), cases.len(), "one module per case");
    for ((meta, migration), case) in compiled.iter().zip(&cases) {
        assert_eq!(meta.message, case.name.replace('_', " "));
        let planned = OpsMigration::new(case.name, case.ops(), case.before.clone());
        for backend in [DbBackend::Postgres, DbBackend::MySql, DbBackend::Sqlite] {
            for side in [Side::Up, Side::Down] {
                let file = capture_sql(backend, migration.as_ref(), side, meta.id)
                    .await
                    .unwrap();
                let plan = capture_sql(backend, &planned, side, meta.id).await.unwrap();
                assert!(!file.is_empty(), "{} {backend:?} {side:?}", case.name);
                assert_eq!(
                    file, plan,
                    "{}: {backend:?} {side:?}: the compiled file runs the planned SQL",
                    case.name
                );
            }
        }
    }
}

/// Lists ops one per line for failure messages.
fn describe(ops: &[Op]) -> String {
    ops.iter()
        .map(|op| format!("\n  {}", op.describe()))
        .collect()
}

/// Each compiled file, run live through the migrator on top of a revision that builds its
/// starting schema: the upgrade reaches the case's target schema and the downgrade returns.
async fn compiled_files_round_trip(backend: Backend) {
    let db_backend = backend.db();
    for (index, case) in cases().into_iter().enumerate() {
        let db = TestDb::new(backend, case.name).await;
        let conn = db.connect().await;
        let setup_ops = compare(&Schema::default(), &case.before);
        let setup = OpsMigration::new("setup", setup_ops, Schema::default());
        let (meta, migration) = compiled().swap_remove(index);
        let meta = RevisionMeta {
            down_revisions: &["setup"],
            ..meta
        };
        let setup_meta = RevisionMeta {
            id: "setup",
            down_revisions: &[],
            branch_labels: &[],
            depends_on: &[],
            replaces: &[],
            transactional: true,
            message: "setup",
            create_date: "2026-01-01 00:00:00 UTC",
        };
        let migrations = Migrations::new(vec![
            Revision::new(setup_meta, setup),
            Revision { meta, migration },
        ])
        .unwrap();
        let migrator =
            Migrator::connect(&db.database_url(), &migrations, &ConnectOptions::default())
                .await
                .unwrap();
        let options = RunOptions::default();
        migrator.upgrade("setup", &options).await.unwrap();
        let before = current_schema(&conn).await.unwrap().0;

        migrator
            .upgrade("head", &options)
            .await
            .unwrap_or_else(|e| panic!("{backend:?} {}: upgrade: {e}", case.name));
        let now = current_schema(&conn).await.unwrap().0;
        let left = compare(&now, &normalize(db_backend, &case.desired));
        assert!(
            left.is_empty(),
            "{backend:?} {}: after the upgrade:{}",
            case.name,
            describe(&left)
        );

        migrator
            .downgrade("setup", &options)
            .await
            .unwrap_or_else(|e| panic!("{backend:?} {}: downgrade: {e}", case.name));
        let restored = current_schema(&conn).await.unwrap().0;
        let (want, got) = (
            strict_form(db_backend, &before),
            strict_form(db_backend, &restored),
        );
        assert!(
            want == got,
            "{backend:?} {}: downgrade restores:\n{}",
            case.name,
            schema_diff(&want, &got)
        );
    }
}

#[tokio::test]
async fn compiled_files_round_trip_on_postgres() {
    compiled_files_round_trip(Backend::Postgres).await;
}

#[tokio::test]
async fn compiled_files_round_trip_on_mysql() {
    compiled_files_round_trip(Backend::MySql).await;
}

#[tokio::test]
async fn compiled_files_round_trip_on_sqlite() {
    compiled_files_round_trip(Backend::Sqlite).await;
}
