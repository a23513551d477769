//! `--sql` (offline capture) against what an online run really executes, on every backend.

use autogen::runtime::{
    ConnectOptions, Migrations, Migrator, OfflineDirection, RunOptions, offline_sql,
};
use tests::catalog::{set, tables};
use tests::fixtures::{CreateChild, CreateTable, migrations, rev};
use tests::{Backend, TestDb, per_backend};

const O1: &str = "0a0000000001";
const O2: &str = "0b0000000002";
const O3: &str = "0c0000000003";

fn offline_migrations() -> Migrations {
    migrations(vec![
        rev(O1, &[], CreateTable("o_parent")),
        rev(
            O2,
            &[O1],
            CreateChild {
                table: "o_child",
                parent: "o_parent",
            },
        ),
        rev(O3, &[O2], CreateTable("o_third")),
    ])
}

/// The statements of an offline script: no comments, blank lines, `BEGIN` or `COMMIT`.
fn script_statements(script: &str) -> Vec<String> {
    script
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("--"))
        .map(|l| l.trim_end_matches(';').trim().to_string())
        .filter(|l| !matches!(l.to_uppercase().as_str(), "BEGIN" | "COMMIT"))
        .collect()
}

/// What an online run executed, without its read-only queries.
fn executed_statements(m: &Migrator<'_>, from: usize) -> Vec<String> {
    m.recorder()
        .since(from)
        .into_iter()
        .inspect(|s| assert!(!s.failed, "statement failed online: {}", s.sql))
        .map(|s| s.sql.trim().trim_end_matches(';').trim().to_string())
        .filter(|s| {
            let upper = s.to_uppercase();
            !upper.starts_with("SELECT")
        })
        .collect()
}

async fn offline_matches_online(backend: Backend) {
    let db = TestDb::new(backend, "offline").await;
    let migs = offline_migrations();
    let m = Migrator::connect(&db.database_url(), &migs, &ConnectOptions::default())
        .await
        .unwrap();
    let opts = RunOptions::default();
    let db_backend = backend;

    // Whole upgrade.
    let start = m.recorder().len();
    assert_eq!(m.upgrade("head", &opts).await.unwrap(), [O1, O2, O3]);
    let online = executed_statements(&m, start);
    let script = offline_sql(&migs, db_backend, OfflineDirection::Upgrade, "head")
        .await
        .unwrap();
    let offline = script_statements(&script);
    assert_eq!(offline, online, "upgrade script:\n{script}");
    // The comparison is not vacuous: the DDL of every revision is in it.
    for needle in ["o_parent", "o_child", "o_third", "idx_o_child_label"] {
        assert!(
            offline
                .iter()
                .any(|s| s.starts_with("CREATE") && s.contains(needle)),
            "no CREATE for {needle}:\n{script}"
        );
    }
    let transactional = backend != Backend::MySql;
    assert_eq!(script.contains("\nBEGIN;\n"), transactional, "{script}");

    // Whole downgrade.
    let start = m.recorder().len();
    assert_eq!(m.downgrade("base", &opts).await.unwrap(), [O3, O2, O1]);
    let online = executed_statements(&m, start);
    let script = offline_sql(&migs, db_backend, OfflineDirection::Downgrade, "head:base")
        .await
        .unwrap();
    assert_eq!(
        script_statements(&script),
        online,
        "downgrade script:\n{script}"
    );
    assert!(tables(m.connection()).await.is_empty());

    // A partial range: from O1 to head, and back down to O1.
    m.upgrade(O1, &opts).await.unwrap();
    let start = m.recorder().len();
    assert_eq!(m.upgrade("head", &opts).await.unwrap(), [O2, O3]);
    let online = executed_statements(&m, start);
    let script = offline_sql(
        &migs,
        db_backend,
        OfflineDirection::Upgrade,
        &format!("{O1}:head"),
    )
    .await
    .unwrap();
    assert_eq!(
        script_statements(&script),
        online,
        "partial upgrade:\n{script}"
    );
    assert!(!script.contains(&format!("'{O1}'")), "{script}");

    let start = m.recorder().len();
    assert_eq!(m.downgrade(O1, &opts).await.unwrap(), [O3, O2]);
    let online = executed_statements(&m, start);
    let script = offline_sql(
        &migs,
        db_backend,
        OfflineDirection::Downgrade,
        &format!("head:{O1}"),
    )
    .await
    .unwrap();
    assert_eq!(
        script_statements(&script),
        online,
        "partial downgrade:\n{script}"
    );
    assert_eq!(tables(m.connection()).await, set(&["o_parent"]));
}

per_backend!(offline_matches_online);
