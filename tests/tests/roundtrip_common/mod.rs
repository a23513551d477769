//! Round-trip scenarios, shared by the per-backend test files. Each scenario starts from an
//! empty database and walks entity versions (`tests::entities::<scenario>::v*`); every step
//! checks the round-trip property (see `tests::roundtrip::RoundTrip::step`).
#![allow(dead_code)]

use std::collections::BTreeSet;
use tests::Backend;
use tests::entities::*;

use tests::roundtrip::{RoundTrip, Stepped};

/// Defines one `#[tokio::test]` per scenario for `$backend`.
#[macro_export]
macro_rules! roundtrip_tests {
    ($backend:expr) => {
        $crate::roundtrip_tests!(
            $backend;
            tables, columns, type_change, nullability, defaults, comments, unique_added_and_removed,
            index_added_and_removed, foreign_key_on_delete, primary_key_change, rename_hint,
            combined, foreign_key_removed_index_kept
        );
    };
    ($backend:expr; $($name:ident),*) => {
        $(
            #[tokio::test]
            async fn $name() {
                roundtrip_common::$name($backend).await;
            }
        )*
    };
}

/// Whether the backend keeps comments (SQLite has none, so comment changes are no-ops there).
fn has_comments(backend: Backend) -> bool {
    backend != Backend::Sqlite
}

/// On SQLite, the step rebuilt exactly `tables` (and kept their rows, which `step` checks).
fn rebuilt(backend: Backend, stepped: &Stepped, tables: &[&str]) {
    if backend == Backend::Sqlite {
        let want: BTreeSet<String> = tables.iter().map(|t| t.to_string()).collect();
        assert_eq!(stepped.sqlite_rebuilds(), want, "tables rebuilt on SQLite");
    }
}

/// Add three tables (reserved names, a foreign key, a composite key), then drop one and add
/// another.
pub async fn tables(backend: Backend) {
    let mut rt = RoundTrip::new(backend, "rt_tables").await;
    rt.step(&tables::v1::entities(), &["add_table"]).await;
    rt.insert("user", &["id", "name"], &[&["1", "'ann'"], &["2", "'bob'"]])
        .await;
    rt.insert(
        "order",
        &["id", "user_id", "total"],
        &[&["1", "1", "10"], &["2", "2", "20"]],
    )
    .await;
    rt.insert(
        "tag_link",
        &["order_id", "tag"],
        &[&["1", "'a'"], &["1", "'b'"]],
    )
    .await;
    let s = rt
        .step(&tables::v2::entities(), &["drop_table", "add_table"])
        .await;
    rebuilt(backend, &s, &[]);
    assert_eq!(rt.count("order").await, 2);
}

/// Drop a column, add three (one that SQLite can only add by rebuilding).
pub async fn columns(backend: Backend) {
    let mut rt = RoundTrip::new(backend, "rt_columns").await;
    rt.step(&columns::v1::entities(), &["add_table"]).await;
    rt.insert(
        "user",
        &["id", "name", "nickname"],
        &[&["1", "'ann'", "'a'"], &["2", "'bob'", "NULL"]],
    )
    .await;
    let s = rt
        .step(&columns::v2::entities(), &["drop_column", "add_column"])
        .await;
    rebuilt(backend, &s, &["user"]);
}

/// varchar(50) → varchar(200) and integer → bigint; then bigint → varchar(20) and integer →
/// boolean, and back (text → bigint and boolean → integer need casts on Postgres).
pub async fn type_change(backend: Backend) {
    let mut rt = RoundTrip::new(backend, "rt_types").await;
    rt.step(&types::v1::entities(), &["add_table"]).await;
    rt.insert(
        "item",
        &["id", "code", "qty"],
        &[&["1", "'x1'", "5"], &["2", "'x2'", "7"]],
    )
    .await;
    let s = rt.step(&types::v2::entities(), &["alter_column"]).await;
    rebuilt(backend, &s, &["item"]);
    rt.exec("UPDATE item SET flag = 1 WHERE id = 2").await;
    let s = rt.step(&types::v3::entities(), &["alter_column"]).await;
    rebuilt(backend, &s, &["item"]);
    assert_eq!(rt.text("item", "qty", 2).await, "7");
}

/// NULL → NOT NULL and NOT NULL → NULL.
pub async fn nullability(backend: Backend) {
    let mut rt = RoundTrip::new(backend, "rt_null").await;
    rt.step(&nullability::v1::entities(), &["add_table"]).await;
    rt.insert(
        "item",
        &["id", "a", "b"],
        &[&["1", "'a1'", "'b1'"], &["2", "'a2'", "'b2'"]],
    )
    .await;
    let s = rt
        .step(&nullability::v2::entities(), &["alter_column"])
        .await;
    rebuilt(backend, &s, &["item"]);
}

/// A default changed, one removed, one added.
pub async fn defaults(backend: Backend) {
    let mut rt = RoundTrip::new(backend, "rt_defaults").await;
    rt.step(&defaults::v1::entities(), &["add_table"]).await;
    rt.insert("item", &["id", "score"], &[&["1", "3"], &["2", "4"]])
        .await;
    let s = rt.step(&defaults::v2::entities(), &["alter_column"]).await;
    rebuilt(backend, &s, &["item"]);
}

/// A table comment added, a column comment changed, one added.
pub async fn comments(backend: Backend) {
    let mut rt = RoundTrip::new(backend, "rt_comments").await;
    rt.step(&comments::v1::entities(), &["add_table"]).await;
    rt.insert("book", &["id", "title", "pages"], &[&["1", "'t'", "100"]])
        .await;
    let expect: &[&str] = if has_comments(backend) {
        &["alter_column", "set_table_comment"]
    } else {
        &[]
    };
    rt.step(&comments::v2::entities(), expect).await;
}

/// A unique added, then removed.
pub async fn unique_added_and_removed(backend: Backend) {
    let mut rt = RoundTrip::new(backend, "rt_unique").await;
    rt.step(&uniques::v1::entities(), &["add_table"]).await;
    rt.insert(
        "account",
        &["id", "email"],
        &[&["1", "'a@x'"], &["2", "'b@x'"]],
    )
    .await;
    let s = rt.step(&uniques::v2::entities(), &["add_unique"]).await;
    rebuilt(backend, &s, &[]);
    let s = rt.step(&uniques::v1::entities(), &["drop_unique"]).await;
    rebuilt(backend, &s, &["account"]);
}

/// An index added, then removed.
pub async fn index_added_and_removed(backend: Backend) {
    let mut rt = RoundTrip::new(backend, "rt_index").await;
    rt.step(&indexes::v1::entities(), &["add_table"]).await;
    rt.insert("account", &["id", "email"], &[&["1", "'a@x'"]])
        .await;
    rt.step(&indexes::v2::entities(), &["add_index"]).await;
    rt.step(&indexes::v1::entities(), &["drop_index"]).await;
}

/// ON DELETE: no action → cascade → set null.
pub async fn foreign_key_on_delete(backend: Backend) {
    let mut rt = RoundTrip::new(backend, "rt_fk").await;
    rt.step(&foreign_keys::v1::entities(), &["add_table"]).await;
    rt.insert("user", &["id", "name"], &[&["1", "'ann'"]]).await;
    rt.insert("order", &["id", "user_id"], &[&["1", "1"], &["2", "NULL"]])
        .await;
    let change = ["drop_foreign_key", "add_foreign_key"];
    let s = rt.step(&foreign_keys::v2::entities(), &change).await;
    rebuilt(backend, &s, &["order"]);
    let s = rt.step(&foreign_keys::v3::entities(), &change).await;
    rebuilt(backend, &s, &["order"]);
}

/// Primary key (user_id) → (user_id, group_id) → (user_id).
pub async fn primary_key_change(backend: Backend) {
    let mut rt = RoundTrip::new(backend, "rt_pk").await;
    rt.step(&primary_keys::v1::entities(), &["add_table"]).await;
    rt.insert(
        "membership",
        &["user_id", "group_id"],
        &[&["1", "10"], &["2", "10"]],
    )
    .await;
    let s = rt
        .step(&primary_keys::v2::entities(), &["alter_primary_key"])
        .await;
    rebuilt(backend, &s, &["membership"]);
    let s = rt
        .step(&primary_keys::v1::entities(), &["alter_primary_key"])
        .await;
    rebuilt(backend, &s, &["membership"]);
}

/// `renamed_from`: two renames, one with a type change.
pub async fn rename_hint(backend: Backend) {
    let mut rt = RoundTrip::new(backend, "rt_rename").await;
    rt.step(&renames::v1::entities(), &["add_table"]).await;
    rt.insert(
        "user",
        &["id", "name", "login"],
        &[&["1", "'Ann'", "'ann'"], &["2", "'Bob'", "'bob'"]],
    )
    .await;
    let s = rt
        .step(&renames::v2::entities(), &["rename_column", "alter_column"])
        .await;
    rebuilt(backend, &s, &["user"]);
    // Renamed columns keep their values (through the SQLite rebuild too).
    assert_eq!(rt.text("user", "full_name", 1).await, "Ann");
    assert_eq!(rt.text("user", "handle", 2).await, "bob");
}

/// Many changes to one table in one revision, and a foreign key added to an existing column.
pub async fn combined(backend: Backend) {
    let mut rt = RoundTrip::new(backend, "rt_combined").await;
    rt.step(&combined::v1::entities(), &["add_table"]).await;
    rt.insert("user", &["id", "name"], &[&["1", "'ann'"]]).await;
    rt.insert(
        "post",
        &["id", "title", "author_id", "slug", "legacy"],
        &[
            &["1", "'hello'", "1", "'hello'", "3"],
            &["2", "'bye'", "NULL", "'bye'", "NULL"],
        ],
    )
    .await;
    let s = rt
        .step(
            &combined::v2::entities(),
            &[
                "drop_column",
                "alter_column",
                "add_column",
                "add_unique",
                "add_index",
                "add_foreign_key",
            ],
        )
        .await;
    rebuilt(backend, &s, &["post"]);
    assert_eq!(rt.text("post", "title", 1).await, "hello");
    // And back: the foreign key is dropped while its column stays.
    rt.step(
        &combined::v1::entities(),
        &[
            "drop_foreign_key",
            "drop_index",
            "drop_unique",
            "drop_column",
            "alter_column",
            "add_column",
        ],
    )
    .await;
}

/// A foreign key removed while an index declared on its column stays. On MySQL the declared
/// index replaces the one InnoDB made for the key (which InnoDB drops by itself), so the ops
/// are the same on every backend, and the file generated on one runs on the others.
pub async fn foreign_key_removed_index_kept(backend: Backend) {
    let mut rt = RoundTrip::new(backend, "rt_fk_index").await;
    rt.step(
        &foreign_keys::indexed_v1::entities(),
        &["add_table", "add_index"],
    )
    .await;
    rt.step(&foreign_keys::indexed_v2::entities(), &["drop_foreign_key"])
        .await;
}
