//! MySQL column attributes through the round-trip property (autogenerate, upgrade,
//! autogenerate = nothing; downgrade = the snapshot): `ON UPDATE CURRENT_TIMESTAMP` declared
//! by an entity, and a column collation no entity declares, kept by `MODIFY COLUMN`.

use autogen::metadata::desired_schema;
use autogen::model::{OnUpdate, UnmanagedKind};
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use tests::Backend;
use tests::entities::{collation, on_update};
use tests::roundtrip::RoundTrip;

/// The `on_update` of `note.<column>` as introspected.
async fn on_update_of(rt: &RoundTrip, column: &str) -> Option<OnUpdate> {
    rt.schema().await.tables["note"]
        .column(column)
        .unwrap_or_else(|| panic!("no column {column}"))
        .on_update
}

/// One string from a query on MySQL.
async fn scalar(rt: &RoundTrip, sql: &str) -> String {
    let row = rt
        .conn
        .query_one_raw(Statement::from_string(DbBackend::MySql, sql))
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no row: {sql}"));
    row.try_get("", "v").unwrap()
}

/// Added with a new column and to an existing one, removed, the column dropped: each step a
/// round trip. On MySQL the clause is live (an update moves the timestamp); elsewhere there
/// is no such clause and the same entities give plain columns, with no op for it.
async fn on_update_current_timestamp(backend: Backend) {
    let mysql = backend == Backend::MySql;
    let on = Some(OnUpdate { precision: None });
    let mut rt = RoundTrip::new(backend, "rt_on_update").await;
    rt.step(&on_update::v1::entities(), &["add_table"]).await;
    rt.insert("note", &["id", "body"], &[&["1", "'a'"]]).await;

    let v2: &[&str] = if mysql {
        &["add_column", "alter_column"]
    } else {
        &["add_column"]
    };
    rt.step(&on_update::v2::entities(), v2).await;
    if mysql {
        assert_eq!(on_update_of(&rt, "updated_at").await, on);
        assert_eq!(on_update_of(&rt, "seen_at").await, on);
        rt.exec("UPDATE note SET updated_at = '2000-01-01 00:00:00' WHERE id = 1")
            .await;
        rt.exec("UPDATE note SET body = 'b' WHERE id = 1").await;
        let year = scalar(
            &rt,
            "SELECT CAST(YEAR(updated_at) AS CHAR) AS v FROM note WHERE id = 1",
        )
        .await;
        assert_ne!(year, "2000", "ON UPDATE moved the timestamp");
    } else {
        assert_eq!(on_update_of(&rt, "updated_at").await, None, "{backend:?}");
    }

    let v3: &[&str] = if mysql { &["alter_column"] } else { &[] };
    let s = rt.step(&on_update::v3::entities(), v3).await;
    if mysql {
        assert!(
            s.ops[0]
                .describe()
                .contains("on update CURRENT_TIMESTAMP -> none"),
            "{}",
            s.ops[0].describe()
        );
        assert_eq!(on_update_of(&rt, "updated_at").await, None);
        assert_eq!(on_update_of(&rt, "seen_at").await, on);
    }
    rt.step(&on_update::v4::entities(), &["drop_column"]).await;
    assert_eq!(rt.count("note").await, 1);
}

#[tokio::test]
async fn on_update_current_timestamp_mysql() {
    on_update_current_timestamp(Backend::MySql).await;
}

#[tokio::test]
async fn on_update_current_timestamp_postgres() {
    on_update_current_timestamp(Backend::Postgres).await;
}

#[tokio::test]
async fn on_update_current_timestamp_sqlite() {
    on_update_current_timestamp(Backend::Sqlite).await;
}

/// An `extra` attribute the model cannot keep is a notice of the desired schema, on every
/// backend: a plan restates columns from the model, so it would otherwise vanish silently.
#[test]
fn unkept_extra_is_a_notice() {
    for backend in [DbBackend::MySql, DbBackend::Postgres, DbBackend::Sqlite] {
        let schema = desired_schema(&on_update::unkept::entities(), backend);
        let notices: Vec<String> = schema
            .unmanaged
            .iter()
            .filter(|u| u.kind == UnmanagedKind::ColumnAttribute)
            .map(ToString::to_string)
            .collect();
        assert_eq!(notices.len(), 1, "{backend:?}: {notices:?}");
        assert!(notices[0].contains("INVISIBLE"), "{notices:?}");
    }
}

/// A column collation no entity declares: the entity changes the column, the upgrade's
/// `MODIFY COLUMN` keeps `latin1_bin`, and the downgrade's too (the round trip compares the
/// restored schema, collation included).
#[tokio::test]
async fn mysql_modify_keeps_an_undeclared_collation() {
    let mut rt = RoundTrip::new(Backend::MySql, "rt_collation").await;
    rt.exec(
        "CREATE TABLE label (id int PRIMARY KEY, \
         code varchar(10) CHARACTER SET latin1 COLLATE latin1_bin NULL) \
         DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci",
    )
    .await;
    rt.insert("label", &["id", "code"], &[&["1", "'x'"]]).await;
    const COLLATION: &str = "SELECT CAST(COLLATION_NAME AS CHAR) AS v \
        FROM information_schema.COLUMNS \
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'label' AND COLUMN_NAME = 'code'";
    assert_eq!(scalar(&rt, COLLATION).await, "latin1_bin");
    let s = rt
        .step(&collation::changed::entities(), &["alter_column"])
        .await;
    assert_eq!(s.ops.len(), 1, "{:?}", s.ops);
    assert_eq!(
        scalar(&rt, COLLATION).await,
        "latin1_bin",
        "after the upgrade"
    );
    let schema = rt.schema().await;
    let code = schema.tables["label"].column("code").unwrap();
    assert_eq!(
        code.collation.as_ref().map(|c| c.name.as_str()),
        Some("latin1_bin")
    );
    assert!(!code.nullable);
}
