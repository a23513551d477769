//! SQLite introspection of a database file: an exact model, the excluded and internal tables,
//! and a constant number of catalog queries.

mod introspect_common;

use autogen::model::ColumnType as Ty;
use autogen::model::FkAction::{Cascade, NoAction, Restrict, SetNull};
use introspect_common::{ColumnExt, T, assert_tables_eq, col, exec_script, many_tables, read};
use sea_orm::ConnectionTrait;
use tests::{Backend, TestDb};

/// Column types use sea-query's SQLite spellings (`uuid_text`, `real(10, 2)`, ...), which is
/// what a table created through sea-query declares.
const SCHEMA: &str = r#"
CREATE TABLE "user" (
  "id" integer NOT NULL PRIMARY KEY AUTOINCREMENT,
  "email" varchar(255) NOT NULL,
  "name" text NOT NULL DEFAULT 'anon',
  "active" boolean NOT NULL DEFAULT TRUE,
  "level" tinyint DEFAULT 3,
  "score" smallint DEFAULT (-1),
  "balance" real(10, 2) NOT NULL DEFAULT 0,
  "price" real_decimal,
  "rating" float,
  "ratio" double DEFAULT 0.5,
  "code" char(4),
  "flag" char,
  "birthday" date_text,
  "wake_at" time_text,
  "created_at" datetime_text NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" timestamp_with_timezone_text DEFAULT (CURRENT_TIMESTAMP),
  "external_id" uuid_text,
  "profile" json_text,
  "settings" jsonb_text DEFAULT '{}',
  "token" blob(8),
  "salt" varbinary_blob(32),
  "avatar" blob,
  "nickname" varchar,
  "legacy" INT,
  "motto" text DEFAULT 'it''s',
  CONSTRAINT "user_email_key" UNIQUE ("email")
);
CREATE TABLE "product" (
  "shop" varchar(20) NOT NULL,
  "code" varchar(32) NOT NULL,
  "price" real_decimal NOT NULL DEFAULT '0',
  PRIMARY KEY ("shop", "code")
);
CREATE TABLE "order" (
  "id" integer NOT NULL PRIMARY KEY AUTOINCREMENT,
  "user_id" integer REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "reviewer_id" integer,
  "number" varchar(20) NOT NULL,
  "shop" varchar(20) NOT NULL,
  "amount" real(12, 2),
  "note" varchar(50) DEFAULT 'none',
  CONSTRAINT "order_reviewer_fk" FOREIGN KEY ("reviewer_id") REFERENCES "user" ("id")
    ON DELETE SET NULL,
  UNIQUE ("shop", "number")
);
CREATE INDEX "order_user_idx" ON "order" ("user_id");
CREATE INDEX "order_shop_amount_idx" ON "order" ("shop", "amount");
CREATE UNIQUE INDEX "order_note_uidx" ON "order" ("note");
CREATE INDEX "order_lower_idx" ON "order" (lower("number"));
CREATE INDEX "order_partial_idx" ON "order" ("shop") WHERE "amount" > 0;
CREATE TABLE "order_line" (
  "order_id" integer NOT NULL REFERENCES "order" ON DELETE CASCADE,
  "line" smallint NOT NULL,
  "shop" varchar(20) NOT NULL,
  "product_code" varchar(32) NOT NULL,
  "quantity" integer NOT NULL DEFAULT 1,
  PRIMARY KEY ("order_id", "line"),
  CONSTRAINT "order_line_product_fk" FOREIGN KEY ("shop", "product_code")
    REFERENCES "product" ("shop", "code") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "order_line_product_idx" ON "order_line" ("product_code", "shop");
CREATE TABLE "autogen_version" ("version_num" varchar(64) NOT NULL PRIMARY KEY);
CREATE TABLE "seaql_migrations" ("version" varchar NOT NULL PRIMARY KEY, "applied_at" integer NOT NULL);
"#;

/// The model exactly as SQLite reports it: declared types verbatim, defaults as written,
/// UNIQUE constraints as `sqlite_autoindex_*`, foreign keys named `fk_<table>_<id>` (SQLite
/// numbers them from the last declared).
fn expected() -> Vec<autogen::model::Table> {
    vec![
        T::new("user")
            .cols([
                col("id", Ty::Integer).auto(),
                col("email", Ty::String(Some(255))).not_null(),
                col("name", Ty::Text).not_null().default("'anon'"),
                col("active", Ty::Boolean).not_null().default("TRUE"),
                col("level", Ty::TinyInteger).default("3"),
                col("score", Ty::SmallInteger).default("-1"),
                col("balance", Ty::Decimal(Some((10, 2))))
                    .not_null()
                    .default("0"),
                col("price", Ty::Decimal(None)),
                col("rating", Ty::Float),
                col("ratio", Ty::Double).default("0.5"),
                col("code", Ty::Char(Some(4))),
                col("flag", Ty::Char(None)),
                col("birthday", Ty::Date),
                col("wake_at", Ty::Time),
                col("created_at", Ty::DateTime)
                    .not_null()
                    .default("CURRENT_TIMESTAMP"),
                col("updated_at", Ty::TimestampWithTimeZone).default("CURRENT_TIMESTAMP"),
                col("external_id", Ty::Uuid),
                col("profile", Ty::Json),
                col("settings", Ty::JsonBinary).default("'{}'"),
                col("token", Ty::Binary(8)),
                col("salt", Ty::VarBinary(Some(32))),
                col("avatar", Ty::Blob),
                col("nickname", Ty::String(None)),
                col("legacy", Ty::Custom("int".into())),
                col("motto", Ty::Text).default("'it''s'"),
            ])
            .pk(None, &["id"])
            .unique("sqlite_autoindex_user_1", &["email"])
            .0,
        T::new("product")
            .cols([
                col("shop", Ty::String(Some(20))).not_null(),
                col("code", Ty::String(Some(32))).not_null(),
                col("price", Ty::Decimal(None)).not_null().default("'0'"),
            ])
            .pk(None, &["shop", "code"])
            .0,
        T::new("order")
            .cols([
                col("id", Ty::Integer).auto(),
                col("user_id", Ty::Integer),
                col("reviewer_id", Ty::Integer),
                col("number", Ty::String(Some(20))).not_null(),
                col("shop", Ty::String(Some(20))).not_null(),
                col("amount", Ty::Decimal(Some((12, 2)))),
                col("note", Ty::String(Some(50))).default("'none'"),
            ])
            .pk(None, &["id"])
            .unique("sqlite_autoindex_order_1", &["shop", "number"])
            .unique("order_note_uidx", &["note"])
            .index("order_user_idx", &["user_id"])
            .index("order_shop_amount_idx", &["shop", "amount"])
            .defined(
                "order_lower_idx",
                autogen::Backend::Sqlite,
                r#"CREATE INDEX "order_lower_idx" ON "order" (lower("number"))"#,
            )
            .defined(
                "order_partial_idx",
                autogen::Backend::Sqlite,
                r#"CREATE INDEX "order_partial_idx" ON "order" ("shop") WHERE "amount" > 0"#,
            )
            .fk(
                "fk_order_1",
                &["user_id"],
                "user",
                &["id"],
                Cascade,
                Cascade,
            )
            .fk(
                "fk_order_0",
                &["reviewer_id"],
                "user",
                &["id"],
                SetNull,
                NoAction,
            )
            .0,
        T::new("order_line")
            .cols([
                col("order_id", Ty::Integer).not_null(),
                col("line", Ty::SmallInteger).not_null(),
                col("shop", Ty::String(Some(20))).not_null(),
                col("product_code", Ty::String(Some(32))).not_null(),
                col("quantity", Ty::Integer).not_null().default("1"),
            ])
            .pk(None, &["order_id", "line"])
            .index("order_line_product_idx", &["product_code", "shop"])
            // `REFERENCES "order"` without columns resolves to the parent's primary key.
            .fk(
                "fk_order_line_1",
                &["order_id"],
                "order",
                &["id"],
                Cascade,
                NoAction,
            )
            .fk(
                "fk_order_line_0",
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
async fn sqlite_introspects_every_object_kind() {
    let db = TestDb::new(Backend::Sqlite, "lite_introspect_all").await;
    let conn = db.connect().await;
    exec_script(&conn, SCHEMA).await;
    let got = read(&conn, &["autogen_version"]).await;
    // sqlite_sequence (created by AUTOINCREMENT) is internal and skipped.
    assert_tables_eq(&got.schema, &expected());
    assert_eq!(got.queries, 5);
}

#[tokio::test]
async fn sqlite_introspects_inside_a_transaction() {
    use sea_orm::TransactionTrait;
    let db = TestDb::new(Backend::Sqlite, "lite_introspect_tx").await;
    let conn = db.connect().await;
    let tx = conn.begin().await.unwrap();
    tx.execute_unprepared("CREATE TABLE tx_only (id integer PRIMARY KEY)")
        .await
        .unwrap();
    let got = read(&tx, &[]).await;
    assert!(got.schema.tables.contains_key("tx_only"));
    tx.rollback().await.unwrap();
}

#[tokio::test]
async fn sqlite_query_count_is_constant() {
    let db = TestDb::new(Backend::Sqlite, "lite_introspect_count").await;
    let conn = db.connect().await;
    let script = many_tables(30, '"');
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
async fn sqlite_skips_excluded_and_internal_tables() {
    let db = TestDb::new(Backend::Sqlite, "lite_introspect_exclude").await;
    let conn = db.connect().await;
    exec_script(&conn, SCHEMA).await;
    let all = read(&conn, &[]).await;
    assert!(all.schema.tables.contains_key("autogen_version"));
    assert!(!all.schema.tables.contains_key("seaql_migrations"));
    assert!(!all.schema.tables.contains_key("sqlite_sequence"));
    let some = read(&conn, &["autogen_version", "order_line"]).await;
    assert!(!some.schema.tables.contains_key("autogen_version"));
    assert!(!some.schema.tables.contains_key("order_line"));
    assert!(some.schema.tables.contains_key("order"));
}
