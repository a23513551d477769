//! A database at head brought out of line with the entities by hand, and the cli run against
//! it: the setup of the tests of what `revision --autogenerate` and `check` make of a drift.

use sea_orm::ConnectionTrait;

use crate::process::success;
use crate::{Backend, TempDir, TestDb};

/// A database at head, a working directory and an empty versions directory.
pub struct Drifted {
    /// The database.
    pub db: TestDb,
    /// The working directory.
    pub dir: TempDir,
    /// The versions directory `autogenerate` writes into.
    pub versions: TempDir,
}

impl Drifted {
    /// Upgrades a new database to head, then runs `sql` on it.
    pub async fn new(backend: Backend, label: &str, sql: &[String]) -> Drifted {
        let db = TestDb::new(backend, label).await;
        let dir = TempDir::new();
        let versions = TempDir::new();
        success(&crate::process::cli_on(&dir.path, &db.url, &["upgrade"]));
        let conn = db.connect().await;
        for statement in sql {
            conn.execute_unprepared(statement).await.unwrap();
        }
        Drifted { db, dir, versions }
    }

    /// Runs the cli in the working directory against the database.
    pub fn run(&self, args: &[&str]) -> std::process::Output {
        crate::process::cli_on(&self.dir.path, &self.db.url, args)
    }

    /// `revision --autogenerate` into the versions directory, with `extra` flags.
    pub fn autogenerate(&self, extra: &[&str]) -> std::process::Output {
        let versions = self.versions.path.to_string_lossy().into_owned();
        let mut args = vec![
            "revision",
            "--autogenerate",
            "-m",
            "drift",
            "--versions-dir",
            &versions,
        ];
        args.extend_from_slice(extra);
        self.run(&args)
    }

    /// The text of every file in the versions directory.
    pub fn files(&self) -> Vec<String> {
        std::fs::read_dir(&self.versions.path)
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect()
    }
}
