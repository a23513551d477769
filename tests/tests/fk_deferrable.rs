//! Foreign-key deferrability and renames through the round-trip property on every backend
//! (each step: autogenerate, upgrade, autogenerate = nothing, downgrade = the snapshot,
//! upgrade again). PostgreSQL alters the key in place (`ALTER CONSTRAINT`), SQLite rebuilds
//! the table, MySQL/MariaDB have no deferrable keys: there the declaration is no change. A
//! rename on the same column is a drop and an add, except on SQLite, which keeps no names.

use autogen::model::Deferrable;
use tests::Backend;
use tests::entities::fk_deferrable;
use tests::roundtrip::RoundTrip;

/// The deferrability of `book`'s key as the database reports it, and its name.
async fn key(rt: &RoundTrip) -> (Deferrable, String) {
    let fk = rt.schema().await.tables["book"].foreign_keys["author_id"].clone();
    (fk.deferrable, fk.name)
}

/// What a deferrability change is on `backend`.
fn altered(backend: Backend) -> &'static [&'static str] {
    match backend {
        Backend::MySql => &[],
        _ => &["alter_foreign_key"],
    }
}

/// What `want` reads back as on `backend`.
fn read_back(backend: Backend, want: Deferrable) -> Deferrable {
    if backend == Backend::MySql {
        Deferrable::No
    } else {
        want
    }
}

async fn walk(backend: Backend) {
    let mut rt = RoundTrip::new(backend, "rt_fk_deferrable").await;
    rt.step(&fk_deferrable::v1::entities(), &["add_table"])
        .await;
    rt.insert("author", &["id"], &[&["1"]]).await;
    rt.insert("book", &["id", "author_id"], &[&["1", "1"]])
        .await;
    // Made deferrable, then initially deferred, then plain again.
    for (entities, want) in [
        (
            fk_deferrable::v2::entities(),
            Deferrable::InitiallyImmediate,
        ),
        (fk_deferrable::v3::entities(), Deferrable::InitiallyDeferred),
        (fk_deferrable::v1::entities(), Deferrable::No),
    ] {
        rt.step(&entities, altered(backend)).await;
        assert_eq!(key(&rt).await.0, read_back(backend, want), "{backend:?}");
    }
    // Renamed on the same column.
    let renamed: &[&str] = match backend {
        Backend::Sqlite => &[],
        _ => &["drop_foreign_key", "add_foreign_key"],
    };
    rt.step(&fk_deferrable::v4::entities(), renamed).await;
    if backend != Backend::Sqlite {
        assert_eq!(key(&rt).await.1, "fk_book_writer", "{backend:?}");
    }
    // And back (the downgrade direction, as an upgrade).
    rt.step(&fk_deferrable::v1::entities(), renamed).await;
    assert_eq!(rt.count("book").await, 1);

    // A new table with a deferrable key: PostgreSQL adds the key after `CREATE TABLE`, SQLite
    // writes it into its own `CREATE TABLE`.
    let mut fresh = RoundTrip::new(backend, "rt_fk_deferrable_new").await;
    fresh
        .step(&fk_deferrable::v3::entities(), &["add_table"])
        .await;
    assert_eq!(
        key(&fresh).await.0,
        read_back(backend, Deferrable::InitiallyDeferred),
        "{backend:?}"
    );
}

#[tokio::test]
async fn fk_deferrable_postgres() {
    walk(Backend::Postgres).await;
}

#[tokio::test]
async fn fk_deferrable_sqlite() {
    walk(Backend::Sqlite).await;
}

#[tokio::test]
async fn fk_deferrable_mysql() {
    walk(Backend::MySql).await;
}
