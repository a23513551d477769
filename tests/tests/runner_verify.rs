//! Which applied revisions a run verifies against their recorded checksum: the ones it
//! touches. An edited applied revision is refused before its `down` runs, and before a new
//! revision is applied on top of it; a run that touches nothing (a no-op `upgrade` at head, or
//! one that builds on an unedited revision) does not recompute the whole history.

use autogen::runtime::{ConnectOptions, Migrations, Migrator, RunOptions};
use tests::catalog::{set, tables, version_rows};
use tests::fixtures::{CreateTable, CreateTableEdited, migrations, rev};
use tests::{Backend, TestDb, per_backend};

const A: &str = "v1aaaa000001";
const B: &str = "v2bbbb000002";
const C: &str = "v3cccc000003";
const D: &str = "v4dddd000004";

async fn connect<'a>(db: &TestDb, migs: &'a Migrations) -> Migrator<'a> {
    Migrator::connect(&db.database_url(), migs, &ConnectOptions::default())
        .await
        .unwrap()
}

async fn touched_only(backend: Backend) {
    let db = TestDb::new(backend, "verify").await;
    let opts = RunOptions::default();
    {
        let migs = migrations(vec![
            rev(A, &[], CreateTable("t_a")),
            rev(B, &[A], CreateTable("t_b")),
        ]);
        let m = connect(&db, &migs).await;
        assert_eq!(m.upgrade("head", &opts).await.unwrap(), [A, B]);
    }
    // A edited after it was applied.
    let edited_a = || {
        migrations(vec![
            rev(A, &[], CreateTableEdited("t_a")),
            rev(B, &[A], CreateTable("t_b")),
            rev(C, &[B], CreateTable("t_c")),
        ])
    };
    {
        let migs = edited_a();
        let m = connect(&db, &migs).await;
        // Upgrading builds on B (unedited): A is not touched, the run goes on.
        assert_eq!(m.upgrade("head", &opts).await.unwrap(), [C]);
        // A no-op upgrade at head touches nothing.
        assert!(m.upgrade("head", &opts).await.unwrap().is_empty());
        // Reverting C and B does not run A: allowed.
        assert_eq!(m.downgrade(A, &opts).await.unwrap(), [C, B]);
        // Reverting A would run its edited `down`: refused before anything runs.
        let err = m.downgrade("base", &opts).await.unwrap_err().to_string();
        assert!(err.contains("modified after it was applied"), "{err}");
        assert!(err.contains(A), "{err}");
        assert_eq!(tables(m.connection()).await, set(&["t_a"]));
        // Applying B on top of the edited A: refused, nothing runs.
        let err = m.upgrade("head", &opts).await.unwrap_err().to_string();
        assert!(err.contains("modified after it was applied"), "{err}");
        assert_eq!(version_rows(m.connection()).await, [A]);
        assert_eq!(tables(m.connection()).await, set(&["t_a"]));
    }
    {
        // A dependency (not a parent) that was edited is touched too.
        let mut d = rev(D, &[], CreateTable("t_d"));
        d.meta.depends_on = &[A];
        let migs = migrations(vec![rev(A, &[], CreateTableEdited("t_a")), d]);
        let m = connect(&db, &migs).await;
        let err = m.upgrade(D, &opts).await.unwrap_err().to_string();
        assert!(err.contains("modified after it was applied"), "{err}");
        assert_eq!(version_rows(m.connection()).await, [A]);
    }
}

per_backend!(touched_only);
