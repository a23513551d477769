//! A revision that spends its time on the server: it creates `fx_before`, runs one slow
//! statement (PostgreSQL `pg_sleep`, MariaDB `SLEEP`, SQLite a long recursive count), then
//! creates `fx_after`. A test can kill the migrator, freeze its connection, or let a statement
//! timeout cut it off while the server is busy inside the revision.

use std::path::PathBuf;

use sea_orm::{ConnectionTrait, DbBackend, Statement};
use sea_orm_migration::{DbErr, MigrationName, MigrationTrait, SchemaManager, async_trait};

use crate::fixtures::CreateTable;

/// The slow revision; `mark` (if any) is created just before the slow statement is sent.
pub struct SlowRevision {
    /// Seconds the slow statement takes (roughly, on SQLite).
    pub seconds: u64,
    /// File written when the real run reaches the slow statement.
    pub mark: Option<PathBuf>,
}

/// The slow statement for `backend`.
pub fn slow_sql(backend: DbBackend, seconds: u64) -> String {
    match backend {
        DbBackend::Postgres => format!("SELECT pg_sleep({seconds})"),
        DbBackend::MySql => format!("SELECT SLEEP({seconds})"),
        // About ten million rows a second on a slow machine: long enough, whatever the speed.
        _ => format!(
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < {}) \
             SELECT count(*) FROM c",
            seconds.saturating_mul(10_000_000).max(1)
        ),
    }
}

impl MigrationName for SlowRevision {
    fn name(&self) -> &str {
        "slow_revision"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for SlowRevision {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        CreateTable("fx_before").up(manager).await?;
        let conn = manager.get_connection();
        let backend = conn.get_database_backend();
        // The runner also runs `up` against a recording connection (checksums), where every
        // query returns no rows: mark only in the real run.
        let probe = Statement::from_string(backend, "SELECT 1 AS one");
        let real = conn.query_one_raw(probe).await?.is_some();
        if real && let Some(mark) = &self.mark {
            std::fs::write(mark, "started").map_err(|e| DbErr::Custom(e.to_string()))?;
        }
        let slow = Statement::from_string(backend, slow_sql(backend, self.seconds));
        conn.query_one_raw(slow).await?;
        CreateTable("fx_after").up(manager).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        CreateTable("fx_after").down(manager).await?;
        CreateTable("fx_before").down(manager).await
    }
}
