//! The index a foreign key needs on MySQL/MariaDB, through the round-trip property on every
//! backend (each step: autogenerate, upgrade, autogenerate = nothing, downgrade = the
//! snapshot, upgrade again). MariaDB refuses to drop the last index a key can use (error
//! 1553), makes its own when none is declared, and drops that one when another appears.

use tests::Backend;
use tests::entities::fk_index;
use tests::roundtrip::RoundTrip;

/// Names of the indexes on `book` as the database reports them (MySQL: with the one InnoDB
/// made for the key).
async fn index_names(rt: &RoundTrip) -> Vec<String> {
    let t = rt.schema().await.tables["book"].clone();
    t.indexes
        .keys()
        .chain(t.fk_indexes.keys())
        .cloned()
        .collect()
}

async fn walk(backend: Backend) {
    let mut rt = RoundTrip::new(backend, "rt_fk_index_kinds").await;
    rt.step(&fk_index::v1::entities(), &["add_table"]).await;
    rt.insert("author", &["id"], &[&["1"]]).await;
    rt.insert("book", &["id", "author_id", "year"], &[&["1", "1", "2001"]])
        .await;
    // A composite index that serves the key: its downgrade drops it while the key stays.
    rt.step(&fk_index::v2::entities(), &["add_index"]).await;
    assert!(
        index_names(&rt)
            .await
            .contains(&"ix_book_author_year".to_string()),
        "{backend:?}"
    );
    // Removed while the key stays (1553 on MariaDB without the key's drop and re-add).
    rt.step(&fk_index::v1::entities(), &["drop_index"]).await;
    // A declared index on exactly the key's column: created, and `check` is clean after.
    rt.step(&fk_index::v3::entities(), &["add_index"]).await;
    assert_eq!(
        index_names(&rt).await,
        ["idx-book-author_id"],
        "{backend:?}: the declared index serves the key, InnoDB's own is gone"
    );
    // The key goes, the declared index stays; then the index goes.
    rt.step(&fk_index::v4::entities(), &["drop_foreign_key"])
        .await;
    rt.step(&fk_index::v5::entities(), &["drop_index"]).await;
    // The key comes back without a declared index (InnoDB makes one, named after the key);
    // the downgrade drops the key and that index, which no longer exists under any other name.
    rt.step(&fk_index::v1::entities(), &["add_foreign_key"])
        .await;
    assert_eq!(rt.count("book").await, 1);
}

#[tokio::test]
async fn fk_index_mysql() {
    walk(Backend::MySql).await;
}

#[tokio::test]
async fn fk_index_postgres() {
    walk(Backend::Postgres).await;
}

#[tokio::test]
async fn fk_index_sqlite() {
    walk(Backend::Sqlite).await;
}
