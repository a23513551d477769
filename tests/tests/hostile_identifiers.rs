//! The identifier property: two databases whose tables, columns, indexes, uniques and foreign
//! keys carry hostile names (`tests::hostile`) are made equal, and an unrelated canary table
//! keeps its rows,
//!
//! - by applying the script `cli diff --from A --to B --sql` prints to A (as a SQL console
//!   would, whole), and
//! - by the autogenerate path: the rendered revision is valid, rustfmt-clean Rust, and its plan
//!   run through the real migrator upgrades A to B and downgrades it back.
//!
//! Several generated rounds per backend, from fixed seeds.

use std::io::Write;
use std::process::{Command, Stdio};

use autogen::drift::database_drift;
use autogen::plan::OpsMigration;
use autogen::render::{RenderInput, render_migration};
use autogen::revision::{NewRevision, RevisionMeta};
use autogen::runtime::{ConnectOptions, Migrations, Migrator, Revision, RunOptions};
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use tests::hostile::{CANARY, CANARY_ROWS, Tbl, pair, schema_sql};
use tests::process::{cli, texts};
use tests::script::run_script;
use tests::{Backend, TempDir, TestDb, per_backend};

/// Generated rounds per backend and path.
const ROUNDS: u64 = 4;

fn seed(backend: Backend, round: u64) -> u64 {
    (backend as u64) * 1000 + round
}

/// A database holding `tables` (and the canary), built from raw SQL.
async fn build(backend: Backend, label: &str, tables: &[Tbl], rows: bool) -> TestDb {
    let db = TestDb::new(backend, label).await;
    let conn = db.connect().await;
    for sql in schema_sql(backend, tables, rows) {
        conn.execute_unprepared(&sql)
            .await
            .unwrap_or_else(|e| panic!("{backend:?}: {sql}: {e}"));
    }
    db
}

async fn count(conn: &DatabaseConnection, table: &str) -> i64 {
    let b = conn.get_database_backend();
    let sql = format!(
        "SELECT COUNT(*) AS n FROM {}",
        autogen::Backend::of(b).ident(table)
    );
    let row = conn
        .query_one_raw(Statement::from_string(b, sql))
        .await
        .unwrap_or_else(|e| panic!("{b:?}: count {table:?}: {e}"))
        .expect("one row");
    row.try_get("", "n").unwrap()
}

/// The canary, the parent and the child still hold their rows.
async fn assert_rows_kept(conn: &DatabaseConnection, tables: &[Tbl], context: &str) {
    assert_eq!(count(conn, CANARY).await, CANARY_ROWS, "{context}: canary");
    assert_eq!(count(conn, &tables[0].name).await, 1, "{context}: parent");
    assert_eq!(count(conn, &tables[1].name).await, 1, "{context}: child");
}

/// `diff --sql` from A to B, applied to A as a script: A then matches B.
async fn diff_sql_script(backend: Backend) {
    let dir = TempDir::new();
    for round in 0..ROUNDS {
        let pair = pair(backend, seed(backend, round));
        let from = build(backend, "hostile_from", &pair.from, true).await;
        let to = build(backend, "hostile_to", &pair.to, false).await;
        let context = format!("{backend:?} round {round}");

        let out = cli(&dir.path)
            .args(["diff", "--from", &from.url, "--to", &to.url, "--sql"])
            .output()
            .unwrap();
        let (script, err) = texts(&out);
        assert_eq!(out.status.code(), Some(1), "{context}: {err}\n{script}");
        run_script(&from, &script).await;

        let again = cli(&dir.path)
            .args(["diff", "--from", &from.url, "--to", &to.url])
            .output()
            .unwrap();
        let (left, err) = texts(&again);
        assert_eq!(
            again.status.code(),
            Some(0),
            "{context}: left after the script:\n{left}{err}\n--- script\n{script}"
        );
        assert_rows_kept(&from.connect().await, &pair.from, &context).await;
    }
}

/// rustfmt accepts `source` and leaves it as it is.
fn assert_rustfmt_clean(source: &str, context: &str) {
    let mut child = Command::new(std::env::var_os("RUSTFMT").unwrap_or_else(|| "rustfmt".into()))
        .args(["--edition", "2024", "--emit", "stdout"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("rustfmt is installed");
    let mut stdin = child.stdin.take().unwrap();
    let input = source.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    let (formatted, err) = texts(&out);
    assert!(out.status.success(), "{context}: rustfmt: {err}\n{source}");
    assert!(
        formatted == source,
        "{context}: not rustfmt-clean:\n{source}"
    );
}

/// The autogenerate path: render the revision, then run its plan through the migrator.
async fn autogenerate_and_upgrade(backend: Backend) {
    for round in 0..ROUNDS {
        let pair = pair(backend, seed(backend, round) + 500);
        let from = build(backend, "hostile_from", &pair.from, true).await;
        let original = build(backend, "hostile_orig", &pair.from, true).await;
        let to = build(backend, "hostile_to", &pair.to, false).await;
        let (a, b, o) = (
            from.connect().await,
            to.connect().await,
            original.connect().await,
        );
        let context = format!("{backend:?} round {round}");

        let drift = database_drift(&a, &b).await.unwrap();
        assert!(!drift.ops.is_empty(), "{context}: the databases differ");
        let source = render_migration(RenderInput {
            revision: NewRevision {
                id: "0571e0000001".into(),
                message: "hostile".into(),
                create_date: "2026-01-01 00:00:00 UTC".into(),
                ..NewRevision::default()
            },
            ops: &drift.ops,
            before: &drift.base,
        });
        assert_rustfmt_clean(&source, &context);

        let meta = RevisionMeta {
            id: "0571e0000001",
            down_revisions: &[],
            branch_labels: &[],
            depends_on: &[],
            replaces: &[],
            transactional: true,
            message: "hostile",
            create_date: "2026-01-01 00:00:00 UTC",
        };
        let migration = OpsMigration::new("hostile", drift.ops.clone(), drift.base.clone());
        let migrations = Migrations::new(vec![Revision::new(meta, migration)]).unwrap();
        let migrator = Migrator::connect(
            &from.database_url(),
            &migrations,
            &ConnectOptions::default(),
        )
        .await
        .unwrap();
        let options = RunOptions::default();
        migrator
            .upgrade("head", &options)
            .await
            .unwrap_or_else(|e| panic!("{context}: upgrade: {e}\n{source}"));
        let left = database_drift(&a, &b).await.unwrap().ops;
        assert!(
            left.is_empty(),
            "{context}: after upgrade: {left:?}\n{source}"
        );
        assert_rows_kept(&a, &pair.from, &format!("{context} upgrade")).await;

        migrator
            .downgrade("base", &options)
            .await
            .unwrap_or_else(|e| panic!("{context}: downgrade: {e}\n{source}"));
        let back = database_drift(&a, &o).await.unwrap().ops;
        assert!(back.is_empty(), "{context}: after downgrade: {back:?}");
        assert_rows_kept(&a, &pair.from, &format!("{context} downgrade")).await;
    }
}

per_backend!(diff_sql_script, autogenerate_and_upgrade);
