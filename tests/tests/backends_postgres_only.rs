//! `backends = ["postgres"]`: the generated file (committed under `tests/generated_backends/`,
//! compiled here) has no SQLite or MySQL branch, runs exactly the planned PostgreSQL SQL, and on
//! SQLite fails with an error naming the file and the backend.
//!
//! Regenerate after an intended renderer change with
//! `UPDATE_GENERATED=1 cargo nextest run -p tests --test backends_postgres_only`.

use std::path::Path;

use autogen::model::Schema;
use autogen::ops::Op;
use autogen::plan::OpsMigration;
use autogen::render::{RenderInput, render_migration_for};
use autogen::revision::NewRevision;
use autogen::runtime::{
    ConnectOptions, Migrations, Migrator, Revision, RunOptions, Side, capture_sql,
};
use sea_orm::DbBackend;
use tests::render_cases::cases;
use tests::{Backend, TestDb};

#[path = "../generated_backends/postgres_only.rs"]
mod postgres_only;

/// The case with a SQLite table rebuild, its ops and start, rendered for PostgreSQL only.
fn render() -> (String, Vec<Op>, Schema) {
    let case = cases()
        .into_iter()
        .find(|c| c.name == "alter_with_rebuild")
        .expect("the rebuild case");
    let ops = case.ops();
    let source = render_migration_for(
        RenderInput {
            revision: NewRevision {
                id: "0000000000pg".into(),
                message: "postgres only".into(),
                create_date: "2026-01-01 00:00:00 UTC".into(),
                ..NewRevision::default()
            },
            ops: &ops,
            before: &case.before,
        },
        &[DbBackend::Postgres],
    );
    (source, ops, case.before)
}

#[test]
fn file_has_only_postgres_branches() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("generated_backends/postgres_only.rs");
    let (source, _, _) = render();
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::write(&path, &source).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap();
    assert!(
        committed == source,
        "{} is stale:\n{source}",
        path.display()
    );
    for absent in ["Sqlite", "MySql", "get_database_backend() =="] {
        assert!(!source.contains(absent), "{absent} in\n{source}");
    }
    assert_eq!(
        source
            .matches(
                "autogen::revision::require_backend(manager, file!(), &[DbBackend::Postgres])?;"
            )
            .count(),
        2,
        "a guard in up and in down:\n{source}"
    );
    // The same ops for every backend carry a SQLite rebuild: the restriction removed it.
    let all = autogen::render::render_migration(RenderInput {
        revision: NewRevision::default(),
        ops: &render().1,
        before: &render().2,
    });
    assert!(
        all.contains("DbBackend::Sqlite"),
        "the unrestricted file has a SQLite branch"
    );
}

#[tokio::test]
async fn compiled_file_runs_the_planned_postgres_sql() {
    let (_, ops, before) = render();
    let planned = OpsMigration::new("pg", ops, before);
    for side in [Side::Up, Side::Down] {
        let file = capture_sql(DbBackend::Postgres, &postgres_only::Migration, side, "pg")
            .await
            .unwrap();
        let plan = capture_sql(DbBackend::Postgres, &planned, side, "pg")
            .await
            .unwrap();
        assert!(!file.is_empty());
        assert_eq!(file, plan, "{side:?}");
    }
}

#[tokio::test]
async fn on_sqlite_it_fails_naming_the_file_and_the_backend() {
    let db = TestDb::new(Backend::Sqlite, "pgonly").await;
    let migrations = Migrations::new(vec![Revision::new(
        postgres_only::REVISION,
        postgres_only::Migration,
    )])
    .unwrap();
    let migrator = Migrator::connect(&db.database_url(), &migrations, &ConnectOptions::default())
        .await
        .unwrap();
    let err = migrator
        .upgrade("head", &RunOptions::default())
        .await
        .unwrap_err();
    let line = autogen::Error::from(err).one_line();
    assert!(
        line.contains("generated_backends/postgres_only.rs was generated for postgres only")
            && line.contains("cannot run on sqlite"),
        "{line}"
    );
}
