//! Reports that say what really happened: raw SQL failures on MySQL placed exactly, `stamp`
//! naming the markers it cleared, unversioned databases named as such (with `stamp` as the
//! way forward), and no server-source suffixes. (Unknown revisions: `cli_errors`.)

use autogen::runtime::{
    ConnectOptions, Migrator, Progress, RevisionState, RunOptions, RuntimeError, StampReport,
};
use sea_orm::ConnectionTrait;
use tests::catalog::{set, tables};
use tests::fixtures::{CreateTable, RawStatements, migrations, rev};
use tests::process::{cli, one_line_error, success};
use tests::{Backend, TempDir, TestDb};

const FIRST: &str = "a0a0a0a0a0a0";
const RAW: &str = "b1b1b1b1b1b1";

/// Four statements through `execute_unprepared`, the last failing (the table exists).
const RAW_SQL: &[&str] = &[
    "CREATE TABLE hr_a (id INT)",
    "SELECT 1",
    "CREATE TABLE hr_b (id INT)",
    "CREATE TABLE hr_a (id INT)",
];

async fn raw_sql_failure(backend: Backend) {
    let db = TestDb::new(backend, "honest_raw").await;
    let migs = migrations(vec![
        rev(FIRST, &[], CreateTable("hr_first")),
        rev(RAW, &[FIRST], RawStatements(RAW, RAW_SQL)),
    ]);
    let m = Migrator::connect(&db.database_url(), &migs, &ConnectOptions::default())
        .await
        .unwrap();
    let opts = RunOptions::default();
    let err = m.upgrade("head", &opts).await.unwrap_err();
    let line = one_line(&err);
    assert!(line.contains(RAW), "{line}");
    assert!(line.contains("already exists"), "the cause is kept: {line}");
    assert!(
        !line.contains(" at line "),
        "no server-source suffix: {line}"
    );
    if backend != Backend::MySql {
        assert!(matches!(err, RuntimeError::RolledBack { .. }), "{line}");
        assert_eq!(tables(m.connection()).await, set(&["hr_first"]));
        return;
    }
    // MySQL ran hr_a, SELECT, hr_b and failed on the fourth. None of them reached sea-orm's
    // statement log, but every call took the session's connection: the count is exact.
    let RuntimeError::PartiallyApplied { progress, .. } = &err else {
        panic!("{line}");
    };
    assert_eq!(
        *progress,
        Progress::Exact {
            statement: 4,
            total: 4
        },
        "{line}"
    );
    assert!(
        line.contains("failed at statement 4 of 4 (3 statements were applied"),
        "{line}"
    );
    assert_eq!(
        tables(m.connection()).await,
        set(&["hr_first", "hr_a", "hr_b"])
    );
    let rows = m.applied().await.unwrap();
    assert_eq!(rows[1].state, RevisionState::Failed);
    assert_eq!(rows[1].failed_statement, Some(4));
    let again = one_line(&m.upgrade("head", &opts).await.unwrap_err());
    assert!(
        again.contains("previously failed at statement 4"),
        "{again}"
    );

    // stamp says which marker it cleared.
    let report = m.stamp(RAW, false, &opts).await.unwrap();
    assert_eq!(
        report,
        StampReport {
            recorded: vec![RAW.to_string()],
            removed: vec![],
            cleared: vec![(RAW.to_string(), RevisionState::Failed)],
        }
    );
}

/// The error and its causes, as the binary joins them.
fn one_line(err: &RuntimeError) -> String {
    let mut parts = vec![err.to_string()];
    let mut cause = std::error::Error::source(err);
    while let Some(e) = cause {
        parts.push(e.to_string());
        cause = e.source();
    }
    parts.join(": ")
}

/// A database with tables but no version table: `current` says so, and an `upgrade` that
/// collides with them suggests `stamp`. Nothing is recorded by the failed upgrade.
async fn unversioned_database(backend: Backend) {
    let db = TestDb::new(backend, "honest_unversioned").await;
    let conn = db.connect().await;
    conn.execute_unprepared(&format!("CREATE TABLE {} (id INT)", backend.ident("user")))
        .await
        .unwrap();
    let dir = TempDir::new();
    let run = |args: &[&str]| tests::process::cli_on(&dir.path, &db.url, args);
    let out = success(&run(&["current"]));
    assert!(
        out.starts_with("unversioned: the database has 1 table(s)"),
        "{out}"
    );
    assert!(out.contains("stamp"), "{out}");
    let line = one_line_error(&run(&["-q", "upgrade"]), &["already exists", "stamp"]);
    assert!(!line.contains(" at line "), "{line}");
    assert!(!line.contains("ERROR"), "{line}");
}

tests::per_backend!(raw_sql_failure, unversioned_database);

/// A connection refused by PostgreSQL is reported with the server's message, without the
/// `at line N` sqlx appends (a line of the server's C source).
#[test]
fn postgres_connect_errors_have_no_source_line() {
    let dir = TempDir::new();
    let output = cli(&dir.path)
        .args(["current"])
        .env(
            "DATABASE_URL",
            "postgres://no_such_role_autogen@127.0.0.1:5432/test",
        )
        .output()
        .unwrap();
    let line = one_line_error(&output, &["no_such_role_autogen", "does not exist"]);
    assert!(!line.contains(" at line "), "{line}");
}
