//! Runs one side of one revision (or, `--single-transaction`, of several in one transaction)
//! online: the frames of [`super::frame`], executed in order on the migrator's connection, with
//! each revision's own code in place of its body.

use sea_orm::{ConnectionTrait, DatabaseTransaction, DbErr, Statement, TransactionTrait};
use sea_orm_migration::{MigrationTrait, SchemaManager};

use super::capture::Side;
use super::db_error::DbError;
use super::error::RuntimeError;
use super::frame::{FOREIGN_KEY_CHECK, Frame, failed_marker};
use super::progress::Progress;
use super::session::Session;
use crate::backend::Backend;

/// One revision of a run.
pub struct Step<'a> {
    /// Revision id.
    pub id: &'a str,
    /// The revision's code.
    pub migration: &'a dyn MigrationTrait,
    /// The revision's statements as the recording connection saw them (to place a failure).
    pub planned: &'a [String],
}

/// One run of one or more revisions: what to execute and where.
pub struct Apply<'a> {
    /// The migrator's session.
    pub session: &'a Session,
    /// The connection's backend.
    pub backend: Backend,
    /// The revisions, in the order of the frames' bodies.
    pub steps: &'a [Step<'a>],
    /// Which side.
    pub side: Side,
    /// Called with a step's index as its body starts (the announcement of the revision).
    pub starting: &'a (dyn Fn(usize) + Send + Sync),
}

impl Apply<'_> {
    /// Executes `frames`. A failure inside the transaction rolls it back; a failure in the
    /// body outside one (MySQL) records the revision as failed, with how far it got. Frames
    /// after `Commit` run whatever happened before them.
    pub async fn run(&self, frames: &[Frame]) -> Result<(), RuntimeError> {
        let teardown = frames
            .iter()
            .position(|f| matches!(f, Frame::Commit))
            .map_or(frames.len(), |i| i + 1);
        let mut txn: Option<DatabaseTransaction> = None;
        let mut outcome = Ok(());
        // The step the frames are at: a version row belongs to the body before it (MySQL's
        // `running` row to the body after it, which is the same index).
        let mut at = 0;
        for frame in &frames[..teardown] {
            if let Frame::Body(i) = frame {
                at = *i;
            }
            if let Err(e) = self.frame(frame, &mut txn).await {
                outcome = Err(self.failure(frame, at, txn.is_some(), e).await);
                if let Some(t) = txn.take() {
                    let _ = t.rollback().await;
                }
                break;
            }
        }
        for frame in &frames[teardown..] {
            if let Err(e) = self.frame(frame, &mut txn).await {
                outcome = outcome.and(Err(self.failure(frame, at, false, e).await));
            }
        }
        outcome
    }

    async fn frame(
        &self,
        frame: &Frame,
        txn: &mut Option<DatabaseTransaction>,
    ) -> Result<(), Failure> {
        match frame {
            Frame::Begin => {
                *txn = Some(
                    self.session
                        .connection()
                        .begin()
                        .await
                        .map_err(Failure::Db)?,
                )
            }
            Frame::Commit => {
                if let Some(t) = txn.take() {
                    t.commit().await.map_err(Failure::Db)?;
                }
            }
            Frame::Sql(stmt) => {
                match txn {
                    Some(t) => t.execute_raw(stmt.clone()).await,
                    None => self.session.connection().execute_raw(stmt.clone()).await,
                }
                .map_err(Failure::Db)?;
            }
            Frame::ForeignKeyCheck => {
                let check = Statement::from_string(self.backend.db(), FOREIGN_KEY_CHECK);
                let rows = match txn {
                    Some(t) => t.query_all_raw(check).await,
                    None => self.session.connection().query_all_raw(check).await,
                }
                .map_err(Failure::Db)?;
                if !rows.is_empty() {
                    return Err(Failure::Db(DbErr::Custom(format!(
                        "{} rows violate foreign keys",
                        rows.len()
                    ))));
                }
            }
            Frame::Body(i) => {
                let step = &self.steps[*i];
                (self.starting)(*i);
                let start = Start {
                    logged: self.session.recorder().len(),
                    calls: self.session.calls(),
                };
                let result = match txn {
                    Some(t) => self.body(step, SchemaManager::new(&*t)).await,
                    None => {
                        self.body(step, SchemaManager::new(self.session.connection()))
                            .await
                    }
                };
                result.map_err(|e| Failure::Body(e, start))?;
            }
        }
        Ok(())
    }

    async fn body(&self, step: &Step<'_>, manager: SchemaManager<'_>) -> Result<(), DbErr> {
        match self.side {
            Side::Up => step.migration.up(&manager).await,
            Side::Down => step.migration.down(&manager).await,
        }
    }

    /// The error for a transaction rolled back at step `at`: with one step, that revision;
    /// with several, it and every step before it in the transaction.
    fn rolled_back(&self, at: usize, e: &DbErr) -> RuntimeError {
        let revision = self.steps[at].id.to_string();
        if self.steps.len() == 1 {
            return RuntimeError::RolledBack {
                revision,
                source: DbError::from(e),
            };
        }
        RuntimeError::RunRolledBack {
            revision,
            undone: self.steps[..at].iter().map(|s| s.id.to_string()).collect(),
            source: DbError::from(e),
        }
    }

    /// The error for a failed frame at step `at`; outside a transaction a failed body is
    /// recorded.
    async fn failure(
        &self,
        frame: &Frame,
        at: usize,
        in_transaction: bool,
        failure: Failure,
    ) -> RuntimeError {
        let step = &self.steps[at];
        let revision = step.id.to_string();
        match failure {
            Failure::Db(e) if in_transaction || matches!(frame, Frame::Commit) => {
                self.rolled_back(at, &e)
            }
            Failure::Db(e) => RuntimeError::db(
                format!(
                    "revision {}: cannot run `{}`",
                    step.id,
                    frame.sql().unwrap_or_default()
                ),
                &e,
            ),
            Failure::Body(e, _) if in_transaction => self.rolled_back(at, &e),
            Failure::Body(e, start) => {
                // Outside a transaction every call takes the session's one connection from
                // its pool, so the pool's count is the number of calls the body made.
                let calls = (self.session.calls() - start.calls) as usize;
                let from_database = matches!(e, DbErr::Exec(_) | DbErr::Query(_) | DbErr::Conn(_));
                let progress = Progress::locate(
                    step.planned,
                    &self.session.recorder().since(start.logged),
                    Some(calls).filter(|_| from_database),
                );
                let statement = progress.statement().map(|n| n as i64);
                let marker = failed_marker(self.backend, step.id, statement);
                let _ = self.session.connection().execute_raw(marker).await;
                RuntimeError::PartiallyApplied {
                    revision,
                    progress,
                    source: DbError::from(&e),
                }
            }
        }
    }
}

/// Where the statement log and the call count stood when the body started.
#[derive(Debug, Clone, Copy)]
struct Start {
    logged: usize,
    calls: u64,
}

/// What went wrong in one frame.
enum Failure {
    /// A database call of the wrapping failed.
    Db(DbErr),
    /// The revision's code failed; what it ran is logged and counted after `.1`.
    Body(DbErr, Start),
}
