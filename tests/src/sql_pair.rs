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
