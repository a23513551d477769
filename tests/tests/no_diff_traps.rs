//! No-diff traps: equal schemas spelled differently, one test per quirk. Two databases are
//! built from SQL that differs only in spelling; `diff` between them must be empty.

use autogen::drift::database_drift;
use sea_orm::ConnectionTrait;
use tests::{Backend, TestDb};

/// Asserts that databases built from `a` and `b` show no difference.
async fn same(backend: Backend, a: &[&str], b: &[&str]) {
    tests::sql_pair::assert_same(backend, a, b).await;
}

/// Asserts that the databases differ (the trap is not hiding a real change).
async fn differ(backend: Backend, a: &str, b: &str) {
    let x = TestDb::new(backend, "trap").await;
    let y = TestDb::new(backend, "trap").await;
    x.connect().await.execute_unprepared(a).await.unwrap();
    y.connect().await.execute_unprepared(b).await.unwrap();
    let ops = database_drift(&x.connect().await, &y.connect().await)
        .await
        .unwrap()
        .ops;
    assert_eq!(ops.len(), 1, "{backend:?}: {a} vs {b}");
}

#[tokio::test]
async fn postgres_transaction_timestamp_is_now() {
    same(
        Backend::Postgres,
        &["CREATE TABLE t (id int PRIMARY KEY, at timestamptz DEFAULT now())"],
        &["CREATE TABLE t (id int PRIMARY KEY, at timestamptz DEFAULT transaction_timestamp())"],
    )
    .await;
    same(
        Backend::Postgres,
        &["CREATE TABLE t (id int PRIMARY KEY, at timestamptz DEFAULT CURRENT_TIMESTAMP)"],
        &["CREATE TABLE t (id int PRIMARY KEY, at timestamptz DEFAULT transaction_timestamp())"],
    )
    .await;
}

#[tokio::test]
async fn postgres_varchar_array_is_character_varying_array() {
    same(
        Backend::Postgres,
        &["CREATE TABLE t (id int PRIMARY KEY, tags varchar(20)[], n int4[])"],
        &["CREATE TABLE t (id int PRIMARY KEY, tags character varying(20)[], n integer[])"],
    )
    .await;
}

#[tokio::test]
async fn mariadb_current_timestamp_with_and_without_precision() {
    same(
        Backend::MySql,
        &["CREATE TABLE t (id int PRIMARY KEY, a timestamp NOT NULL DEFAULT current_timestamp(), b datetime(6) DEFAULT CURRENT_TIMESTAMP(6))"],
        &["CREATE TABLE t (id int PRIMARY KEY, a timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP, b datetime(6) DEFAULT now(6))"],
    )
    .await;
}

#[tokio::test]
async fn mysql_enum_spacing_is_not_a_difference() {
    same(
        Backend::MySql,
        &["CREATE TABLE t (id int PRIMARY KEY, r ENUM('G', 'PG',  'R'), s SET('a', 'b'))"],
        &["CREATE TABLE t (id int PRIMARY KEY, r enum('G','PG','R'), s set('a','b'))"],
    )
    .await;
}

#[tokio::test]
async fn mysql_enum_values_keep_their_case_and_order() {
    differ(
        Backend::MySql,
        "CREATE TABLE t (id int PRIMARY KEY, r enum('G','PG'))",
        "CREATE TABLE t (id int PRIMARY KEY, r enum('g','pg'))",
    )
    .await;
    differ(
        Backend::MySql,
        "CREATE TABLE t (id int PRIMARY KEY, r enum('G','PG'))",
        "CREATE TABLE t (id int PRIMARY KEY, r enum('PG','G'))",
    )
    .await;
}

#[tokio::test]
async fn sqlite_default_whitespace_and_quoted_numbers() {
    same(
        Backend::Sqlite,
        &["CREATE TABLE t (id integer PRIMARY KEY, n integer DEFAULT  5 , m real DEFAULT 1.5)"],
        &["CREATE TABLE t (id integer PRIMARY KEY, n integer DEFAULT '5', m real DEFAULT '1.5')"],
    )
    .await;
}

#[tokio::test]
async fn postgres_time_precision_6_is_the_default() {
    same(
        Backend::Postgres,
        &["CREATE TABLE t (id int PRIMARY KEY, a timestamp(6), b timestamptz(6), c time(6))"],
        &["CREATE TABLE t (id int PRIMARY KEY, a timestamp, b timestamptz, c time)"],
    )
    .await;
    differ(
        Backend::Postgres,
        "CREATE TABLE t (id int PRIMARY KEY, a timestamp(3))",
        "CREATE TABLE t (id int PRIMARY KEY, a timestamp)",
    )
    .await;
}

#[tokio::test]
async fn sqlite_declared_type_argument_spacing() {
    same(
        Backend::Sqlite,
        &["CREATE TABLE t (id INTEGER PRIMARY KEY, n numeric(10,2), m DECIMAL(8,3))"],
        &["CREATE TABLE t (id INTEGER PRIMARY KEY, n NUMERIC(10, 2), m decimal( 8 , 3 ))"],
    )
    .await;
}

/// The sole `INTEGER PRIMARY KEY` is the rowid alias: never NULL, whether or not NOT NULL is
/// written (the catalog says `notnull = 0` without it).
#[tokio::test]
async fn sqlite_rowid_alias_is_not_null() {
    same(
        Backend::Sqlite,
        &["CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, n int)"],
        &["CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, n int)"],
    )
    .await;
    // `int PRIMARY KEY` is not the alias: SQLite does accept NULL there.
    differ(
        Backend::Sqlite,
        "CREATE TABLE t (id int PRIMARY KEY, n int)",
        "CREATE TABLE t (id int NOT NULL PRIMARY KEY, n int)",
    )
    .await;
}

#[tokio::test]
async fn mysql_unsigned_display_width() {
    same(
        Backend::MySql,
        &["CREATE TABLE t (id int(10) unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, b bigint(20) UNSIGNED, s smallint(5) unsigned)"],
        &["CREATE TABLE t (id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, b bigint unsigned, s SMALLINT UNSIGNED)"],
    )
    .await;
    differ(
        Backend::MySql,
        "CREATE TABLE t (id int PRIMARY KEY, n int unsigned)",
        "CREATE TABLE t (id int PRIMARY KEY, n int)",
    )
    .await;
}

#[tokio::test]
async fn postgres_serial_is_an_owned_sequence_default() {
    same(
        Backend::Postgres,
        &["CREATE TABLE t (id serial PRIMARY KEY, b bigserial)"],
        &[
            "CREATE TABLE t (id integer NOT NULL PRIMARY KEY, b bigint NOT NULL)",
            "CREATE SEQUENCE t_id_seq AS integer OWNED BY t.id",
            "ALTER TABLE t ALTER COLUMN id SET DEFAULT nextval('t_id_seq')",
            "CREATE SEQUENCE t_b_seq OWNED BY t.b",
            "ALTER TABLE t ALTER COLUMN b SET DEFAULT nextval('t_b_seq'::regclass)",
        ],
    )
    .await;
    // A serial is not an identity: the kind is a difference.
    differ(
        Backend::Postgres,
        "CREATE TABLE t (id serial PRIMARY KEY)",
        "CREATE TABLE t (id int GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY)",
    )
    .await;
}

#[tokio::test]
async fn postgres_identity_increment_1_is_the_default() {
    same(
        Backend::Postgres,
        &["CREATE TABLE t (id int GENERATED BY DEFAULT AS IDENTITY (INCREMENT BY 1 START WITH 1) PRIMARY KEY)"],
        &["CREATE TABLE t (id int GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY)"],
    )
    .await;
}

/// An entity's `Year` column (sea-query writes `year`) on a `YEAR(4)` column, which MariaDB
/// (and MySQL 5.7) print as `year(4)`: no change, from the entity side and between databases.
mod year {
    tests::entity!(event, #[sea_orm(table_name = "event")] {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: i32,
        #[sea_orm(column_type = "Year")]
        pub held: i32,
    });
}

#[tokio::test]
async fn mysql_year_4_is_year() {
    let sql = "CREATE TABLE event (id int PRIMARY KEY, held YEAR(4) NOT NULL)";
    same(Backend::MySql, &[sql], &[&sql.replace("YEAR(4)", "YEAR")]).await;
    let db = tests::sql_pair::db_from_sql(Backend::MySql, "trap", &[sql]).await;
    let conn = db.connect().await;
    let entities = [autogen::EntityDef::of::<year::event::Entity>()];
    let desired = autogen::metadata::desired_schema(&entities, sea_orm::DbBackend::MySql);
    assert_eq!(
        desired.tables["event"].columns[1].col_type,
        autogen::model::ColumnType::Custom("year".into())
    );
    let ops = autogen::drift::schema_drift(&conn, &desired)
        .await
        .unwrap()
        .ops;
    assert!(
        ops.is_empty(),
        "{:?}",
        ops.iter()
            .map(autogen::ops::Op::describe)
            .collect::<Vec<_>>()
    );
    differ(
        Backend::MySql,
        "CREATE TABLE event (id int PRIMARY KEY, held YEAR)",
        "CREATE TABLE event (id int PRIMARY KEY, held int)",
    )
    .await;
}

/// `pg_get_indexdef` leaves out an operator class that is the default for the column's type
/// and the index method.
#[tokio::test]
async fn postgres_default_operator_class_is_not_printed() {
    same(
        Backend::Postgres,
        &[
            "CREATE TABLE t (id int PRIMARY KEY, name text, doc jsonb)",
            "CREATE INDEX ix_name ON t (name text_ops DESC)",
            "CREATE INDEX ix_doc ON t USING gin (doc jsonb_ops)",
        ],
        &[
            "CREATE TABLE t (id int PRIMARY KEY, name text, doc jsonb)",
            "CREATE INDEX ix_name ON t (name DESC)",
            "CREATE INDEX ix_doc ON t USING gin (doc)",
        ],
    )
    .await;
}

/// `pg_get_indexdef` leaves out an index part's collation when it is the column's own.
#[tokio::test]
async fn postgres_index_collation_of_its_column_is_not_printed() {
    same(
        Backend::Postgres,
        &[
            r#"CREATE TABLE t (id int PRIMARY KEY, code text COLLATE "C")"#,
            r#"CREATE INDEX ix_code ON t (code COLLATE "C" DESC)"#,
        ],
        &[
            r#"CREATE TABLE t (id int PRIMARY KEY, code text COLLATE "C")"#,
            "CREATE INDEX ix_code ON t (code DESC)",
        ],
    )
    .await;
}

/// SQLite keeps an index statement as written: a collation quoted or bare, in any case, is
/// one collation.
#[tokio::test]
async fn sqlite_index_collation_quoted_or_bare() {
    same(
        Backend::Sqlite,
        &[
            "CREATE TABLE t (id integer PRIMARY KEY, code text)",
            r#"CREATE INDEX ix_code ON t ("code" COLLATE "NOCASE")"#,
        ],
        &[
            "CREATE TABLE t (id integer PRIMARY KEY, code text)",
            "CREATE INDEX ix_code ON t (code collate nocase)",
        ],
    )
    .await;
}

/// ... and an index part's `COLLATE NOCASE` is a real difference (it was once read as a plain
/// index on the column).
#[tokio::test]
async fn sqlite_index_collation_is_not_dropped() {
    let x = TestDb::new(Backend::Sqlite, "trap").await;
    let y = TestDb::new(Backend::Sqlite, "trap").await;
    for (db, index) in [
        (&x, "CREATE INDEX ix ON t (code COLLATE NOCASE)"),
        (&y, "CREATE INDEX ix ON t (code)"),
    ] {
        let conn = db.connect().await;
        conn.execute_unprepared("CREATE TABLE t (id integer PRIMARY KEY, code text)")
            .await
            .unwrap();
        conn.execute_unprepared(index).await.unwrap();
    }
    let ops = database_drift(&x.connect().await, &y.connect().await)
        .await
        .unwrap()
        .ops;
    let kinds: Vec<&str> = ops.iter().map(|o| o.kind()).collect();
    assert_eq!(kinds, ["drop_index", "add_index"], "{ops:?}");
}
