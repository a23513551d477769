//! The round-trip property for generated (computed) columns, declared through
//! `SchemaExtras::generated`: created with their expression, an expression that changes is
//! dropped and added again (recomputed for the rows already there), a new virtual one is
//! added (a SQLite rebuild that keeps the other), and a generated column turned plain.

use autogen::model::Generated;
use autogen::ops::{ColumnChange, Op};
use sea_orm::{ConnectionTrait, Statement};
use tests::Backend;
use tests::entities::computed;
use tests::roundtrip::{RoundTrip, quote};

/// Rows of `line` whose `column` holds `value`.
async fn rows_with(rt: &RoundTrip, column: &str, value: i64) -> i64 {
    let b = rt.backend();
    let row = rt
        .conn
        .query_one_raw(Statement::from_string(
            b,
            format!(
                "SELECT COUNT(*) AS n FROM {} WHERE {} = {value}",
                quote(b, "line"),
                quote(b, column)
            ),
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get("", "n").unwrap()
}

/// The generation of `line.column` as introspected.
async fn generation(rt: &RoundTrip, column: &str) -> Option<Generated> {
    let schema = rt.schema().await;
    let t = &schema.tables["line"];
    t.column(column).and_then(|c| c.generated.clone())
}

async fn computed_columns(backend: Backend) {
    let mut rt = RoundTrip::new(backend, "rt_computed").await;
    rt.step(&computed::v1::entities(), &["add_table"]).await;
    let g = generation(&rt, "total").await.expect("total is generated");
    assert!(g.stored, "{backend:?}: {g:?}");
    rt.insert("line", &["price", "qty"], &[&["2", "3"], &["5", "2"]])
        .await;
    assert_eq!(rows_with(&rt, "total", 6).await, 1, "{backend:?}");

    // The expression changes: drop + add, recomputed.
    let s = rt.step(&computed::v2::entities(), &["alter_column"]).await;
    assert!(
        matches!(&s.ops[..], [Op::AlterColumn { changes, .. }] if changes.contains(&ColumnChange::Generated)),
        "{backend:?}: {:?}",
        s.ops
    );
    assert_eq!(rows_with(&rt, "total", 7).await, 1, "{backend:?}");
    assert_eq!(rows_with(&rt, "total", 6).await, 0, "{backend:?}");

    // A new virtual generated column (PostgreSQL 15 has only stored ones).
    rt.step(&computed::v3::entities(), &["add_column"]).await;
    let d = generation(&rt, "doubled")
        .await
        .expect("doubled is generated");
    assert_eq!(d.stored, backend == Backend::Postgres, "{backend:?}: {d:?}");
    assert_eq!(rows_with(&rt, "doubled", 6).await, 1, "{backend:?}");
    assert!(generation(&rt, "total").await.is_some(), "{backend:?}");

    // `total` becomes a plain column.
    rt.step(&computed::v4::entities(), &["alter_column"]).await;
    assert_eq!(generation(&rt, "total").await, None, "{backend:?}");
    assert!(generation(&rt, "doubled").await.is_some(), "{backend:?}");
    assert_eq!(rt.count("line").await, 2);
}

#[tokio::test]
async fn computed_columns_postgres() {
    computed_columns(Backend::Postgres).await;
}

#[tokio::test]
async fn computed_columns_mysql() {
    computed_columns(Backend::MySql).await;
}

#[tokio::test]
async fn computed_columns_sqlite() {
    computed_columns(Backend::Sqlite).await;
}
