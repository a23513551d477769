//! MySQL/MariaDB introspection against a live server: an exact model, the excluded tables,
//! and a constant number of catalog queries.

mod introspect_common;

use autogen::model::ColumnType as Ty;
use autogen::model::FkAction::{Cascade, Restrict, SetNull};
use introspect_common::{ColumnExt, T, assert_tables_eq, col, exec_script, many_tables, read};
use sea_orm::ConnectionTrait;
use tests::{Backend, TestDb};

const SCHEMA: &str = r#"
CREATE TABLE `user` (
  id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email varchar(255) NOT NULL COMMENT 'login',
  name varchar(100) NOT NULL DEFAULT 'anon',
  active bool NOT NULL DEFAULT TRUE,
  level tinyint DEFAULT 3,
  score smallint DEFAULT -1,
  balance decimal(10,2) NOT NULL DEFAULT 0,
  rating float,
  ratio double DEFAULT 0.5,
  code char(4),
  bio text,
  birthday date,
  wake_at time,
  created_at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at timestamp NULL DEFAULT CURRENT_TIMESTAMP,
  external_id binary(16),
  token binary(8),
  salt varbinary(32),
  avatar blob,
  profile json,
  visits bigint,
  motto varchar(20) DEFAULT 'it''s',
  mood enum('happy','sad') DEFAULT 'happy',
  flags int unsigned,
  UNIQUE KEY user_email_key (email)
) COMMENT 'people who order';
CREATE TABLE product (
  shop varchar(20) NOT NULL,
  code varchar(32) NOT NULL,
  price decimal NOT NULL DEFAULT '0',
  PRIMARY KEY (shop, code)
);
CREATE TABLE `order` (
  id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id int,
  reviewer_id int,
  number varchar(20) NOT NULL,
  shop varchar(20) NOT NULL,
  amount decimal(12,2),
  note varchar(50) DEFAULT 'none',
  KEY order_user_idx (user_id),
  KEY order_shop_amount_idx (shop, amount),
  UNIQUE KEY order_shop_number_key (shop, number),
  UNIQUE KEY order_note_uidx (note),
  FULLTEXT KEY order_number_ft (number),
  CONSTRAINT order_user_fk FOREIGN KEY (user_id) REFERENCES `user` (id)
    ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT order_reviewer_fk FOREIGN KEY (reviewer_id) REFERENCES `user` (id)
    ON DELETE SET NULL
);
CREATE TABLE order_line (
  order_id bigint NOT NULL,
  line smallint NOT NULL,
  shop varchar(20) NOT NULL,
  product_code varchar(32) NOT NULL,
  quantity int NOT NULL DEFAULT 1,
  PRIMARY KEY (order_id, line),
  KEY order_line_product_idx (product_code, shop),
  CONSTRAINT order_line_order_fk FOREIGN KEY (order_id) REFERENCES `order` (id)
    ON DELETE CASCADE,
  CONSTRAINT order_line_product_fk FOREIGN KEY (shop, product_code)
    REFERENCES product (shop, code) ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE TABLE autogen_version (version_num varchar(64) PRIMARY KEY);
CREATE TABLE seaql_migrations (version varchar(255) PRIMARY KEY, applied_at bigint NOT NULL);
"#;

/// The model exactly as MariaDB reports it (normalization not applied): nullable columns
/// without a default report `NULL`, unspecified FK actions report RESTRICT, and each foreign
/// key without a usable index got an implicit one named after the constraint.
fn expected() -> Vec<autogen::model::Table> {
    let null = "NULL";
    vec![
        T::new("user")
            .comment("people who order")
            .cols([
                col("id", Ty::Integer).auto(),
                col("email", Ty::String(Some(255)))
                    .not_null()
                    .comment("login"),
                col("name", Ty::String(Some(100)))
                    .not_null()
                    .default("'anon'"),
                col("active", Ty::Boolean).not_null().default("1"),
                col("level", Ty::TinyInteger).default("3"),
                col("score", Ty::SmallInteger).default("-1"),
                col("balance", Ty::Decimal(Some((10, 2))))
                    .not_null()
                    .default("0.00"),
                col("rating", Ty::Float).default(null),
                col("ratio", Ty::Double).default("0.5"),
                col("code", Ty::Char(Some(4))).default(null),
                col("bio", Ty::Text).default(null),
                col("birthday", Ty::Date).default(null),
                col("wake_at", Ty::Time).default(null),
                col("created_at", Ty::DateTime)
                    .not_null()
                    .default("current_timestamp()"),
                col("updated_at", Ty::TimestampWithTimeZone).default("current_timestamp()"),
                col("external_id", Ty::Uuid).default(null),
                col("token", Ty::Binary(8)).default(null),
                col("salt", Ty::VarBinary(Some(32))).default(null),
                col("avatar", Ty::Blob).default(null),
                col("profile", Ty::Json).default(null),
                col("visits", Ty::BigInteger).default(null),
                col("motto", Ty::String(Some(20))).default("'it''s'"),
                col("mood", Ty::Custom("enum('happy','sad')".into())).default("'happy'"),
                col("flags", Ty::Unsigned).default(null),
            ])
            .pk(Some("PRIMARY"), &["id"])
            .unique("user_email_key", &["email"])
            .0,
        T::new("product")
            .cols([
                col("shop", Ty::String(Some(20))).not_null(),
                col("code", Ty::String(Some(32))).not_null(),
                col("price", Ty::Decimal(Some((10, 0))))
                    .not_null()
                    .default("0"),
            ])
            .pk(Some("PRIMARY"), &["shop", "code"])
            .0,
        T::new("order")
            .cols([
                col("id", Ty::BigInteger).auto(),
                col("user_id", Ty::Integer).default(null),
                col("reviewer_id", Ty::Integer).default(null),
                col("number", Ty::String(Some(20))).not_null(),
                col("shop", Ty::String(Some(20))).not_null(),
                col("amount", Ty::Decimal(Some((12, 2)))).default(null),
                col("note", Ty::String(Some(50))).default("'none'"),
            ])
            .pk(Some("PRIMARY"), &["id"])
            .unique("order_shop_number_key", &["shop", "number"])
            .unique("order_note_uidx", &["note"])
            .index("order_user_idx", &["user_id"])
            .index("order_shop_amount_idx", &["shop", "amount"])
            .defined(
                "order_number_ft",
                autogen::Backend::MySql,
                "CREATE FULLTEXT INDEX `order_number_ft` ON `order` (`number`)",
            )
            .index("order_reviewer_fk", &["reviewer_id"])
            .fk(
                "order_user_fk",
                &["user_id"],
                "user",
                &["id"],
                Cascade,
                Cascade,
            )
            .fk(
                "order_reviewer_fk",
                &["reviewer_id"],
                "user",
                &["id"],
                SetNull,
                Restrict,
            )
            .0,
        T::new("order_line")
            .cols([
                col("order_id", Ty::BigInteger).not_null(),
                col("line", Ty::SmallInteger).not_null(),
                col("shop", Ty::String(Some(20))).not_null(),
                col("product_code", Ty::String(Some(32))).not_null(),
                col("quantity", Ty::Integer).not_null().default("1"),
            ])
            .pk(Some("PRIMARY"), &["order_id", "line"])
            .index("order_line_product_idx", &["product_code", "shop"])
            .index("order_line_product_fk", &["shop", "product_code"])
            .fk(
                "order_line_order_fk",
                &["order_id"],
                "order",
                &["id"],
                Cascade,
                Restrict,
            )
            .fk(
                "order_line_product_fk",
                &["shop", "product_code"],
                "product",
                &["shop", "code"],
                Restrict,
                Cascade,
            )
            .0,
    ]
}

#[tokio::test]
async fn mysql_introspects_every_object_kind() {
    let db = TestDb::new(Backend::MySql, "my_introspect_all").await;
    let conn = db.connect().await;
    exec_script(&conn, SCHEMA).await;
    let got = read(&conn, &["autogen_version"]).await;
    assert_tables_eq(&got.schema, &expected());
    // Version, MariaDB JSON checks, tables, columns, indexes, foreign keys.
    assert_eq!(got.queries, 7);
}

#[tokio::test]
async fn mysql_introspects_inside_a_transaction() {
    use sea_orm::TransactionTrait;
    let db = TestDb::new(Backend::MySql, "my_introspect_tx").await;
    let conn = db.connect().await;
    conn.execute_unprepared("CREATE TABLE tx_seen (id int PRIMARY KEY)")
        .await
        .unwrap();
    let tx = conn.begin().await.unwrap();
    let got = read(&tx, &[]).await;
    assert!(got.schema.tables.contains_key("tx_seen"));
    tx.commit().await.unwrap();
}

#[tokio::test]
async fn mysql_query_count_is_constant() {
    let db = TestDb::new(Backend::MySql, "my_introspect_count").await;
    let conn = db.connect().await;
    let script = many_tables(30, '`');
    let statements: Vec<&str> = script.lines().collect();
    exec_script(&conn, &statements[..6].join("\n")).await;
    let small = read(&conn, &[]).await;
    assert_eq!(small.schema.tables.len(), 3);
    exec_script(&conn, &statements[6..].join("\n")).await;
    let large = read(&conn, &[]).await;
    assert_eq!(large.schema.tables.len(), 30);
    assert_eq!(small.queries, large.queries);
}

#[tokio::test]
async fn mysql_skips_excluded_and_sea_orm_tables() {
    let db = TestDb::new(Backend::MySql, "my_introspect_exclude").await;
    let conn = db.connect().await;
    exec_script(&conn, SCHEMA).await;
    let all = read(&conn, &[]).await;
    assert!(all.schema.tables.contains_key("autogen_version"));
    assert!(!all.schema.tables.contains_key("seaql_migrations"));
    let some = read(&conn, &["autogen_version", "order_line"]).await;
    assert!(!some.schema.tables.contains_key("autogen_version"));
    assert!(!some.schema.tables.contains_key("order_line"));
    assert!(some.schema.tables.contains_key("order"));
}
