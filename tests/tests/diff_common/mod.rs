//! `diff --from A --to B`, shared by the per-backend test files: databases built from raw SQL
//! (a generated schema of 36 tables with foreign keys, indexes and uniques), the CLI's exit
//! codes and formats, and `diff --sql` applied to A making A match B.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::process::Output;

use assert_cmd::Command;
use autogen::drift::database_drift;
use autogen::ops::Op;
use sea_orm::{ConnectionTrait, DbBackend};
use tests::process::cli_bin;
use tests::schema_gen::{Variant, schema_sql};
use tests::script::run_script;
use tests::{Backend, TestDb};

/// Defines the diff tests for `$backend`.
#[macro_export]
macro_rules! diff_tests {
    ($backend:expr) => {
        #[tokio::test]
        async fn exit_codes_and_formats() {
            diff_common::exit_codes_and_formats($backend).await;
        }

        #[tokio::test]
        async fn generated_schema_forward() {
            diff_common::generated_schema(
                $backend,
                tests::schema_gen::Variant::From,
                tests::schema_gen::Variant::To,
            )
            .await;
        }

        #[tokio::test]
        async fn generated_schema_backward() {
            diff_common::generated_schema(
                $backend,
                tests::schema_gen::Variant::To,
                tests::schema_gen::Variant::From,
            )
            .await;
        }
    };
}

/// Tables in the generated schema.
const TABLES: usize = 36;

/// A new database holding the generated schema `variant` with `tables` tables.
async fn build(backend: Backend, tables: usize, variant: Variant) -> TestDb {
    let db = TestDb::new(backend, &format!("diff_{variant:?}")).await;
    let conn = db.connect().await;
    for sql in schema_sql(backend.db(), tables, variant) {
        conn.execute_unprepared(&sql)
            .await
            .unwrap_or_else(|e| panic!("{backend:?}: {sql}: {e}"));
    }
    db
}

/// Runs the cli binary with `args`.
fn cli(args: &[&str]) -> Output {
    Command::new(cli_bin())
        .args(args)
        .env_remove("DATABASE_URL")
        .output()
        .expect("run cli")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The ops that turn database `from` into database `to`.
async fn ops(from: &TestDb, to: &TestDb) -> Vec<Op> {
    let (a, b) = (from.connect().await, to.connect().await);
    database_drift(&a, &b).await.unwrap().ops
}

/// Exit 0 for equal databases, 1 with the ops (text or JSON) for different ones, 2 on error.
pub async fn exit_codes_and_formats(backend: Backend) {
    let from = build(backend, 6, Variant::From).await;
    let to = build(backend, 6, Variant::To).await;

    // Equal databases.
    let out = cli(&["diff", "--from", &from.url, "--to", &from.url]);
    assert_eq!(out.status.code(), Some(0), "{backend:?}: {out:?}");
    assert_eq!(
        stdout(&out).trim(),
        "No changes detected: the database matches."
    );
    let out = cli(&["diff", "--from", &to.url, "--to", &to.url, "--sql"]);
    assert_eq!(out.status.code(), Some(0), "{backend:?}: {out:?}");

    // Different databases: one line per op, as `check` prints them.
    let want = ops(&from, &to).await;
    assert!(!want.is_empty());
    let out = cli(&["diff", "--from", &from.url, "--to", &to.url]);
    assert_eq!(out.status.code(), Some(1), "{backend:?}: {out:?}");
    let lines: Vec<String> = stdout(&out).lines().map(str::to_string).collect();
    let expected = autogen::ops::report_lines(&want, &[backend]);
    assert_eq!(lines, expected, "{backend:?}: text output");

    // JSON, with and without the SQL.
    let out = cli(&[
        "diff", "--from", &from.url, "--to", &to.url, "--format", "json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["in_sync"], false);
    let listed = autogen::ops::ops_json(&want, backend);
    assert_eq!(json["ops"], serde_json::Value::Array(listed));
    let out = cli(&[
        "diff", "--from", &from.url, "--to", &to.url, "--format", "json", "--sql",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(!json["sql"].as_array().unwrap().is_empty());

    // An unreachable database is an error: exit 2, one line on stderr.
    let bad = match backend {
        Backend::Postgres => "postgres://postgres@127.0.0.1:1/nope".to_string(),
        Backend::MySql => "mysql://root@127.0.0.1:1/nope".to_string(),
        Backend::Sqlite => "sqlite:///nonexistent-dir/nope.db".to_string(),
    };
    let out = cli(&[
        "diff",
        "--from",
        &bad,
        "--to",
        &to.url,
        "--connect-timeout",
        "3",
    ]);
    assert_eq!(out.status.code(), Some(2), "{backend:?}: {out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("error: "), "{err}");
}

/// `diff --sql` from the `a` variant to the `b` variant, applied to `a`, makes them match.
pub async fn generated_schema(backend: Backend, a: Variant, b: Variant) {
    let from = build(backend, TABLES, a).await;
    let to = build(backend, TABLES, b).await;

    // Step 1: every kind of difference is found.
    let found = ops(&from, &to).await;
    let kinds: BTreeSet<&str> = found.iter().map(Op::kind).collect();
    let mut want: BTreeSet<&str> = [
        "add_table",
        "drop_table",
        "add_column",
        "drop_column",
        "alter_column",
        "add_index",
        "drop_index",
        "add_unique",
        "drop_unique",
        "add_foreign_key",
        "drop_foreign_key",
    ]
    .into_iter()
    .collect();
    if backend != Backend::Sqlite {
        want.insert("set_table_comment");
    }
    assert_eq!(kinds, want, "{backend:?}: op kinds");
    assert!(found.len() > 40, "{backend:?}: {} ops", found.len());

    // Step 2: the CLI's upgrade SQL, applied to `from` as a script.
    let out = cli(&["diff", "--from", &from.url, "--to", &to.url, "--sql"]);
    assert_eq!(out.status.code(), Some(1), "{backend:?}: {out:?}");
    let script = stdout(&out);
    assert!(script.contains(';'), "{script}");
    if backend.db() == DbBackend::Sqlite {
        assert!(script.starts_with("-- ") && script.contains("PRAGMA foreign_keys = OFF;"));
    }
    run_script(&from, &script).await;

    // Step 3: nothing left, by the library and by the CLI; every row is still there.
    let left = ops(&from, &to).await;
    assert!(
        left.is_empty(),
        "{backend:?}: left after applying the diff:\n{}",
        left.iter().map(Op::describe).collect::<Vec<_>>().join("\n")
    );
    let out = cli(&["diff", "--from", &from.url, "--to", &to.url]);
    assert_eq!(out.status.code(), Some(0), "{backend:?}: {out:?}");
    let conn = from.connect().await;
    for i in
        (0..TABLES).filter(|i| tests::schema_gen::exists(*i, a) && tests::schema_gen::exists(*i, b))
    {
        let q = match backend {
            Backend::MySql => format!("SELECT COUNT(*) AS n FROM `t{i:02}`"),
            _ => format!("SELECT COUNT(*) AS n FROM \"t{i:02}\""),
        };
        let row = conn
            .query_one_raw(sea_orm::Statement::from_string(backend.db(), q))
            .await
            .unwrap()
            .unwrap();
        let n: i64 = row.try_get("", "n").unwrap();
        assert_eq!(n, 1, "{backend:?}: rows of t{i:02}");
    }
}
