//! SQLite quirks that normalization absorbs, one test per quirk, each against a real database
//! file: what SQLite reports differs from sea-query's spelling, yet the normal forms are equal.

mod introspect_common;

use autogen::model::ColumnType as Ty;
use autogen::model::FkAction::NoAction;
use introspect_common::{
    ColumnExt, T, assert_same_normal_form, col, default_round_trip, normalized, table_as_read,
};
use sea_orm::DbBackend;
use sea_query::Expr;
use tests::Backend;

const LITE: DbBackend = DbBackend::Sqlite;

#[tokio::test]
async fn sqlite_strips_only_one_level_of_default_parentheses() {
    // SQLite keeps the text inside `DEFAULT (...)`, so `((2))` reads back as `(2)`; sea-query
    // writes non-literal defaults in parentheses, the catalog of other backends drops them.
    let current = table_as_read(
        Backend::Sqlite,
        "CREATE TABLE t (a integer DEFAULT (0), b integer DEFAULT ((2)), c text DEFAULT (lower('X')))",
        "t",
    )
    .await;
    assert_eq!(current.column("a").unwrap().default.as_deref(), Some("0"));
    assert_eq!(current.column("b").unwrap().default.as_deref(), Some("(2)"));
    assert_eq!(
        current.column("c").unwrap().default.as_deref(),
        Some("lower('X')")
    );
    let desired = T::new("t")
        .cols([
            col("a", Ty::Integer).default("(0)"),
            col("b", Ty::Integer).default("2"),
            col("c", Ty::Text).default("(lower('X'))"),
        ])
        .0;
    assert_same_normal_form(LITE, &desired, &current);
}

#[tokio::test]
async fn sqlite_declares_bigint_as_integer() {
    let current = table_as_read(Backend::Sqlite, "CREATE TABLE t (a integer)", "t").await;
    assert_eq!(current.column("a").unwrap().col_type, Ty::Integer);
    let desired = T::new("t").cols([col("a", Ty::BigInteger)]).0;
    assert_same_normal_form(LITE, &desired, &current);
}

#[tokio::test]
async fn sqlite_uppercases_strict_type_names() {
    // SQLite 3.37+ reports INT, INTEGER, REAL, TEXT, BLOB and ANY in upper case.
    let current = table_as_read(
        Backend::Sqlite,
        "CREATE TABLE t (a integer, b text, c blob, d int)",
        "t",
    )
    .await;
    let desired = T::new("t")
        .cols([
            col("a", Ty::Integer),
            col("b", Ty::Text),
            col("c", Ty::Blob),
            col("d", Ty::Custom("int".into())),
        ])
        .0;
    assert_eq!(current.columns, desired.columns);
}

#[tokio::test]
async fn sqlite_has_no_comments() {
    let current = table_as_read(Backend::Sqlite, "CREATE TABLE t (a integer)", "t").await;
    let desired = T::new("t")
        .cols([col("a", Ty::Integer).comment("kept nowhere")])
        .comment("also nowhere")
        .0;
    assert_same_normal_form(LITE, &desired, &current);
}

#[tokio::test]
async fn sqlite_reports_booleans_as_written() {
    let current = table_as_read(
        Backend::Sqlite,
        "CREATE TABLE t (a boolean DEFAULT 1, b boolean DEFAULT FALSE)",
        "t",
    )
    .await;
    assert_eq!(current.column("a").unwrap().default.as_deref(), Some("1"));
    assert_eq!(
        current.column("b").unwrap().default.as_deref(),
        Some("FALSE")
    );
    let desired = T::new("t")
        .cols([
            col("a", Ty::Boolean).default("TRUE"),
            col("b", Ty::Boolean).default("0"),
        ])
        .0;
    assert_same_normal_form(LITE, &desired, &current);
}

#[tokio::test]
async fn sqlite_names_unique_constraints_autoindex() {
    let current = table_as_read(
        Backend::Sqlite,
        "CREATE TABLE t (a integer, b integer, CONSTRAINT t_ab_key UNIQUE (a, b))",
        "t",
    )
    .await;
    assert_eq!(current.uniques["a,b"].name, "sqlite_autoindex_t_1");
    let desired = T::new("t")
        .cols([col("a", Ty::Integer), col("b", Ty::Integer)])
        .unique("t_ab_key", &["a", "b"])
        .0;
    // Names of uniques are ignored by compare: the keys (column lists) agree.
    assert_eq!(
        normalized(LITE, &desired)
            .uniques
            .keys()
            .collect::<Vec<_>>(),
        normalized(LITE, &current)
            .uniques
            .keys()
            .collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn sqlite_references_without_columns_mean_the_primary_key() {
    let script = "CREATE TABLE p (a integer, b integer, PRIMARY KEY (a, b));\n\
        CREATE TABLE c (x integer, y integer, FOREIGN KEY (x, y) REFERENCES p);";
    let current = table_as_read(Backend::Sqlite, script, "c").await;
    let desired = T::new("c")
        .cols([col("x", Ty::Integer), col("y", Ty::Integer)])
        .fk("fk_c_0", &["x", "y"], "p", &["a", "b"], NoAction, NoAction)
        .0;
    assert_eq!(current, desired);
}

#[tokio::test]
async fn sqlite_autoincrement_needs_the_keyword() {
    let script = "CREATE TABLE a (id integer PRIMARY KEY AUTOINCREMENT, note text DEFAULT 'AUTOINCREMENT');\n\
        CREATE TABLE b (id integer PRIMARY KEY, note text DEFAULT 'AUTOINCREMENT');";
    let a = table_as_read(Backend::Sqlite, script, "a").await;
    let b = table_as_read(Backend::Sqlite, script, "b").await;
    assert!(a.column("id").unwrap().auto_increment);
    assert!(!b.column("id").unwrap().auto_increment);
    let desired = T::new("a")
        .cols([
            col("id", Ty::BigInteger).auto().default("1"),
            col("note", Ty::Text).default("'AUTOINCREMENT'"),
        ])
        .pk(None, &["id"])
        .0;
    // sea-query declares the key NOT NULL; SQLite's INTEGER PRIMARY KEY reports nullable.
    let mut current = a.clone();
    current.columns[0].nullable = false;
    assert_same_normal_form(LITE, &desired, &current);
}

#[tokio::test]
async fn sqlite_default_round_trip() {
    default_round_trip(
        Backend::Sqlite,
        vec![
            (Ty::String(Some(20)), Expr::val("anon")),
            (Ty::Text, Expr::val("it's")),
            (Ty::Text, Expr::val(r"a\b")),
            (Ty::Integer, Expr::val(0)),
            (Ty::SmallInteger, Expr::val(-1)),
            (Ty::Decimal(Some((10, 2))), Expr::val(1.5)),
            (Ty::Double, Expr::val(0.25)),
            (Ty::Boolean, Expr::val(true)),
            (Ty::Boolean, Expr::val(false)),
            (Ty::DateTime, Expr::current_timestamp()),
            (Ty::TimestampWithTimeZone, Expr::current_timestamp()),
            (Ty::Integer, Expr::cust("1 + 1")),
        ],
    )
    .await;
}
