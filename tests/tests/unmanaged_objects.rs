//! Never lose anything silently: a schema holding objects the tool does not manage (views,
//! triggers, partitioned tables) gives one notice per object, in the library's drift and in
//! `diff`'s output, and keeps every one of them through `diff --sql` applied as a script (a
//! SQLite rebuild included), next to GiST, FULLTEXT, prefix, partial, sorted and expression
//! indexes, which are kept as SQL and compared.

use assert_cmd::Command;
use autogen::drift::database_drift;
use autogen::ops::Op;
use sea_orm::ConnectionTrait;
use tests::process::cli_bin;
use tests::script::run_script;
use tests::{Backend, TestDb};

/// The shared base: a table `items` (changed between the two databases) and its objects.
fn objects_sql(backend: Backend) -> Vec<&'static str> {
    match backend {
        Backend::Postgres => vec![
            "CREATE TABLE items (id integer PRIMARY KEY, name varchar(40), price integer NOT NULL, p point, CONSTRAINT price_positive CHECK (price > 0))",
            "CREATE VIEW v_items AS SELECT id, name FROM items",
            "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
            "CREATE TRIGGER trg_items BEFORE UPDATE ON items FOR EACH ROW EXECUTE FUNCTION touch()",
            "CREATE INDEX ix_items_p ON items USING gist (p)",
            "CREATE INDEX ix_items_lower ON items (lower(name))",
            "CREATE INDEX ix_items_cheap ON items (price) WHERE price < 10",
            "CREATE INDEX ix_items_desc ON items (price DESC NULLS LAST)",
            "CREATE TABLE events (id integer NOT NULL, at date NOT NULL) PARTITION BY RANGE (at)",
            "CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
            "CREATE TABLE lines (id integer PRIMARY KEY, item_id integer CONSTRAINT fk_lines_item REFERENCES items (id) DEFERRABLE INITIALLY DEFERRED)",
            "CREATE TABLE rooms (id integer PRIMARY KEY, b box, CONSTRAINT no_overlap EXCLUDE USING gist (b WITH &&))",
        ],
        Backend::MySql => vec![
            "CREATE TABLE items (id int PRIMARY KEY, name varchar(40), body text, price int NOT NULL, CONSTRAINT price_positive CHECK (price > 0), FULLTEXT INDEX ix_items_body (body), INDEX ix_items_name (name(10)))",
            "CREATE VIEW v_items AS SELECT id, name FROM items",
            "CREATE TRIGGER trg_items BEFORE UPDATE ON items FOR EACH ROW SET NEW.price = NEW.price",
            "CREATE TABLE events (id int NOT NULL, at date NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (YEAR(at)) (PARTITION p2024 VALUES LESS THAN (2025), PARTITION pmax VALUES LESS THAN MAXVALUE)",
        ],
        Backend::Sqlite => vec![
            "CREATE TABLE items (id integer PRIMARY KEY, name varchar(40), price integer NOT NULL)",
            "CREATE TABLE checked (id integer PRIMARY KEY, price integer CHECK (price > 0))",
            "CREATE VIEW v_items AS SELECT id, name FROM items",
            "CREATE TRIGGER trg_items AFTER UPDATE ON items BEGIN SELECT 1; END",
            "CREATE INDEX ix_items_lower ON items (lower(name))",
            "CREATE INDEX ix_items_cheap ON items (price) WHERE price < 10",
        ],
    }
}

/// Indexes the column model cannot express, kept (and compared) as SQL.
fn defined_indexes(backend: Backend) -> Vec<&'static str> {
    match backend {
        Backend::Postgres => vec![
            "ix_items_cheap",
            "ix_items_desc",
            "ix_items_lower",
            "ix_items_p",
        ],
        Backend::MySql => vec!["ix_items_body", "ix_items_name"],
        Backend::Sqlite => vec!["ix_items_cheap", "ix_items_lower"],
    }
}

/// (kind, name) of every notice expected.
fn expected(backend: Backend) -> Vec<(&'static str, &'static str)> {
    match backend {
        Backend::Postgres => vec![
            ("view", "v_items"),
            ("trigger", "trg_items"),
            ("partition", "events_2024"),
            ("exclusion constraint", "no_overlap"),
        ],
        Backend::MySql => vec![
            ("view", "v_items"),
            ("trigger", "trg_items"),
            ("partition", "p2024"),
            ("partition", "pmax"),
        ],
        Backend::Sqlite => vec![("view", "v_items"), ("trigger", "trg_items")],
    }
}

/// The change between the databases: on SQLite one that needs a rebuild of `items`.
fn change_sql(backend: Backend) -> &'static str {
    match backend {
        Backend::Postgres => "ALTER TABLE items ADD COLUMN note text",
        Backend::MySql => "ALTER TABLE items ADD COLUMN note text",
        // Dropping a column SQLite rebuilds for (via a NOT NULL change below).
        Backend::Sqlite => "CREATE TABLE marker (id integer PRIMARY KEY)",
    }
}

async fn build(backend: Backend, label: &str, extra: &[&str]) -> TestDb {
    let db = TestDb::new(backend, label).await;
    let conn = db.connect().await;
    for sql in objects_sql(backend)
        .into_iter()
        .chain(extra.iter().copied())
    {
        conn.execute_unprepared(sql)
            .await
            .unwrap_or_else(|e| panic!("{backend:?}: {sql}: {e}"));
    }
    db
}

fn cli(args: &[&str]) -> std::process::Output {
    Command::new(cli_bin())
        .args(args)
        .env_remove("DATABASE_URL")
        .output()
        .expect("run cli")
}

async fn never_lose_silently(backend: Backend) {
    let mut to_extra = vec![change_sql(backend)];
    if backend == Backend::Sqlite {
        // items.name NOT NULL: SQLite rebuilds `items`, which holds a trigger, a view on it and
        // two indexes the model cannot express.
        to_extra = vec![
            "DROP VIEW v_items",
            "DROP TABLE items",
            "CREATE TABLE items (id integer PRIMARY KEY, name varchar(40) NOT NULL DEFAULT '', price integer NOT NULL)",
            "CREATE VIEW v_items AS SELECT id, name FROM items",
            "CREATE TRIGGER trg_items AFTER UPDATE ON items BEGIN SELECT 1; END",
            "CREATE INDEX ix_items_lower ON items (lower(name))",
            "CREATE INDEX ix_items_cheap ON items (price) WHERE price < 10",
        ];
    }
    let from = build(backend, "unmanaged_from", &[]).await;
    let to = build(backend, "unmanaged_to", &to_extra).await;
    from.connect()
        .await
        .execute_unprepared("INSERT INTO items (id, name, price) VALUES (1, 'a', 5)")
        .await
        .unwrap();

    // Step 1: one notice per object, and no op touches any of them.
    let (a, b) = (from.connect().await, to.connect().await);
    let drift = database_drift(&a, &b).await.unwrap();
    let want = expected(backend);
    assert_eq!(
        drift.notices.len(),
        want.len(),
        "{backend:?}: notices {:#?}",
        drift.notices
    );
    for (kind, name) in &want {
        let needle = format!("notice: {kind} {name:?}");
        assert_eq!(
            drift
                .notices
                .iter()
                .filter(|n| n.starts_with(&needle))
                .count(),
            1,
            "{backend:?}: {needle} in {:#?}",
            drift.notices
        );
    }
    assert!(!drift.ops.is_empty(), "{backend:?}: the change is seen");
    let kept = |schema: &autogen::model::Schema| -> Vec<String> {
        schema.tables["items"]
            .defined_indexes
            .keys()
            .cloned()
            .collect()
    };
    assert_eq!(
        kept(&drift.current),
        defined_indexes(backend),
        "{backend:?}"
    );
    for op in &drift.ops {
        assert!(
            !matches!(op, Op::DropTable(t) if t.name.starts_with("events")),
            "{backend:?}: {}",
            op.describe()
        );
    }

    // Step 2: the CLI says each notice too, in text and in the SQL script.
    let out = cli(&["diff", "--from", &from.url, "--to", &to.url]);
    assert_eq!(out.status.code(), Some(1), "{backend:?}: {out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    for notice in &drift.notices {
        assert!(
            text.lines().any(|l| l == notice),
            "{backend:?}: {notice} in {text}"
        );
    }
    let out = cli(&["diff", "--from", &from.url, "--to", &to.url, "--sql"]);
    let script = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(
        script
            .lines()
            .filter(|l| l.starts_with("-- notice: "))
            .count(),
        want.len(),
        "{backend:?}: {script}"
    );

    // Step 3: applied, the databases match, and every object is still there.
    run_script(&from, &script).await;
    let after = database_drift(&a, &b).await.unwrap();
    assert!(
        after.ops.is_empty(),
        "{backend:?}: left {:?}",
        after.ops.iter().map(Op::describe).collect::<Vec<_>>()
    );
    assert_eq!(after.notices, drift.notices, "{backend:?}: objects kept");
    assert_eq!(
        kept(&after.current),
        defined_indexes(backend),
        "{backend:?}: indexes kept"
    );
    let row = a
        .query_one_raw(sea_orm::Statement::from_string(
            backend.db(),
            "SELECT COUNT(*) AS n FROM v_items",
        ))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        row.try_get::<i64>("", "n").unwrap(),
        1,
        "{backend:?}: view works"
    );
}

#[tokio::test]
async fn never_lose_silently_postgres() {
    never_lose_silently(Backend::Postgres).await;
}

#[tokio::test]
async fn never_lose_silently_mysql() {
    never_lose_silently(Backend::MySql).await;
}

#[tokio::test]
async fn never_lose_silently_sqlite() {
    never_lose_silently(Backend::Sqlite).await;
}

/// A SQLite rebuild keeps the table's CHECK constraints and generated columns (they are part
/// of its shape; generated columns are not copied, they compute themselves).
#[tokio::test]
async fn sqlite_rebuild_keeps_checks_and_generated_columns() {
    let from = build(Backend::Sqlite, "rebuild_from", &[]).await;
    let to = build(
        Backend::Sqlite,
        "rebuild_to",
        &[
            "DROP TABLE checked",
            "CREATE TABLE checked (id integer PRIMARY KEY, price integer NOT NULL DEFAULT 1 CHECK (price > 0))",
        ],
    )
    .await;
    let out = cli(&["diff", "--from", &from.url, "--to", &to.url, "--sql"]);
    run_script(&from, &String::from_utf8_lossy(&out.stdout)).await;
    let sql = |db: &TestDb| {
        let url = db.url.clone();
        async move {
            let conn = sea_orm::Database::connect(&url).await.unwrap();
            let row = conn
                .query_one_raw(sea_orm::Statement::from_string(
                    sea_orm::DbBackend::Sqlite,
                    "SELECT sql FROM sqlite_schema WHERE name = 'checked'",
                ))
                .await
                .unwrap()
                .unwrap();
            row.try_get::<String>("", "sql").unwrap()
        }
    };
    let kept = sql(&from).await;
    assert!(kept.contains("CHECK (price > 0)"), "{kept}");
    let (a, b) = (from.connect().await, to.connect().await);
    assert!(database_drift(&a, &b).await.unwrap().ops.is_empty());

    // A generated column: part of the rebuilt table's shape, kept with its expression.
    let gen_sql =
        "CREATE TABLE g (id integer PRIMARY KEY, a integer, b integer GENERATED ALWAYS AS (a * 2))";
    let from = build(Backend::Sqlite, "gen_from", &[gen_sql]).await;
    let to = build(
        Backend::Sqlite,
        "gen_to",
        &["CREATE TABLE g (id integer PRIMARY KEY, a integer NOT NULL DEFAULT 0, b integer GENERATED ALWAYS AS (a * 2))"],
    )
    .await;
    let conn = from.connect().await;
    conn.execute_unprepared("INSERT INTO g (id, a) VALUES (1, 4)")
        .await
        .unwrap();
    let out = cli(&["diff", "--from", &from.url, "--to", &to.url, "--sql"]);
    let script = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(!script.contains("autogen refuses"), "{script}");
    conn.execute_unprepared(&script)
        .await
        .unwrap_or_else(|e| panic!("{e}\n{script}"));
    let rebuilt = sql_of(&conn, "g").await;
    assert!(rebuilt.contains("GENERATED ALWAYS AS (a * 2)"), "{rebuilt}");
    let b: i64 = conn
        .query_one_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Sqlite,
            "SELECT b FROM g WHERE id = 1",
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get("", "b")
        .unwrap();
    assert_eq!(b, 8);
    let again = database_drift(&conn, &to.connect().await).await.unwrap();
    assert!(again.ops.is_empty(), "{:?}", again.ops);
}

async fn sql_of(conn: &sea_orm::DatabaseConnection, name: &str) -> String {
    conn.query_one_raw(sea_orm::Statement::from_string(
        sea_orm::DbBackend::Sqlite,
        format!("SELECT sql FROM sqlite_schema WHERE name = '{name}'"),
    ))
    .await
    .unwrap()
    .unwrap()
    .try_get("", "sql")
    .unwrap()
}

/// What only SQLite's `CREATE TABLE` text says (a column's `COLLATE`, `WITHOUT ROWID`,
/// `STRICT`) is named in the report and kept by a rebuild; a `STRICT` table, whose five type
/// names sea-query does not write, is refused instead of being rebuilt non-strict.
#[tokio::test]
async fn sqlite_rebuild_keeps_collations_and_table_options() {
    let before = [
        "CREATE TABLE k (a text PRIMARY KEY, name text COLLATE NOCASE, n integer) WITHOUT ROWID",
        "CREATE TABLE s (id integer PRIMARY KEY, n integer) STRICT",
    ];
    let after = [
        "CREATE TABLE k (a text PRIMARY KEY, name text COLLATE NOCASE, n text NOT NULL DEFAULT '') WITHOUT ROWID",
        "CREATE TABLE s (id integer PRIMARY KEY, n text NOT NULL DEFAULT '') STRICT",
    ];
    let from = build(Backend::Sqlite, "options_from", &before).await;
    let to = build(Backend::Sqlite, "options_to", &after).await;
    let report = cli(&["diff", "--from", &from.url, "--to", &to.url]);
    let report = String::from_utf8_lossy(&report.stdout).into_owned();
    for notice in [
        r#"notice: column collation "name" on "k" (COLLATE NOCASE)"#,
        r#"notice: table option "WITHOUT ROWID" on "k""#,
        r#"notice: table option "STRICT" on "s""#,
    ] {
        assert!(report.contains(notice), "{notice}\n{report}");
    }
    let out = cli(&["diff", "--from", &from.url, "--to", &to.url, "--sql"]);
    let script = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        script.contains(
            "autogen refuses to rebuild table s on SQLite: it would drop table option STRICT"
        ),
        "{script}"
    );
    // Without the refused table, the script runs and keeps what the model does not hold.
    let conn = from.connect().await;
    let (k_only, _) = script
        .split_once("SELECT * FROM \"autogen refuses")
        .unwrap();
    conn.execute_unprepared(&format!("{k_only}COMMIT; PRAGMA foreign_keys = ON;"))
        .await
        .unwrap_or_else(|e| panic!("{e}\n{script}"));
    let rebuilt = sql_of(&conn, "k").await;
    assert!(rebuilt.contains("COLLATE \"NOCASE\""), "{rebuilt}");
    assert!(rebuilt.ends_with("WITHOUT ROWID"), "{rebuilt}");
    assert!(sql_of(&conn, "s").await.ends_with("STRICT"));
}
