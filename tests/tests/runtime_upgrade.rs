//! Upgrade, downgrade and stamp through in-test revision graphs, checked against the real
//! schema (catalog) and the version table, on every backend.

use autogen::runtime::{ConnectOptions, Migrator, RunOptions};
use sea_orm::{ConnectionTrait, Statement};
use tests::catalog::{set, tables, version_rows};
use tests::fixtures::{CreateTable, Noop, migrations, rev};
use tests::{Backend, TestDb, per_backend};

const R1: &str = "c1aaaa000001";
const R2: &str = "c2bbbb000002";
const R3: &str = "c3cccc000003";

fn chain_migrations() -> autogen::runtime::Migrations {
    migrations(vec![
        rev(R1, &[], CreateTable("t_one")),
        rev(R2, &[R1], CreateTable("t_two")),
        rev(R3, &[R2], CreateTable("t_three")),
    ])
}

/// Asserts the user tables, the applied rows (in application order) and the current heads.
async fn expect_state(m: &Migrator<'_>, tables_now: &[&str], applied: &[&str], heads: &[&str]) {
    assert_eq!(tables(m.connection()).await, set(tables_now), "tables");
    let rows: Vec<String> = m
        .applied()
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.revision)
        .collect();
    assert_eq!(rows, applied, "version table rows");
    assert_eq!(m.current_heads().await.unwrap(), heads, "current heads");
}

async fn chain_upgrade_downgrade(backend: Backend) {
    let db = TestDb::new(backend, "chain").await;
    let migs = chain_migrations();
    let m = Migrator::connect(&db.database_url(), &migs, &ConnectOptions::default())
        .await
        .unwrap();
    let opts = RunOptions::default();
    expect_state(&m, &[], &[], &[]).await;

    assert_eq!(m.upgrade("+1", &opts).await.unwrap(), [R1]);
    expect_state(&m, &["t_one"], &[R1], &[R1]).await;

    assert_eq!(m.upgrade("+1", &opts).await.unwrap(), [R2]);
    expect_state(&m, &["t_one", "t_two"], &[R1, R2], &[R2]).await;

    assert_eq!(m.upgrade("head", &opts).await.unwrap(), [R3]);
    expect_state(&m, &["t_one", "t_two", "t_three"], &[R1, R2, R3], &[R3]).await;
    assert!(m.upgrade("head", &opts).await.unwrap().is_empty());
    let err = m.upgrade("+1", &opts).await.unwrap_err().to_string();
    assert!(err.contains("cannot move 1 steps"), "{err}");

    assert_eq!(m.downgrade("-1", &opts).await.unwrap(), [R3]);
    expect_state(&m, &["t_one", "t_two"], &[R1, R2], &[R2]).await;

    // A revision id as the downgrade target keeps it and reverts what is above it.
    assert_eq!(m.downgrade(R1, &opts).await.unwrap(), [R2]);
    expect_state(&m, &["t_one"], &[R1], &[R1]).await;

    // A unique prefix as the upgrade target.
    assert_eq!(m.upgrade("c2bb", &opts).await.unwrap(), [R2]);
    expect_state(&m, &["t_one", "t_two"], &[R1, R2], &[R2]).await;

    assert_eq!(m.upgrade("heads", &opts).await.unwrap(), [R3]);
    assert_eq!(m.downgrade("base", &opts).await.unwrap(), [R3, R2, R1]);
    expect_state(&m, &[], &[], &[]).await;
    let err = m.downgrade("-1", &opts).await.unwrap_err().to_string();
    assert!(err.contains("cannot move 1 steps"), "{err}");

    assert_eq!(m.upgrade("heads", &opts).await.unwrap(), [R1, R2, R3]);
    expect_state(&m, &["t_one", "t_two", "t_three"], &[R1, R2, R3], &[R3]).await;

    // `<rev>-N` and `-N` with N > 1.
    assert_eq!(m.downgrade("-2", &opts).await.unwrap(), [R3, R2]);
    expect_state(&m, &["t_one"], &[R1], &[R1]).await;
    assert_eq!(m.upgrade("+2", &opts).await.unwrap(), [R2, R3]);
    assert_eq!(
        m.downgrade(&format!("{R3}-2"), &opts).await.unwrap(),
        [R3, R2]
    );
    expect_state(&m, &["t_one"], &[R1], &[R1]).await;
}

async fn stamp_runs_no_ddl(backend: Backend) {
    let db = TestDb::new(backend, "stamp").await;
    let migs = chain_migrations();
    let m = Migrator::connect(&db.database_url(), &migs, &ConnectOptions::default())
        .await
        .unwrap();
    let opts = RunOptions::default();
    let before = m.recorder().len();

    let autogen::runtime::StampReport {
        recorded: inserted,
        removed: deleted,
        ..
    } = m.stamp("head", false, &opts).await.unwrap();
    assert_eq!(inserted, [R1, R2, R3]);
    assert!(deleted.is_empty());
    expect_state(&m, &[], &[R1, R2, R3], &[R3]).await;
    // Upgrading a stamped database has nothing to do, so the tables still never appear.
    assert!(m.upgrade("head", &opts).await.unwrap().is_empty());
    expect_state(&m, &[], &[R1, R2, R3], &[R3]).await;

    let autogen::runtime::StampReport {
        recorded: inserted,
        removed: deleted,
        ..
    } = m.stamp(R1, false, &opts).await.unwrap();
    assert!(inserted.is_empty());
    assert_eq!(deleted, [R3, R2]);
    expect_state(&m, &[], &[R1], &[R1]).await;

    // Stamping down to base removes every row, still without touching the schema.
    m.stamp("base", false, &opts).await.unwrap();
    expect_state(&m, &[], &[], &[]).await;

    // Only the version table was ever created or written.
    for stmt in m.recorder().since(before) {
        let sql = stmt.sql.to_uppercase();
        let ddl = ["CREATE", "DROP", "ALTER"]
            .iter()
            .any(|k| sql.trim_start().starts_with(k));
        assert!(
            !ddl || sql.contains("AUTOGEN_VERSION"),
            "stamp ran DDL: {}",
            stmt.sql
        );
    }

    // A row no migration file defines blocks a plain stamp; --purge empties the table first.
    let backend_db = m.connection().get_database_backend();
    m.connection()
        .execute_raw(Statement::from_string(
            backend_db,
            "INSERT INTO autogen_version (revision, checksum, state) VALUES ('ghost00000', 'x', 'applied')",
        ))
        .await
        .unwrap();
    let err = m.stamp(R2, false, &opts).await.unwrap_err().to_string();
    assert!(err.contains("ghost00000"), "{err}");
    let autogen::runtime::StampReport {
        recorded: inserted,
        removed: deleted,
        ..
    } = m.stamp(R2, true, &opts).await.unwrap();
    assert_eq!(inserted, [R1, R2]);
    assert!(deleted.is_empty());
    assert_eq!(version_rows(m.connection()).await, [R1, R2]);
    expect_state(&m, &[], &[R1, R2], &[R2]).await;

    // Stamping the state the database is already in changes nothing.
    let autogen::runtime::StampReport {
        recorded: inserted,
        removed: deleted,
        ..
    } = m.stamp(R2, false, &opts).await.unwrap();
    assert!(inserted.is_empty() && deleted.is_empty());
    assert_eq!(version_rows(m.connection()).await, [R1, R2]);
}

const BASE: &str = "d0base000000";
const LEFT: &str = "d1left000000";
const RIGHT: &str = "d2right00000";
const MERGE: &str = "d3merge00000";

fn diamond(with_merge: bool) -> autogen::runtime::Migrations {
    let mut revs = vec![
        rev(BASE, &[], CreateTable("dm_base")),
        rev(LEFT, &[BASE], CreateTable("dm_left")),
        rev(RIGHT, &[BASE], CreateTable("dm_right")),
    ];
    if with_merge {
        revs.push(rev(MERGE, &[LEFT, RIGHT], Noop("merge")));
    }
    migrations(revs)
}

async fn branch_and_merge(backend: Backend) {
    let db = TestDb::new(backend, "diamond").await;
    let opts = RunOptions::default();
    let all_tables = ["dm_base", "dm_left", "dm_right"];
    {
        let migs = diamond(false);
        let m = Migrator::connect(&db.database_url(), &migs, &ConnectOptions::default())
            .await
            .unwrap();
        let err = m.upgrade("head", &opts).await.unwrap_err().to_string();
        assert!(err.contains("merge"), "{err}");
        assert!(err.contains(LEFT) && err.contains(RIGHT), "{err}");
        expect_state(&m, &[], &[], &[]).await;

        let plan = m.upgrade("heads", &opts).await.unwrap();
        assert_eq!(plan.len(), 3, "{plan:?}");
        assert_eq!(plan[0], BASE);
        let mut sorted = plan.clone();
        sorted.sort();
        assert_eq!(sorted, [BASE, LEFT, RIGHT]);
        assert_eq!(tables(m.connection()).await, set(&all_tables));
        let mut rows = version_rows(m.connection()).await;
        rows.sort();
        assert_eq!(rows, [BASE, LEFT, RIGHT], "each revision recorded once");
        let mut heads = m.current_heads().await.unwrap();
        heads.sort();
        assert_eq!(heads, [LEFT, RIGHT]);
        assert!(m.upgrade("heads", &opts).await.unwrap().is_empty());
        // Still refused while the branches are unmerged, and nothing changes.
        let err = m.upgrade("head", &opts).await.unwrap_err().to_string();
        assert!(err.contains("merge"), "{err}");
        assert_eq!(version_rows(m.connection()).await.len(), 3);
    }
    // The merge revision arrives (a new file): `head` works again.
    let migs = diamond(true);
    let m = Migrator::connect(&db.database_url(), &migs, &ConnectOptions::default())
        .await
        .unwrap();
    assert_eq!(m.upgrade("head", &opts).await.unwrap(), [MERGE]);
    assert_eq!(m.current_heads().await.unwrap(), [MERGE]);
    assert_eq!(version_rows(m.connection()).await.len(), 4);

    assert_eq!(m.downgrade("-1", &opts).await.unwrap(), [MERGE]);
    let mut heads = m.current_heads().await.unwrap();
    heads.sort();
    assert_eq!(heads, [LEFT, RIGHT]);

    // Downgrading to one branch leaves the other alone.
    let reverted = m.downgrade(BASE, &opts).await.unwrap();
    let mut reverted_sorted = reverted.clone();
    reverted_sorted.sort();
    assert_eq!(reverted_sorted, [LEFT, RIGHT]);
    expect_state(&m, &["dm_base"], &[BASE], &[BASE]).await;

    m.downgrade("base", &opts).await.unwrap();
    expect_state(&m, &[], &[], &[]).await;
    // From nothing, `heads` applies the whole diamond, each revision once, merge last.
    let plan = m.upgrade("heads", &opts).await.unwrap();
    assert_eq!(plan.len(), 4, "{plan:?}");
    assert_eq!(plan[0], BASE);
    assert_eq!(plan[3], MERGE);
    let mut rows = version_rows(m.connection()).await;
    rows.sort();
    assert_eq!(rows, [BASE, LEFT, RIGHT, MERGE]);
    assert_eq!(tables(m.connection()).await, set(&all_tables));
}

per_backend!(chain_upgrade_downgrade, stamp_runs_no_ddl, branch_and_merge);

/// `cli upgrade --single-transaction`: the repository's revisions in one run on PostgreSQL and
/// SQLite (both recorded), refused with one error line on MySQL before anything runs.
async fn cli_single_transaction(backend: Backend) {
    let db = TestDb::new(backend, "cli_single_txn").await;
    let dir = tests::TempDir::new();
    let run = |args: &[&str]| tests::process::cli_on(&dir.path, &db.url, args);
    if backend == Backend::MySql {
        tests::process::one_line_error(
            &run(&["upgrade", "--single-transaction"]),
            &["--single-transaction needs transactional DDL"],
        );
        assert!(tables(&db.connect().await).await.is_empty(), "nothing ran");
        return;
    }
    let out = tests::process::success(&run(&["upgrade", "--single-transaction"]));
    assert!(out.contains("Upgraded 2 revision(s)"), "{out}");
    assert_eq!(version_rows(&db.connect().await).await.len(), 2);
    let out = tests::process::success(&run(&["downgrade", "base", "--single-transaction"]));
    assert!(out.contains("Downgraded 2 revision(s)"), "{out}");
    assert!(version_rows(&db.connect().await).await.is_empty());
}

per_backend!(cli_single_transaction);
