//! Databases built from raw SQL, and the "no difference either way" assertion the diff tests
//! share.

use autogen::drift::database_drift;
use autogen::ops::Op;
use sea_orm::ConnectionTrait;

use crate::{Backend, TestDb};

/// A new database on `backend` holding `sql`, run statement by statement.
pub async fn db_from_sql(backend: Backend, label: &str, sql: &[&str]) -> TestDb {
    let db = TestDb::new(backend, label).await;
    let conn = db.connect().await;
    for s in sql {
        conn.execute_unprepared(s)
            .await
            .unwrap_or_else(|e| panic!("{backend:?}: {s}: {e}"));
    }
    db
}

/// Asserts that databases built from `a` and `b` show no difference, in both directions.
pub async fn assert_same(backend: Backend, a: &[&str], b: &[&str]) {
    let x = db_from_sql(backend, "same_a", a).await;
    let y = db_from_sql(backend, "same_b", b).await;
    let (cx, cy) = (x.connect().await, y.connect().await);
    for (from, to) in [(&cx, &cy), (&cy, &cx)] {
        let ops = database_drift(from, to).await.unwrap().ops;
        assert!(
            ops.is_empty(),
            "{backend:?}: {:?}",
            ops.iter().map(Op::describe).collect::<Vec<_>>()
        );
    }
}

/// Diffs databases built from `from` and `to`, expects the op kinds `kinds`, applies
/// `diff --sql` to the first as a script, and expects no difference left (asked both through
/// the library and through the CLI's exit code).
pub async fn converge(backend: Backend, from: &[&str], to: &[&str], kinds: &[&str]) {
    let (a, b) = (
        db_from_sql(backend, "converge_from", from).await,
        db_from_sql(backend, "converge_to", to).await,
    );
    let (ca, cb) = (a.connect().await, b.connect().await);
    let ops = database_drift(&ca, &cb).await.unwrap().ops;
    let found: Vec<&str> = ops.iter().map(Op::kind).collect();
    assert_eq!(
        found,
        kinds,
        "{backend:?}: {:?}",
        ops.iter().map(Op::describe).collect::<Vec<_>>()
    );
    let out = std::process::Command::new(crate::process::cli_bin())
        .args(["diff", "--from", &a.url, "--to", &b.url, "--sql"])
        .env_remove("DATABASE_URL")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let script = String::from_utf8_lossy(&out.stdout).to_string();
    crate::script::run_script(&a, &script).await;
    let left = database_drift(&ca, &cb).await.unwrap().ops;
    assert!(
        left.is_empty(),
        "{backend:?}: left {:?}\nscript:\n{script}",
        left.iter().map(Op::describe).collect::<Vec<_>>()
    );
}
