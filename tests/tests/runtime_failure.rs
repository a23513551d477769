//! Failing revisions (rolled back, or recorded as failed on MySQL) and revisions edited after
//! they were applied, on every backend.

use autogen::runtime::Revision;
use autogen::runtime::{ConnectOptions, Migrator, RevisionState, RunOptions};
use tests::catalog::{set, tables, version_rows};
use tests::fixtures::{
    CreateTable, CreateTableEdited, CreateTableReformatted, FailingSecondStatement, meta,
    migrations, rev,
};
use tests::{Backend, TestDb, per_backend};

const GOOD: &str = "f0good000000";
const BAD: &str = "f1bad0000000";

async fn failing_revision(backend: Backend) {
    let db = TestDb::new(backend, "failing").await;
    let migs = migrations(vec![
        rev(GOOD, &[], CreateTable("t_good")),
        rev(BAD, &[GOOD], FailingSecondStatement("t_half")),
    ]);
    let m = Migrator::connect(&db.database_url(), &migs, &ConnectOptions::default())
        .await
        .unwrap();
    let opts = RunOptions::default();

    let err = m.upgrade("head", &opts).await.unwrap_err().to_string();
    assert!(err.contains(BAD), "error names the revision: {err}");
    assert!(!err.contains('\n'), "one line: {err}");

    if backend == Backend::MySql {
        // DDL auto-commits: the first table stays, and the failure is recorded and named.
        assert!(err.contains("failed at statement 2 of 2"), "{err}");
        assert!(err.contains("1 statements were applied"), "{err}");
        assert_eq!(tables(m.connection()).await, set(&["t_good", "t_half"]));
        let rows = m.applied().await.unwrap();
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert_eq!(rows[0].revision, GOOD);
        assert_eq!(rows[0].state, RevisionState::Applied);
        assert_eq!(rows[1].revision, BAD);
        assert_eq!(rows[1].state, RevisionState::Failed);
        assert_eq!(rows[1].failed_statement, Some(2));
        // A failed revision is not applied.
        assert_eq!(m.current_heads().await.unwrap(), [GOOD]);

        // A rerun refuses instead of half-applying again, for upgrade and downgrade alike.
        let again = m.upgrade("head", &opts).await.unwrap_err().to_string();
        assert!(again.contains("previously failed"), "{again}");
        assert!(again.contains(BAD) && again.contains("stamp"), "{again}");
        let down = m.downgrade("base", &opts).await.unwrap_err().to_string();
        assert!(down.contains("previously failed"), "{down}");
        assert_eq!(tables(m.connection()).await, set(&["t_good", "t_half"]));

        // After repairing by hand (here: the table is what the revision wanted), stamp
        // records the state reached and clears the failure.
        m.stamp(BAD, false, &opts).await.unwrap();
        let rows = m.applied().await.unwrap();
        assert!(
            rows.iter().all(|r| r.state == RevisionState::Applied),
            "{rows:?}"
        );
        assert_eq!(version_rows(m.connection()).await.len(), 2);
        assert_eq!(m.current_heads().await.unwrap(), [BAD]);
        assert!(m.upgrade("head", &opts).await.unwrap().is_empty());
        // And the revision can be downgraded normally.
        assert_eq!(m.downgrade("-1", &opts).await.unwrap(), [BAD]);
        assert_eq!(tables(m.connection()).await, set(&["t_good"]));
    } else {
        // Transactional DDL: the failed revision left nothing behind; the one before it stays.
        assert!(err.contains("rolled back"), "{err}");
        assert_eq!(tables(m.connection()).await, set(&["t_good"]));
        assert_eq!(version_rows(m.connection()).await, [GOOD]);
        assert_eq!(m.current_heads().await.unwrap(), [GOOD]);
        // Nothing was recorded as failed, so a rerun fails the same way (not "previously").
        let again = m.upgrade("head", &opts).await.unwrap_err().to_string();
        assert!(again.contains("rolled back"), "{again}");
        assert!(!again.contains("previously"), "{again}");
        assert_eq!(tables(m.connection()).await, set(&["t_good"]));
        assert_eq!(version_rows(m.connection()).await, [GOOD]);
    }
}

const M1: &str = "e1aaaa000001";
const M2: &str = "e2bbbb000002";

async fn modified_revision(backend: Backend) {
    let db = TestDb::new(backend, "modified").await;
    let opts = RunOptions::default();
    {
        let migs = migrations(vec![rev(M1, &[], CreateTable("t_mod"))]);
        let m = Migrator::connect(&db.database_url(), &migs, &ConnectOptions::default())
            .await
            .unwrap();
        assert_eq!(m.upgrade("head", &opts).await.unwrap(), [M1]);
    }
    {
        // Same id, different SQL: refused both ways, nothing runs.
        let migs = migrations(vec![
            rev(M1, &[], CreateTableEdited("t_mod")),
            rev(M2, &[M1], CreateTable("t_mod2")),
        ]);
        let m = Migrator::connect(&db.database_url(), &migs, &ConnectOptions::default())
            .await
            .unwrap();
        let err = m.upgrade("head", &opts).await.unwrap_err().to_string();
        assert!(err.contains("modified after it was applied"), "{err}");
        assert!(err.contains(M1), "{err}");
        let err = m.downgrade("base", &opts).await.unwrap_err().to_string();
        assert!(err.contains("modified after it was applied"), "{err}");
        assert_eq!(tables(m.connection()).await, set(&["t_mod"]));
        assert_eq!(version_rows(m.connection()).await, [M1]);

        let allow = RunOptions {
            allow_modified: true,
            ..RunOptions::default()
        };
        assert_eq!(m.upgrade("head", &allow).await.unwrap(), [M2]);
        assert_eq!(tables(m.connection()).await, set(&["t_mod", "t_mod2"]));
    }
    {
        // Only reformatted (same SQL): not an edit.
        let migs = migrations(vec![
            rev(M1, &[], CreateTableReformatted("t_mod")),
            rev(M2, &[M1], CreateTableReformatted("t_mod2")),
        ]);
        let m = Migrator::connect(&db.database_url(), &migs, &ConnectOptions::default())
            .await
            .unwrap();
        assert!(m.upgrade("head", &opts).await.unwrap().is_empty());
        assert_eq!(m.downgrade("base", &opts).await.unwrap(), [M2, M1]);
        assert!(tables(m.connection()).await.is_empty());
        assert_eq!(m.upgrade("head", &opts).await.unwrap(), [M1, M2]);
    }
    {
        // The checksum recorded by the reformatted file is the original one.
        let migs = migrations(vec![
            rev(M1, &[], CreateTable("t_mod")),
            rev(M2, &[M1], CreateTable("t_mod2")),
        ]);
        let m = Migrator::connect(&db.database_url(), &migs, &ConnectOptions::default())
            .await
            .unwrap();
        assert!(m.upgrade("head", &opts).await.unwrap().is_empty());
    }
}

const S1: &str = "s1aaaa000001";
const S2: &str = "s2bbbb000002";
const S3: &str = "s3cccc000003";
const S4: &str = "s4dddd000004";

/// `--single-transaction`: the run is one transaction, so a failure in its third revision
/// rolls back the two before it as well (PostgreSQL, SQLite); MySQL refuses the option before
/// anything runs. On PostgreSQL a revision that is not `transactional` ends the transaction
/// before it and runs on its own.
async fn single_transaction(backend: Backend) {
    let db = TestDb::new(backend, "single_txn").await;
    let one = RunOptions {
        single_transaction: true,
        ..RunOptions::default()
    };
    let failing = migrations(vec![
        rev(S1, &[], CreateTable("t_s1")),
        rev(S2, &[S1], CreateTable("t_s2")),
        rev(S3, &[S2], FailingSecondStatement("t_s3")),
    ]);
    let m = Migrator::connect(&db.database_url(), &failing, &ConnectOptions::default())
        .await
        .unwrap();
    let err = m.upgrade("head", &one).await.unwrap_err().to_string();
    assert!(!err.contains('\n'), "one line: {err}");
    if backend == Backend::MySql {
        assert!(
            err.contains("--single-transaction needs transactional DDL"),
            "{err}"
        );
        assert!(tables(m.connection()).await.is_empty(), "nothing ran");
        let down = m.downgrade("base", &one).await.unwrap_err().to_string();
        assert!(down.contains("--single-transaction"), "{down}");
        return;
    }
    assert!(err.contains(S3) && err.contains("rolled back"), "{err}");
    assert!(
        err.contains(&format!(
            "2 revision(s) before it in the same transaction (--single-transaction): {S1}, {S2}"
        )),
        "{err}"
    );
    assert!(tables(m.connection()).await.is_empty(), "all rolled back");
    drop(m);

    // Without the failing revision: both in one run, each with its version row.
    let good = migrations(vec![
        rev(S1, &[], CreateTable("t_s1")),
        rev(S2, &[S1], CreateTable("t_s2")),
    ]);
    let m = Migrator::connect(&db.database_url(), &good, &ConnectOptions::default())
        .await
        .unwrap();
    assert_eq!(m.upgrade("head", &one).await.unwrap(), [S1, S2]);
    assert_eq!(tables(m.connection()).await, set(&["t_s1", "t_s2"]));
    assert_eq!(version_rows(m.connection()).await, [S1, S2]);
    assert_eq!(m.downgrade("base", &one).await.unwrap(), [S2, S1]);
    assert!(tables(m.connection()).await.is_empty());
    assert!(version_rows(m.connection()).await.is_empty());
    drop(m);

    if backend == Backend::Postgres {
        // S1 commits on its own before the non-transactional S2; S3 and S4 share a
        // transaction, which the failure of S4 rolls back.
        let outside = Revision::new(
            autogen::revision::RevisionMeta {
                transactional: false,
                ..meta(S2, &[S1])
            },
            CreateTable("t_s2"),
        );
        let mixed = migrations(vec![
            rev(S1, &[], CreateTable("t_s1")),
            outside,
            rev(S3, &[S2], CreateTable("t_s3")),
            rev(S4, &[S3], FailingSecondStatement("t_s4")),
        ]);
        let m = Migrator::connect(&db.database_url(), &mixed, &ConnectOptions::default())
            .await
            .unwrap();
        let err = m.upgrade("head", &one).await.unwrap_err().to_string();
        assert!(
            err.contains(S4) && err.contains(&format!("(--single-transaction): {S3}")),
            "{err}"
        );
        assert!(!err.contains(S1), "{err}");
        assert_eq!(tables(m.connection()).await, set(&["t_s1", "t_s2"]));
        assert_eq!(version_rows(m.connection()).await, [S1, S2]);
    }
}

per_backend!(failing_revision, modified_revision, single_transaction);
