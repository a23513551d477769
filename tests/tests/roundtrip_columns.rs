//! The round-trip property (autogenerate, upgrade, autogenerate = nothing; downgrade = the
//! snapshot) for column kinds: unsigned auto-increment keys with foreign keys pointing at them.

use autogen::model::ColumnType;
use tests::Backend;
use tests::entities::unsigned;
use tests::roundtrip::RoundTrip;

/// `u32`/`u64` keys with a foreign key on them; then a column added to the parent touches no
/// foreign key (a lost `UNSIGNED` used to re-create every one).
async fn unsigned_auto_increment_key(backend: Backend) {
    let mut rt = RoundTrip::new(backend, "rt_unsigned").await;
    rt.step(&unsigned::v1::entities(), &["add_table"]).await;
    rt.insert("parent", &["name"], &[&["'a'"], &["'b'"]]).await;
    rt.insert("child", &["parent_id"], &[&["1"], &["2"]]).await;
    let key = rt.schema().await.tables["parent"].columns[0].clone();
    assert!(key.auto_increment, "{backend:?}: {key:?}");
    let want = match backend {
        Backend::MySql => ColumnType::Unsigned,
        Backend::Postgres => ColumnType::BigInteger,
        Backend::Sqlite => ColumnType::Integer,
    };
    assert_eq!(key.col_type, want, "{backend:?}");
    rt.step(&unsigned::v2::entities(), &["add_column"]).await;
    assert_eq!(rt.count("child").await, 2);
}

#[tokio::test]
async fn unsigned_auto_increment_key_mysql() {
    unsigned_auto_increment_key(Backend::MySql).await;
}

#[tokio::test]
async fn unsigned_auto_increment_key_postgres() {
    unsigned_auto_increment_key(Backend::Postgres).await;
}

#[tokio::test]
async fn unsigned_auto_increment_key_sqlite() {
    unsigned_auto_increment_key(Backend::Sqlite).await;
}
