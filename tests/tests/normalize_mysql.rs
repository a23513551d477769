//! MySQL/MariaDB quirks that normalization absorbs, one test per quirk, each against the live
//! server: the catalog's spelling differs from sea-query's, yet the normal forms are equal.

mod introspect_common;

use autogen::model::ColumnType as Ty;
use autogen::model::FkAction::{Cascade, NoAction, Restrict};
use introspect_common::{
    ColumnExt, T, assert_same_normal_form, col, default_round_trip, normalized, table_as_read,
};
use sea_orm::DbBackend;
use sea_query::Expr;
use tests::Backend;

const MY: DbBackend = DbBackend::MySql;

#[tokio::test]
async fn mariadb_reports_default_null_on_nullable_columns() {
    let current = table_as_read(
        Backend::MySql,
        "CREATE TABLE t (a int, b varchar(5) DEFAULT NULL, c int NOT NULL)",
        "t",
    )
    .await;
    assert_eq!(
        current.column("a").unwrap().default.as_deref(),
        Some("NULL")
    );
    assert_eq!(
        current.column("b").unwrap().default.as_deref(),
        Some("NULL")
    );
    assert_eq!(current.column("c").unwrap().default, None);
    let desired = T::new("t")
        .cols([
            col("a", Ty::Integer),
            col("b", Ty::String(Some(5))),
            col("c", Ty::Integer).not_null(),
        ])
        .0;
    assert_same_normal_form(MY, &desired, &current);
}

#[tokio::test]
async fn mariadb_adds_implicit_fk_index() {
    let script = "CREATE TABLE p (id int PRIMARY KEY);\n\
        CREATE TABLE c (id int PRIMARY KEY, p_id int, CONSTRAINT c_p_fk FOREIGN KEY (p_id) REFERENCES p (id));";
    let current = table_as_read(Backend::MySql, script, "c").await;
    assert_eq!(
        current.indexes.keys().collect::<Vec<_>>(),
        ["c_p_fk"],
        "the server added an index for the foreign key"
    );
    let desired = T::new("c")
        .cols([col("id", Ty::Integer).not_null(), col("p_id", Ty::Integer)])
        .pk(Some("PRIMARY"), &["id"])
        .fk("c_p_fk", &["p_id"], "p", &["id"], NoAction, NoAction)
        .0;
    assert_same_normal_form(MY, &desired, &current);
    // Kept aside under its name, for a plan that drops the key for good.
    let normal = normalized(MY, &current);
    assert!(normal.indexes.is_empty(), "{normal:?}");
    assert_eq!(normal.fk_indexes.keys().collect::<Vec<_>>(), ["c_p_fk"]);
}

#[tokio::test]
async fn mariadb_names_the_index_of_an_unnamed_foreign_key_after_its_column() {
    let script = "CREATE TABLE p (id int PRIMARY KEY);\n\
        CREATE TABLE c (id int PRIMARY KEY, p_id int, FOREIGN KEY (p_id) REFERENCES p (id));";
    let current = table_as_read(Backend::MySql, script, "c").await;
    assert_eq!(current.foreign_keys["p_id"].name, "c_ibfk_1");
    let normal = normalized(MY, &current);
    assert!(normal.indexes.is_empty(), "{normal:?}");
    assert_eq!(normal.fk_indexes.keys().collect::<Vec<_>>(), ["p_id"]);
}

#[tokio::test]
async fn mariadb_uses_a_declared_index_for_a_foreign_key() {
    // A declared index that serves the FK stays declared (the server made no index of its
    // own: it uses this one), and so does an unrelated wider index.
    let script = "CREATE TABLE p (id int PRIMARY KEY);\n\
        CREATE TABLE c (id int PRIMARY KEY, p_id int, n int, KEY c_p_idx (p_id), KEY c_np_idx (n, p_id), \
         FOREIGN KEY (p_id) REFERENCES p (id));";
    let current = table_as_read(Backend::MySql, script, "c").await;
    assert_eq!(current.indexes.len(), 2);
    let with_index = T::new("c")
        .cols([
            col("id", Ty::Integer).not_null(),
            col("p_id", Ty::Integer),
            col("n", Ty::Integer),
        ])
        .pk(Some("PRIMARY"), &["id"])
        .index("c_p_idx", &["p_id"])
        .index("c_np_idx", &["n", "p_id"])
        .fk("c_ibfk_1", &["p_id"], "p", &["id"], NoAction, NoAction)
        .0;
    assert_same_normal_form(MY, &with_index, &current);
    let normal = normalized(MY, &current);
    assert_eq!(
        normal.indexes.keys().collect::<Vec<_>>(),
        ["c_np_idx", "c_p_idx"]
    );
    assert!(normal.fk_indexes.is_empty(), "{normal:?}");
}

#[tokio::test]
async fn mariadb_reports_unspecified_fk_action_as_restrict() {
    let script = "CREATE TABLE p (id int PRIMARY KEY);\n\
        CREATE TABLE c (p_id int PRIMARY KEY, FOREIGN KEY (p_id) REFERENCES p (id) ON UPDATE CASCADE);";
    let current = table_as_read(Backend::MySql, script, "c").await;
    let fk = &current.foreign_keys["p_id"];
    assert_eq!((fk.on_delete, fk.on_update), (Restrict, Cascade));
    let desired = T::new("c")
        .cols([col("p_id", Ty::Integer).not_null()])
        .pk(Some("PRIMARY"), &["p_id"])
        .fk("c_ibfk_1", &["p_id"], "p", &["id"], NoAction, Cascade)
        .0;
    assert_same_normal_form(MY, &desired, &current);
}

#[tokio::test]
async fn mysql_stores_bool_as_tinyint_1() {
    let current = table_as_read(
        Backend::MySql,
        "CREATE TABLE t (a bool NOT NULL DEFAULT TRUE, b bool DEFAULT FALSE, c tinyint)",
        "t",
    )
    .await;
    assert_eq!(current.column("a").unwrap().default.as_deref(), Some("1"));
    assert_eq!(current.column("c").unwrap().col_type, Ty::TinyInteger);
    let desired = T::new("t")
        .cols([
            col("a", Ty::Boolean).not_null().default("TRUE"),
            col("b", Ty::Custom("tinyint(1)".into())).default("false"),
            col("c", Ty::TinyInteger),
        ])
        .0;
    assert_same_normal_form(MY, &desired, &current);
}

#[tokio::test]
async fn mysql_stores_uuid_as_binary_16() {
    let current = table_as_read(
        Backend::MySql,
        "CREATE TABLE t (a binary(16), b binary(16))",
        "t",
    )
    .await;
    assert_eq!(current.column("a").unwrap().col_type, Ty::Uuid);
    let desired = T::new("t")
        .cols([col("a", Ty::Uuid), col("b", Ty::Binary(16))])
        .0;
    assert_same_normal_form(MY, &desired, &current);
}

#[tokio::test]
async fn mariadb_stores_json_as_checked_longtext() {
    let current = table_as_read(
        Backend::MySql,
        "CREATE TABLE t (a json, b json, c longtext)",
        "t",
    )
    .await;
    assert_eq!(current.column("a").unwrap().col_type, Ty::Json);
    assert_eq!(
        current.column("c").unwrap().col_type,
        Ty::Custom("longtext".into())
    );
    // MySQL has no jsonb: sea-query renders JsonBinary as json too.
    let desired = T::new("t")
        .cols([
            col("a", Ty::Json),
            col("b", Ty::JsonBinary),
            col("c", Ty::Custom("longtext".into())),
        ])
        .0;
    assert_same_normal_form(MY, &desired, &current);
}

#[tokio::test]
async fn mysql_fills_in_default_lengths() {
    let current = table_as_read(
        Backend::MySql,
        "CREATE TABLE t (a varchar(255), b char, c decimal, d varbinary(255))",
        "t",
    )
    .await;
    assert_eq!(current.column("b").unwrap().col_type, Ty::Char(Some(1)));
    assert_eq!(
        current.column("c").unwrap().col_type,
        Ty::Decimal(Some((10, 0)))
    );
    let desired = T::new("t")
        .cols([
            col("a", Ty::String(None)),
            col("b", Ty::Char(None)),
            col("c", Ty::Decimal(None)),
            col("d", Ty::VarBinary(None)),
        ])
        .0;
    assert_same_normal_form(MY, &desired, &current);
}

#[tokio::test]
async fn mariadb_prints_integer_display_widths() {
    let current = table_as_read(
        Backend::MySql,
        "CREATE TABLE t (a int, b mediumint, c int unsigned, d bigint)",
        "t",
    )
    .await;
    assert_eq!(
        current.column("b").unwrap().col_type,
        Ty::Custom("mediumint".into())
    );
    assert_eq!(current.column("c").unwrap().col_type, Ty::Unsigned);
    let desired = T::new("t")
        .cols([
            col("a", Ty::Custom("int(11)".into())),
            col("b", Ty::Custom("mediumint".into())),
            col("c", Ty::Custom("int(10) unsigned".into())),
            col("d", Ty::BigInteger),
        ])
        .0;
    assert_same_normal_form(MY, &desired, &current);
}

#[tokio::test]
async fn mariadb_pads_decimal_defaults_to_scale() {
    let current = table_as_read(
        Backend::MySql,
        "CREATE TABLE t (a decimal(10,2) DEFAULT 1.5, b decimal(10,2) DEFAULT '0')",
        "t",
    )
    .await;
    assert_eq!(
        current.column("a").unwrap().default.as_deref(),
        Some("1.50")
    );
    assert_eq!(
        current.column("b").unwrap().default.as_deref(),
        Some("0.00")
    );
    let desired = T::new("t")
        .cols([
            col("a", Ty::Decimal(Some((10, 2)))).default("1.5"),
            col("b", Ty::Decimal(Some((10, 2)))).default("'0'"),
        ])
        .0;
    assert_same_normal_form(MY, &desired, &current);
}

#[tokio::test]
async fn mariadb_quotes_string_defaults_with_doubled_quotes() {
    // sea-query writes 'it\'s' and 'a\\b'; MariaDB prints 'it''s' and 'a\\b'.
    let current = table_as_read(
        Backend::MySql,
        r"CREATE TABLE t (a varchar(9) DEFAULT 'it\'s', b varchar(9) DEFAULT 'a\\b')",
        "t",
    )
    .await;
    assert_eq!(
        current.column("a").unwrap().default.as_deref(),
        Some("'it''s'")
    );
    assert_eq!(
        current.column("b").unwrap().default.as_deref(),
        Some(r"'a\\b'")
    );
    let desired = T::new("t")
        .cols([
            col("a", Ty::String(Some(9))).default(r"'it\'s'"),
            col("b", Ty::String(Some(9))).default(r"'a\\b'"),
        ])
        .0;
    assert_same_normal_form(MY, &desired, &current);
}

#[tokio::test]
async fn mariadb_reports_current_timestamp_as_a_function_call() {
    let current = table_as_read(
        Backend::MySql,
        "CREATE TABLE t (a timestamp NULL DEFAULT CURRENT_TIMESTAMP, b datetime DEFAULT now())",
        "t",
    )
    .await;
    assert_eq!(
        current.column("a").unwrap().default.as_deref(),
        Some("current_timestamp()")
    );
    let desired = T::new("t")
        .cols([
            col("a", Ty::TimestampWithTimeZone).default("CURRENT_TIMESTAMP"),
            col("b", Ty::DateTime).default("CURRENT_TIMESTAMP"),
        ])
        .0;
    assert_same_normal_form(MY, &desired, &current);
}

#[tokio::test]
async fn mysql_reports_unique_constraints_as_unique_indexes() {
    let current = table_as_read(
        Backend::MySql,
        "CREATE TABLE t (a int, b int, c int, CONSTRAINT t_ab_key UNIQUE (a, b));\nCREATE UNIQUE INDEX t_c_idx ON t (c);",
        "t",
    )
    .await;
    assert!(current.indexes.is_empty());
    let desired = T::new("t")
        .cols([
            col("a", Ty::Integer),
            col("b", Ty::Integer),
            col("c", Ty::Integer),
        ])
        .unique("any_name", &["a", "b"])
        .unique("other_name", &["c"])
        .0;
    let (n_desired, n_current) = (normalized(MY, &desired), normalized(MY, &current));
    assert_eq!(
        n_desired.uniques.keys().collect::<Vec<_>>(),
        n_current.uniques.keys().collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn mysql_reports_no_comment_as_empty_string() {
    let current = table_as_read(Backend::MySql, "CREATE TABLE t (a int)", "t").await;
    assert_eq!(current.comment, None);
    let desired = T::new("t")
        .cols([col("a", Ty::Integer).comment("")])
        .comment("")
        .0;
    assert_same_normal_form(MY, &desired, &current);
}

#[tokio::test]
async fn mysql_default_round_trip() {
    default_round_trip(
        Backend::MySql,
        vec![
            (Ty::String(Some(20)), Expr::val("anon")),
            (Ty::String(Some(20)), Expr::val("it's")),
            (Ty::String(Some(20)), Expr::val(r"a\b")),
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
