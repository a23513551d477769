//! Online index builds on PostgreSQL (issue 11): a revision whose index ops are marked
//! `concurrently` runs outside a transaction, with its progress recorded as on MySQL.
//!
//! - Writers keep writing while the index builds (a tokio task inserting in a loop), and the
//!   index ends valid. The build is held in its first wait by an open writer transaction, so
//!   the loop's writes provably complete while `pg_stat_progress_create_index` shows the build.
//! - A unique build on duplicate rows leaves an invalid index: the error names it and the
//!   recovery, which the test then follows.
//! - Offline `--sql` prints it without `BEGIN`/`COMMIT` on PostgreSQL; SQLite and MySQL are
//!   unchanged.
//! - `revision --autogenerate --concurrently` and `concurrent_indexes = true` through the real
//!   `cli` binary (see `tests::process`).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use autogen::Backend as Kind;
use autogen::drift::current_schema;
use autogen::model::{Index, Schema, Unique};
use autogen::ops::Op;
use autogen::plan::OpsMigration;
use autogen::revision::RevisionMeta;
use autogen::runtime::{
    ConnectOptions, Migrations, Migrator, OfflineDirection, Revision, RevisionState, RunOptions,
    offline_sql,
};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, Statement, TransactionTrait};
use tests::fixtures::meta;
use tests::process::{success, texts};
use tests::{Backend, TempDir, TestDb};

const BUILD: &str = "c0c0000000b1";
const UNIQUE: &str = "c0c0000000u1";

/// `CREATE INDEX CONCURRENTLY ix_busy_email ON busy (email)`.
fn busy_email_index() -> Op {
    Op::AddIndex {
        table: "busy".into(),
        index: Index {
            name: "ix_busy_email".into(),
            columns: vec!["email".into()],
        },
        concurrently: true,
    }
}

/// A revision that runs `op` (marked concurrent) from the database's current schema, outside
/// a transaction, as `revision --autogenerate --concurrently` writes it.
async fn concurrent_revision(conn: &DatabaseConnection, id: &'static str, op: Op) -> Migrations {
    assert!(op.concurrently(), "{op:?}");
    let before = current_schema(conn).await.unwrap().0;
    let meta = RevisionMeta {
        transactional: false,
        ..meta(id, &[])
    };
    Migrations::new(vec![Revision::new(
        meta,
        OpsMigration::new(id, vec![op], before),
    )])
    .unwrap()
}

async fn one_text(conn: &DatabaseConnection, sql: &str) -> Option<String> {
    let stmt = Statement::from_string(conn.get_database_backend(), sql);
    let row = conn.query_one_raw(stmt).await.unwrap()?;
    row.try_get_by_index::<Option<String>>(0).unwrap()
}

/// The phase of the index build on `table` in progress, if one is.
async fn build_phase(conn: &DatabaseConnection, table: &str) -> Option<String> {
    one_text(
        conn,
        &format!(
            "SELECT phase::text FROM pg_stat_progress_create_index WHERE relid = '{table}'::regclass"
        ),
    )
    .await
}

/// `pg_index.indisvalid` of index `name` (`None` when there is no such index).
async fn index_valid(conn: &DatabaseConnection, name: &str) -> Option<bool> {
    one_text(
        conn,
        &format!(
            "SELECT i.indisvalid::text FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = '{name}'"
        ),
    )
    .await
    .map(|v| v == "true")
}

async fn count(conn: &DatabaseConnection, table: &str) -> i64 {
    let stmt = Statement::from_string(
        conn.get_database_backend(),
        format!("SELECT count(*) AS n FROM {table}"),
    );
    let row = conn.query_one_raw(stmt).await.unwrap().unwrap();
    row.try_get::<i64>("", "n").unwrap()
}

/// Waits (at most 30 s: the test fails rather than hangs) until `ready` holds.
async fn wait_for<F: std::future::Future<Output = bool>>(what: &str, mut ready: impl FnMut() -> F) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !ready().await {
        assert!(Instant::now() < deadline, "gave up waiting for {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn writers_keep_writing_while_the_index_builds_concurrently() {
    let db = TestDb::new(Backend::Postgres, "cic_writers").await;
    let conn = db.connect().await;
    conn.execute_unprepared(
        "CREATE TABLE busy (id bigserial PRIMARY KEY, email varchar(255) NOT NULL, n integer NOT NULL); \
         INSERT INTO busy (email, n) SELECT 'user' || i || '@example.com', i FROM generate_series(1, 20000) i",
    )
    .await
    .unwrap();
    let migrations = concurrent_revision(&conn, BUILD, busy_email_index()).await;
    let migrator = Migrator::connect(&db.database_url(), &migrations, &ConnectOptions::default())
        .await
        .unwrap();

    // A writer that keeps inserting, counting the inserts that completed while the build was
    // in progress (seen before and after the insert).
    let stop = Arc::new(AtomicBool::new(false));
    let during = Arc::new(AtomicUsize::new(0));
    let writer = {
        let (url, stop, during) = (db.url.clone(), stop.clone(), during.clone());
        tokio::spawn(async move {
            let conn = Database::connect(&url).await.unwrap();
            let mut writes = 0i64;
            while !stop.load(Ordering::SeqCst) && writes < 100_000 {
                let before = build_phase(&conn, "busy").await.is_some();
                conn.execute_unprepared(
                    "INSERT INTO busy (email, n) VALUES ('writer@example.com', -1)",
                )
                .await
                .map_err(|e| format!("insert {writes} failed: {e}"))?;
                writes += 1;
                if before && build_phase(&conn, "busy").await.is_some() {
                    during.fetch_add(1, Ordering::SeqCst);
                }
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            Ok::<i64, String>(writes)
        })
    };

    // A transaction that wrote to the table before the build started: CREATE INDEX
    // CONCURRENTLY waits for it (phase "waiting for writers before build"), and is released
    // once the loop has written during the build.
    let holder = Database::connect(&db.url).await.unwrap();
    let open = holder.begin().await.unwrap();
    open.execute_unprepared("INSERT INTO busy (email, n) VALUES ('holder@example.com', -2)")
        .await
        .unwrap();
    let observer = Database::connect(&db.url).await.unwrap();
    let release = async {
        wait_for("the build to wait for the open writer", || async {
            build_phase(&observer, "busy")
                .await
                .is_some_and(|p| p.starts_with("waiting for writers"))
        })
        .await;
        wait_for("three writes during the build", || async {
            during.load(Ordering::SeqCst) >= 3
        })
        .await;
        open.commit().await.unwrap();
    };
    let options = RunOptions::default();
    let (upgraded, ()) = tokio::join!(migrator.upgrade("head", &options), release);
    assert_eq!(upgraded.unwrap(), [BUILD]);
    stop.store(true, Ordering::SeqCst);
    let writes = writer.await.unwrap().expect("every write succeeded");

    assert!(during.load(Ordering::SeqCst) >= 3);
    assert_eq!(index_valid(&conn, "ix_busy_email").await, Some(true));
    assert_eq!(count(&conn, "busy").await, 20000 + 1 + writes);
    let rows = migrator.applied().await.unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0].revision.as_str(), rows[0].state),
        (BUILD, RevisionState::Applied)
    );
    // Nothing left to build: the database is at head.
    assert!(
        migrator
            .upgrade("head", &RunOptions::default())
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn a_failed_unique_build_names_the_invalid_index_and_the_recovery() {
    let db = TestDb::new(Backend::Postgres, "cic_invalid").await;
    let conn = db.connect().await;
    conn.execute_unprepared(
        "CREATE TABLE member (id serial PRIMARY KEY, handle varchar(64) NOT NULL); \
         INSERT INTO member (handle) SELECT 'h' || (i % 500) FROM generate_series(1, 1000) i",
    )
    .await
    .unwrap();
    let op = Op::AddUnique {
        table: "member".into(),
        unique: Unique {
            name: "member_handle_key".into(),
            columns: vec!["handle".into()],
        },
        concurrently: true,
    };
    let migrations = concurrent_revision(&conn, UNIQUE, op).await;
    let migrator = Migrator::connect(&db.database_url(), &migrations, &ConnectOptions::default())
        .await
        .unwrap();
    let options = RunOptions::default();

    let err = migrator.upgrade("head", &options).await.unwrap_err();
    let line = autogen::Error::from(err).one_line();
    for needle in [
        &format!("revision {UNIQUE} failed at statement 1 of 1"),
        "left invalid index \"member_handle_key\" on table member",
        "pg_index.indisvalid = false",
        "recover: `DROP INDEX CONCURRENTLY \"member_handle_key\";`",
        "`stamp base`",
        "then run `upgrade` again",
        "could not create unique index",
    ] {
        assert!(line.contains(needle), "{needle:?} not in: {line}");
    }
    assert_eq!(index_valid(&conn, "member_handle_key").await, Some(false));
    let rows = migrator.applied().await.unwrap();
    assert_eq!(rows[0].state, RevisionState::Failed);
    assert_eq!(rows[0].failed_statement, Some(1));
    let again = migrator
        .upgrade("head", &options)
        .await
        .unwrap_err()
        .to_string();
    assert!(
        again.contains("previously failed at statement 1"),
        "{again}"
    );

    // The recovery the error gives, step by step.
    conn.execute_unprepared("DROP INDEX CONCURRENTLY \"member_handle_key\"")
        .await
        .unwrap();
    conn.execute_unprepared("DELETE FROM member WHERE id > 500")
        .await
        .unwrap();
    let stamped = migrator.stamp("base", false, &options).await.unwrap();
    assert_eq!(
        stamped.cleared,
        [(UNIQUE.to_string(), RevisionState::Failed)]
    );
    assert_eq!(migrator.upgrade("head", &options).await.unwrap(), [UNIQUE]);
    assert_eq!(index_valid(&conn, "member_handle_key").await, Some(true));
}

#[tokio::test]
async fn offline_sql_has_no_transaction_on_postgres_only() {
    let meta = RevisionMeta {
        transactional: false,
        ..meta(BUILD, &[])
    };
    let migrations = Migrations::new(vec![Revision::new(
        meta,
        // An index needs nothing of the table's shape to be planned.
        OpsMigration::new(BUILD, vec![busy_email_index()], Schema::default()),
    )])
    .unwrap();
    let sql = |backend| offline_sql(&migrations, backend, OfflineDirection::Upgrade, "head");
    let postgres = sql(Kind::Postgres).await.unwrap();
    assert!(
        postgres.contains("CREATE INDEX CONCURRENTLY \"ix_busy_email\" ON \"busy\" (\"email\");"),
        "{postgres}"
    );
    assert!(
        !postgres.contains("BEGIN") && !postgres.contains("COMMIT"),
        "{postgres}"
    );
    // Recorded as running first, then applied: what the online run writes.
    let running = postgres.find("'running'").expect("a running marker");
    let index = postgres.find("CREATE INDEX").unwrap();
    assert!(running < index, "{postgres}");
    assert!(postgres[index..].contains("'applied'"), "{postgres}");
    for other in [Kind::Sqlite, Kind::MySql] {
        let text = sql(other).await.unwrap();
        assert!(!text.contains("CONCURRENTLY"), "{other}: {text}");
        assert!(text.contains("CREATE INDEX"), "{other}: {text}");
        assert_eq!(
            text.contains("BEGIN"),
            other == Kind::Sqlite,
            "{other}: {text}"
        );
    }
}

/// The database at head with `product`'s unique on `sku` dropped by hand: autogenerate adds
/// it back, on an existing table.
async fn drifted() -> (TestDb, TempDir) {
    let db = TestDb::new(Backend::Postgres, "cic_cli").await;
    let dir = TempDir::new();
    success(&tests::process::cli_on(&dir.path, &db.url, &["upgrade"]));
    db.connect()
        .await
        .execute_unprepared("ALTER TABLE product DROP CONSTRAINT product_sku_key")
        .await
        .unwrap();
    (db, dir)
}

fn autogenerate(db: &TestDb, dir: &TempDir, versions: &TempDir, extra: &[&str]) -> String {
    let versions = versions.path.to_string_lossy().into_owned();
    let mut args = vec![
        "revision",
        "--autogenerate",
        "-m",
        "sku",
        "--versions-dir",
        &versions,
    ];
    args.extend_from_slice(extra);
    success(&tests::process::cli_on(&dir.path, &db.url, &args))
}

fn only_file(versions: &TempDir) -> String {
    let files: Vec<_> = std::fs::read_dir(&versions.path)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    std::fs::read_to_string(&files[0]).unwrap()
}

#[tokio::test]
async fn autogenerate_concurrently_by_flag_and_by_config() {
    let (db, dir) = drifted().await;
    const LOCKS: &str = "index_locks_table";

    // Without it: the usual build, with its lock hazard, in a transaction.
    let plain = TempDir::new();
    let out = autogenerate(&db, &dir, &plain, &[]);
    assert!(out.contains(LOCKS), "{out}");
    let file = only_file(&plain);
    assert!(
        file.contains("transactional: true,") && file.contains(LOCKS),
        "{file}"
    );
    assert!(!file.contains(".concurrently()"), "{file}");

    // --concurrently: CONCURRENTLY on PostgreSQL, no lock hazard, outside a transaction.
    let flagged = TempDir::new();
    let out = autogenerate(&db, &dir, &flagged, &["--concurrently"]);
    assert!(
        out.contains("add unique product_sku_key on product (sku), CONCURRENTLY on PostgreSQL"),
        "{out}"
    );
    assert!(!out.contains(LOCKS), "{out}");
    let file = only_file(&flagged);
    assert!(file.contains("transactional: false,"), "{file}");
    assert!(file.contains(".concurrently()"), "{file}");
    assert!(!file.contains(LOCKS), "{file}");
    assert!(
        file.contains("new_unique"),
        "the build can still fail: {file}"
    );

    // The same from autogen.toml, without the flag.
    std::fs::write(dir.path.join("autogen.toml"), "concurrent_indexes = true\n").unwrap();
    let configured = TempDir::new();
    autogenerate(&db, &dir, &configured, &[]);
    let same = only_file(&configured);
    let body = |text: &str| {
        text.split_once("/// The migration itself.")
            .unwrap()
            .1
            .to_string()
    };
    assert_eq!(body(&same), body(&file));
    assert!(same.contains("transactional: false,"), "{same}");

    // A wrong type is refused, naming the key.
    std::fs::write(
        dir.path.join("autogen.toml"),
        "concurrent_indexes = \"yes\"\n",
    )
    .unwrap();
    let bad = TempDir::new();
    let versions = bad.path.to_string_lossy().into_owned();
    let out = tests::process::cli_on(
        &dir.path,
        &db.url,
        &[
            "revision",
            "--autogenerate",
            "-m",
            "x",
            "--versions-dir",
            &versions,
        ],
    );
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("concurrent_indexes"), "{stderr}");
}
