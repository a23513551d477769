//! Postgres quirks that normalization absorbs, one test per quirk, each against the live
//! server: the catalog's spelling differs from sea-query's, yet the normal forms are equal.

mod introspect_common;

use autogen::model::ColumnType as Ty;
use introspect_common::{
    ColumnExt, T, assert_same_normal_form, col, default_round_trip, normalized, table_as_read,
};
use sea_orm::DbBackend;
use sea_query::Expr;
use tests::Backend;

const PG: DbBackend = DbBackend::Postgres;

#[tokio::test]
async fn postgres_casts_string_defaults() {
    let current = table_as_read(
        Backend::Postgres,
        "CREATE TABLE t (id integer PRIMARY KEY, name varchar(20) DEFAULT 'x', body text DEFAULT 'y', doc jsonb DEFAULT '{}')",
        "t",
    )
    .await;
    assert_eq!(
        current.column("name").unwrap().default.as_deref(),
        Some("'x'::character varying")
    );
    assert_eq!(
        current.column("body").unwrap().default.as_deref(),
        Some("'y'::text")
    );
    assert_eq!(
        current.column("doc").unwrap().default.as_deref(),
        Some("'{}'::jsonb")
    );
    let desired = T::new("t")
        .cols([
            col("id", Ty::Integer).not_null(),
            col("name", Ty::String(Some(20))).default("'x'"),
            col("body", Ty::Text).default("'y'"),
            col("doc", Ty::JsonBinary).default("'{}'"),
        ])
        .pk(Some("t_pkey"), &["id"])
        .0;
    assert_same_normal_form(PG, &desired, &current);
}

#[tokio::test]
async fn postgres_quotes_and_casts_negative_and_numeric_defaults() {
    let current = table_as_read(
        Backend::Postgres,
        "CREATE TABLE t (a smallint DEFAULT -1, b numeric(10,2) DEFAULT '0', c numeric DEFAULT 1.50)",
        "t",
    )
    .await;
    assert_eq!(
        current.column("a").unwrap().default.as_deref(),
        Some("'-1'::integer")
    );
    assert_eq!(
        current.column("b").unwrap().default.as_deref(),
        Some("'0'::numeric")
    );
    assert_eq!(
        current.column("c").unwrap().default.as_deref(),
        Some("1.50")
    );
    let desired = T::new("t")
        .cols([
            col("a", Ty::SmallInteger).default("-1"),
            col("b", Ty::Decimal(Some((10, 2)))).default("0"),
            col("c", Ty::Decimal(None)).default("1.5"),
        ])
        .0;
    assert_same_normal_form(PG, &desired, &current);
}

#[tokio::test]
async fn postgres_reports_now_or_current_timestamp_as_written() {
    let current = table_as_read(
        Backend::Postgres,
        "CREATE TABLE t (a timestamp DEFAULT now(), b timestamptz DEFAULT CURRENT_TIMESTAMP)",
        "t",
    )
    .await;
    assert_eq!(
        current.column("a").unwrap().default.as_deref(),
        Some("now()")
    );
    assert_eq!(
        current.column("b").unwrap().default.as_deref(),
        Some("CURRENT_TIMESTAMP")
    );
    let desired = T::new("t")
        .cols([
            col("a", Ty::DateTime).default("CURRENT_TIMESTAMP"),
            col("b", Ty::TimestampWithTimeZone).default("now()"),
        ])
        .0;
    assert_same_normal_form(PG, &desired, &current);
}

#[tokio::test]
async fn postgres_unescapes_sea_query_e_strings() {
    // sea-query writes E'it\'s' and E'a\\b'; the catalog prints 'it''s' and 'a\b'.
    let current = table_as_read(
        Backend::Postgres,
        r"CREATE TABLE t (a text DEFAULT E'it\'s', b text DEFAULT E'a\\b')",
        "t",
    )
    .await;
    assert_eq!(
        current.column("a").unwrap().default.as_deref(),
        Some("'it''s'::text")
    );
    assert_eq!(
        current.column("b").unwrap().default.as_deref(),
        Some(r"'a\b'::text")
    );
    let desired = T::new("t")
        .cols([
            col("a", Ty::Text).default(r"E'it\'s'"),
            col("b", Ty::Text).default(r"E'a\\b'"),
        ])
        .0;
    assert_same_normal_form(PG, &desired, &current);
}

#[tokio::test]
async fn postgres_reports_explicit_default_null_as_typed_null() {
    let current = table_as_read(
        Backend::Postgres,
        "CREATE TABLE t (a varchar(5) DEFAULT NULL)",
        "t",
    )
    .await;
    assert_eq!(
        current.column("a").unwrap().default.as_deref(),
        Some("NULL::character varying")
    );
    let desired = T::new("t").cols([col("a", Ty::String(Some(5)))]).0;
    assert_same_normal_form(PG, &desired, &current);
}

#[tokio::test]
async fn postgres_stores_tinyint_as_smallint() {
    let current = table_as_read(Backend::Postgres, "CREATE TABLE t (a smallint)", "t").await;
    let desired = T::new("t").cols([col("a", Ty::TinyInteger)]).0;
    assert_same_normal_form(PG, &desired, &current);
}

#[tokio::test]
async fn postgres_stores_every_binary_type_as_bytea() {
    let current = table_as_read(
        Backend::Postgres,
        "CREATE TABLE t (a bytea, b bytea, c bytea)",
        "t",
    )
    .await;
    assert_eq!(current.column("a").unwrap().col_type, Ty::Blob);
    let desired = T::new("t")
        .cols([
            col("a", Ty::Binary(16)),
            col("b", Ty::VarBinary(Some(10))),
            col("c", Ty::Blob),
        ])
        .0;
    assert_same_normal_form(PG, &desired, &current);
}

#[tokio::test]
async fn postgres_stores_bare_char_as_char_1() {
    let current = table_as_read(Backend::Postgres, "CREATE TABLE t (a char)", "t").await;
    assert_eq!(current.column("a").unwrap().col_type, Ty::Char(Some(1)));
    let desired = T::new("t").cols([col("a", Ty::Char(None))]).0;
    assert_same_normal_form(PG, &desired, &current);
}

#[tokio::test]
async fn postgres_serial_default_is_a_sequence() {
    let current = table_as_read(
        Backend::Postgres,
        "CREATE TABLE t (a serial PRIMARY KEY, b bigint GENERATED ALWAYS AS IDENTITY)",
        "t",
    )
    .await;
    for name in ["a", "b"] {
        let column = current.column(name).unwrap();
        assert!(column.auto_increment, "{name} is auto-increment");
        assert_eq!(column.default, None, "{name} has no default");
    }
    // A desired-side default on an auto-increment column means nothing; the kind (serial,
    // identity always) is read back and compared.
    let kind = |mut c: autogen::model::Column, kind| {
        c.identity = Some(autogen::model::Identity::of(kind));
        c
    };
    use autogen::model::IdentityKind;
    let desired = T::new("t")
        .cols([
            kind(
                col("a", Ty::Integer).auto().default("0"),
                IdentityKind::Serial,
            ),
            kind(col("b", Ty::BigInteger).auto(), IdentityKind::Always),
        ])
        .pk(Some("t_pkey"), &["a"])
        .0;
    assert_same_normal_form(PG, &desired, &current);
}

#[tokio::test]
async fn postgres_primary_key_columns_are_not_null() {
    let current = table_as_read(
        Backend::Postgres,
        "CREATE TABLE t (a integer, b integer, PRIMARY KEY (a, b))",
        "t",
    )
    .await;
    assert!(!current.column("a").unwrap().nullable);
    let desired = T::new("t")
        .cols([col("a", Ty::Integer), col("b", Ty::Integer)])
        .pk(None, &["a", "b"])
        .0;
    let n = normalized(PG, &desired);
    assert!(!n.column("a").unwrap().nullable);
    assert_eq!(n.columns, normalized(PG, &current).columns);
}

#[tokio::test]
async fn postgres_custom_type_synonyms_are_model_types() {
    let current = table_as_read(
        Backend::Postgres,
        "CREATE TABLE t (a timestamptz, b int4, c varchar(9), d inet)",
        "t",
    )
    .await;
    let desired = T::new("t")
        .cols([
            col("a", Ty::Custom("TIMESTAMPTZ".into())),
            col("b", Ty::Custom("int4".into())),
            col("c", Ty::Custom("character varying(9)".into())),
            col("d", Ty::Custom("inet".into())),
        ])
        .0;
    assert_same_normal_form(PG, &desired, &current);
}

#[tokio::test]
async fn postgres_default_round_trip() {
    default_round_trip(
        Backend::Postgres,
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
