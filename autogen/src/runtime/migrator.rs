//! Online upgrade, downgrade and stamp against a live database.

use std::collections::BTreeSet;
use std::io::IsTerminal;
use std::sync::Arc;
use std::time::Duration;

use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement, TransactionTrait};
use sea_orm_migration::SchemaManager;

use super::capture::{Side, capture_sql};
use super::checksum::checksum;
use super::error::{RuntimeError, one_line};
use super::lock::MigrationLock;
use super::recorder::Recorder;
use super::version_table::{self, AppliedRevision, RevisionState};
use super::{ConnectOptions, Migrations, connect};
use crate::config::DatabaseUrl;

/// Knobs for a run.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// How long to wait for another migrator to finish.
    pub lock_timeout: Duration,
    /// Run even if an applied file's SQL changed.
    pub allow_modified: bool,
}

impl Default for RunOptions {
    fn default() -> Self {
        Self {
            lock_timeout: Duration::from_secs(60),
            allow_modified: false,
        }
    }
}

/// A connection to one database plus the migrations to run against it.
pub struct Migrator<'m> {
    url: DatabaseUrl,
    conn: DatabaseConnection,
    recorder: Arc<Recorder>,
    migrations: &'m Migrations,
}

impl<'m> Migrator<'m> {
    /// Connects to `url`.
    pub async fn connect(
        url: &DatabaseUrl,
        migrations: &'m Migrations,
        options: &ConnectOptions,
    ) -> Result<Migrator<'m>, RuntimeError> {
        let (conn, recorder) = connect(url, options).await?;
        Ok(Migrator {
            url: url.clone(),
            conn,
            recorder,
            migrations,
        })
    }

    /// The live connection.
    pub fn connection(&self) -> &DatabaseConnection {
        &self.conn
    }

    /// Everything executed on this connection so far.
    pub fn recorder(&self) -> &Recorder {
        &self.recorder
    }

    fn backend(&self) -> DbBackend {
        self.conn.get_database_backend()
    }

    /// Rows of the version table in application order.
    pub async fn applied(&self) -> Result<Vec<AppliedRevision>, RuntimeError> {
        version_table::read(&self.conn).await
    }

    /// Applied revisions that no applied revision builds on.
    pub async fn current_heads(&self) -> Result<Vec<String>, RuntimeError> {
        let applied = applied_set(&self.applied().await?);
        Ok(self
            .migrations
            .graph()
            .current_heads(&applied)
            .into_iter()
            .map(str::to_string)
            .collect())
    }

    /// Upgrades to `target`; returns the revisions applied.
    pub async fn upgrade(
        &self,
        target: &str,
        options: &RunOptions,
    ) -> Result<Vec<&'static str>, RuntimeError> {
        let lock = MigrationLock::acquire(&self.url, options.lock_timeout).await?;
        let result = self.upgrade_locked(target, options).await;
        lock.release().await;
        result
    }

    async fn upgrade_locked(
        &self,
        target: &str,
        options: &RunOptions,
    ) -> Result<Vec<&'static str>, RuntimeError> {
        version_table::ensure(&self.conn).await?;
        let rows = self.checked_rows(options).await?;
        let plan = self
            .migrations
            .graph()
            .upgrade_plan(&applied_set(&rows), target)?;
        for (i, id) in plan.iter().enumerate() {
            self.announce(i, plan.len(), "upgrade", id);
            self.run_one(id, Side::Up).await?;
        }
        Ok(plan)
    }

    /// Downgrades to `target`; returns the revisions reverted.
    pub async fn downgrade(
        &self,
        target: &str,
        options: &RunOptions,
    ) -> Result<Vec<&'static str>, RuntimeError> {
        let lock = MigrationLock::acquire(&self.url, options.lock_timeout).await?;
        let result = self.downgrade_locked(target, options).await;
        lock.release().await;
        result
    }

    async fn downgrade_locked(
        &self,
        target: &str,
        options: &RunOptions,
    ) -> Result<Vec<&'static str>, RuntimeError> {
        version_table::ensure(&self.conn).await?;
        let rows = self.checked_rows(options).await?;
        let in_order: Vec<String> = rows.iter().map(|r| r.revision.clone()).collect();
        let plan = self.migrations.graph().downgrade_plan(&in_order, target)?;
        for (i, id) in plan.iter().enumerate() {
            self.announce(i, plan.len(), "downgrade", id);
            self.run_one(id, Side::Down).await?;
        }
        Ok(plan)
    }

    /// Records `target` as the current state without running any migration code.
    /// Failed and interrupted markers are cleared: stamping is how a repaired MySQL failure is
    /// recorded.
    pub async fn stamp(
        &self,
        target: &str,
        purge: bool,
        options: &RunOptions,
    ) -> Result<(Vec<String>, Vec<String>), RuntimeError> {
        let lock = MigrationLock::acquire(&self.url, options.lock_timeout).await?;
        let result = self.stamp_locked(target, purge).await;
        lock.release().await;
        result
    }

    async fn stamp_locked(
        &self,
        target: &str,
        purge: bool,
    ) -> Result<(Vec<String>, Vec<String>), RuntimeError> {
        version_table::ensure(&self.conn).await?;
        let rows = self.applied().await?;
        let graph = self.migrations.graph();
        if purge {
            self.exec(
                &version_table::delete_all_statement(),
                "cannot purge the version table",
            )
            .await?;
        } else {
            for row in rows.iter().filter(|r| r.state != RevisionState::Applied) {
                self.exec(
                    &version_table::delete_statement(&row.revision),
                    "cannot clear a failed marker",
                )
                .await?;
            }
        }
        let applied = if purge {
            BTreeSet::new()
        } else {
            rows.iter()
                .filter(|r| r.state == RevisionState::Applied)
                .map(|r| r.revision.clone())
                .collect()
        };
        let (insert, delete) = graph.stamp_plan(&applied, target)?;
        for id in &delete {
            self.exec(
                &version_table::delete_statement(id),
                "cannot update the version table",
            )
            .await?;
        }
        for id in &insert {
            let sum = self.checksum_of(id).await?;
            let stmt = version_table::insert_statement(id, &sum, RevisionState::Applied, None);
            self.exec(&stmt, "cannot update the version table").await?;
        }
        let owned = |ids: Vec<&str>| ids.into_iter().map(str::to_string).collect();
        Ok((owned(insert), owned(delete)))
    }

    /// Reads the version table and refuses to go on over unknown, failed or edited revisions.
    async fn checked_rows(
        &self,
        options: &RunOptions,
    ) -> Result<Vec<AppliedRevision>, RuntimeError> {
        let rows = self.applied().await?;
        for row in &rows {
            if self.migrations.get(&row.revision).is_none() {
                return Err(RuntimeError::UnknownApplied(row.revision.clone()));
            }
            match row.state {
                RevisionState::Applied => {}
                RevisionState::Failed => {
                    return Err(RuntimeError::PreviouslyFailed {
                        revision: row.revision.clone(),
                        statement: row.failed_statement.unwrap_or(0),
                    });
                }
                RevisionState::Running => {
                    return Err(RuntimeError::Interrupted {
                        revision: row.revision.clone(),
                    });
                }
            }
            if !options.allow_modified {
                let current = self.checksum_of(&row.revision).await?;
                if current != row.checksum {
                    return Err(RuntimeError::Modified {
                        revision: row.revision.clone(),
                        applied: row.checksum.clone(),
                        current,
                    });
                }
            }
        }
        Ok(rows)
    }

    /// Checksum of the SQL `up` produces on this backend.
    async fn checksum_of(&self, id: &str) -> Result<String, RuntimeError> {
        let revision = self
            .migrations
            .get(id)
            .ok_or_else(|| RuntimeError::UnknownApplied(id.to_string()))?;
        let sql = capture_sql(self.backend(), revision.migration.as_ref(), Side::Up, id).await?;
        Ok(checksum(&sql))
    }

    fn announce(&self, index: usize, total: usize, verb: &str, id: &str) {
        let message = self
            .migrations
            .get(id)
            .map(|r| r.meta.message)
            .unwrap_or("");
        if std::io::stderr().is_terminal() {
            eprintln!("[{}/{total}] {verb} {id}: {message}", index + 1);
        } else {
            tracing::info!("running {verb} {id}: {message}");
        }
    }

    async fn exec(
        &self,
        stmt: &impl sea_orm::StatementBuilder,
        context: &str,
    ) -> Result<(), RuntimeError> {
        self.conn
            .execute(stmt)
            .await
            .map_err(|e| RuntimeError::db(context, e))?;
        Ok(())
    }

    /// Runs one side of one revision with its version-table write.
    async fn run_one(&self, id: &'static str, side: Side) -> Result<(), RuntimeError> {
        let revision = self.migrations.get(id).expect("planned revision exists");
        // One capture of this side serves the checksum (on upgrades) and MySQL's statement total.
        let side_sql = capture_sql(self.backend(), revision.migration.as_ref(), side, id).await?;
        let sum = match side {
            Side::Up => checksum(&side_sql),
            Side::Down => self.checksum_of(id).await?,
        };
        match self.backend() {
            DbBackend::MySql => {
                let total = side_sql.iter().filter(|sql| !is_query(sql)).count();
                self.run_without_transaction(id, side, &sum, total).await
            }
            _ => self.run_in_transaction(id, side, &sum).await,
        }
    }

    /// Postgres and SQLite: the revision and its version row commit together or not at all.
    async fn run_in_transaction(
        &self,
        id: &'static str,
        side: Side,
        sum: &str,
    ) -> Result<(), RuntimeError> {
        let sqlite = self.backend() == DbBackend::Sqlite;
        if sqlite {
            // Table rebuilds drop and recreate tables; with foreign keys on, that would cascade.
            self.pragma("PRAGMA foreign_keys = OFF").await?;
        }
        let result = self.transaction_body(id, side, sum).await;
        if sqlite {
            self.pragma("PRAGMA foreign_keys = ON").await?;
        }
        result
    }

    async fn transaction_body(
        &self,
        id: &'static str,
        side: Side,
        sum: &str,
    ) -> Result<(), RuntimeError> {
        let revision = self.migrations.get(id).expect("planned revision exists");
        let rolled_back = |e: &dyn std::fmt::Display| RuntimeError::RolledBack {
            revision: id.to_string(),
            reason: one_line(&e.to_string()),
        };
        let txn = self
            .conn
            .begin()
            .await
            .map_err(|e| RuntimeError::db("cannot begin a transaction", e))?;
        let manager = SchemaManager::new(&txn);
        let outcome = match side {
            Side::Up => revision.migration.up(&manager).await,
            Side::Down => revision.migration.down(&manager).await,
        };
        drop(manager);
        if let Err(e) = outcome {
            let _ = txn.rollback().await;
            return Err(rolled_back(&e));
        }
        let write = match side {
            Side::Up => {
                txn.execute(&version_table::insert_statement(
                    id,
                    sum,
                    RevisionState::Applied,
                    None,
                ))
                .await
            }
            Side::Down => txn.execute(&version_table::delete_statement(id)).await,
        };
        if let Err(e) = write {
            let _ = txn.rollback().await;
            return Err(rolled_back(&e));
        }
        if self.backend() == DbBackend::Sqlite {
            let violations = txn
                .query_all_raw(Statement::from_string(
                    DbBackend::Sqlite,
                    "PRAGMA foreign_key_check",
                ))
                .await
                .map_err(|e| rolled_back(&e))?;
            if !violations.is_empty() {
                let _ = txn.rollback().await;
                return Err(rolled_back(&format!(
                    "{} rows violate foreign keys",
                    violations.len()
                )));
            }
        }
        txn.commit().await.map_err(|e| rolled_back(&e))
    }

    /// MySQL commits each DDL statement on its own, so the row is written first (`running`),
    /// and replaced when the revision ends: `applied` (or deleted, for a downgrade), or `failed`
    /// with the statement that failed. A migrator killed in between leaves `running`.
    async fn run_without_transaction(
        &self,
        id: &'static str,
        side: Side,
        sum: &str,
        total: usize,
    ) -> Result<(), RuntimeError> {
        let revision = self.migrations.get(id).expect("planned revision exists");
        for stmt in mysql_prologue(id, sum, side) {
            self.conn
                .execute_raw(stmt)
                .await
                .map_err(|e| RuntimeError::db("cannot record the revision as running", e))?;
        }
        let start = self.recorder.len();
        let manager = SchemaManager::new(&self.conn);
        let outcome = match side {
            Side::Up => revision.migration.up(&manager).await,
            Side::Down => revision.migration.down(&manager).await,
        };
        if let Err(e) = outcome {
            let done = self
                .recorder
                .since(start)
                .iter()
                .filter(|s| !s.failed && !is_query(&s.sql))
                .count();
            let marker = version_table::update_state_statement(
                id,
                RevisionState::Failed,
                Some(done as i64 + 1),
            );
            let _ = self.conn.execute(&marker).await;
            return Err(RuntimeError::PartiallyApplied {
                revision: id.to_string(),
                statement: done + 1,
                total: total.max(done + 1),
                done,
                reason: one_line(&e.to_string()),
            });
        }
        for stmt in mysql_epilogue(id, side) {
            self.conn
                .execute_raw(stmt)
                .await
                .map_err(|e| RuntimeError::db("cannot record the revision", e))?;
        }
        Ok(())
    }

    async fn pragma(&self, sql: &str) -> Result<(), RuntimeError> {
        self.conn
            .execute_raw(Statement::from_string(DbBackend::Sqlite, sql))
            .await
            .map_err(|e| RuntimeError::db(format!("cannot run {sql}"), e))?;
        Ok(())
    }
}

/// Whether a statement only reads (the runner does not count those as a revision's steps).
fn is_query(sql: &str) -> bool {
    let head = sql.trim_start();
    head.len() >= 6 && head[..6].eq_ignore_ascii_case("SELECT")
}

/// Version-table writes before a MySQL revision runs: mark it `running`.
pub(crate) fn mysql_prologue(id: &str, sum: &str, side: Side) -> Vec<Statement> {
    let backend = DbBackend::MySql;
    vec![match side {
        Side::Up => backend.build(&version_table::insert_statement(
            id,
            sum,
            RevisionState::Running,
            None,
        )),
        Side::Down => backend.build(&version_table::update_state_statement(
            id,
            RevisionState::Running,
            None,
        )),
    }]
}

/// Version-table writes after a MySQL revision succeeded: `applied`, or the row removed.
pub(crate) fn mysql_epilogue(id: &str, side: Side) -> Vec<Statement> {
    let backend = DbBackend::MySql;
    vec![match side {
        Side::Up => backend.build(&version_table::update_state_statement(
            id,
            RevisionState::Applied,
            None,
        )),
        Side::Down => backend.build(&version_table::delete_statement(id)),
    }]
}

/// The ids of applied (not failed) rows.
pub fn applied_set(rows: &[AppliedRevision]) -> BTreeSet<String> {
    rows.iter()
        .filter(|r| r.state == RevisionState::Applied)
        .map(|r| r.revision.clone())
        .collect()
}
