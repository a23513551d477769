//! Online upgrade, downgrade and stamp against a live database.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::io::{IsTerminal, Write};
use std::sync::Arc;
use std::time::Duration;

use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend};

use super::applied_sql;
use super::apply::{Apply, Step};
use super::capture::{Side, capture_sql};
use super::checksum::checksum;
use super::error::RuntimeError;
use super::frame::{Record, frames, frames_in_one_transaction, in_transaction};
use super::invalid_index;
use super::recorder::Recorder;
use super::session::Session;
use super::squashed_rows;
use super::version_table::{self, AppliedRevision, Presence, RevisionState};
use super::{ConnectOptions, Migrations};
use crate::backend::Backend;
use crate::config::DatabaseUrl;
use crate::revision::RevisionGraph;

/// Knobs for a run.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// How long to wait for another migrator to finish.
    pub lock_timeout: Duration,
    /// Run even if an applied file's SQL changed.
    pub allow_modified: bool,
    /// Say each revision as it starts (on a terminal's stderr, else an info log line);
    /// `false` logs it at debug level only (tenant runs, which report per tenant).
    pub announce: bool,
    /// One transaction around the whole run (`--single-transaction`; Alembic's default,
    /// `transaction_per_migration = False`) instead of one per revision: a failure rolls back
    /// every revision of the run, and the run commits (and syncs to disk) once. PostgreSQL and
    /// SQLite only; a revision that is not `transactional` still runs on its own, between
    /// transactions.
    pub single_transaction: bool,
}

impl Default for RunOptions {
    fn default() -> Self {
        Self {
            lock_timeout: Duration::from_secs(60),
            allow_modified: false,
            announce: true,
            single_transaction: false,
        }
    }
}

/// What `stamp` changed in the version table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StampReport {
    /// Revisions recorded as applied.
    pub recorded: Vec<String>,
    /// Revisions removed.
    pub removed: Vec<String>,
    /// Failed or interrupted markers cleared (their revision, and the state they had).
    pub cleared: Vec<(String, RevisionState)>,
}

/// A connection to one database plus the migrations to run against it.
pub struct Migrator<'m> {
    /// The one session everything runs on; it holds the migration lock (see `session.rs`).
    session: Session,
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
        let session = Session::open(url, options).await?;
        let (conn, recorder) = (session.connection().clone(), session.recorder());
        Ok(Migrator {
            session,
            conn,
            recorder,
            migrations,
        })
    }

    /// The live connection.
    pub fn connection(&self) -> &DatabaseConnection {
        &self.conn
    }

    /// The session's schema (PostgreSQL) or database (MySQL); `None` on SQLite.
    pub fn namespace(&self) -> Option<String> {
        self.session.namespace()
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

    /// Applied revisions that no applied revision builds on, in the view the database
    /// migrates on (a squash for the rows of its range; see `revision::squash`). A database
    /// inside a squashed range whose files are gone shows its rows as they are.
    pub async fn current_heads(&self) -> Result<Vec<String>, RuntimeError> {
        let rows = self.applied().await?;
        let (view, applied) = self
            .view(&rows)
            .unwrap_or_else(|_| (Cow::Borrowed(self.migrations.graph()), applied_set(&rows)));
        Ok(view
            .current_heads(&applied)
            .into_iter()
            .map(str::to_string)
            .collect())
    }

    /// The graph this database migrates on, and its applied revisions in that graph's ids.
    pub fn view(
        &self,
        rows: &[AppliedRevision],
    ) -> Result<(Cow<'m, RevisionGraph>, BTreeSet<String>), RuntimeError> {
        let applied = applied_set(rows);
        let view = self.migrations.graph().view_for(&applied)?;
        let in_view = view.in_view(&applied);
        Ok((view, in_view))
    }

    /// Records each squash whose range the database has completed in place of that range's
    /// rows (under the lock, before planning); returns the rows as they are then.
    async fn record_squashes(
        &self,
        rows: Vec<AppliedRevision>,
    ) -> Result<Vec<AppliedRevision>, RuntimeError> {
        let (_, in_view) = self.view(&rows)?;
        let (insert, delete) = squashed_rows::replacements(&applied_set(&rows), &in_view);
        if insert.is_empty() && delete.is_empty() {
            return Ok(rows);
        }
        let mut sums = Vec::with_capacity(insert.len());
        for id in insert {
            sums.push((id.clone(), self.checksum_of(&id).await?));
        }
        squashed_rows::record(&self.conn, &sums, &delete).await?;
        for (id, _) in &sums {
            tracing::info!(
                "recorded squashed revision {id} in place of {}",
                delete.join(", ")
            );
        }
        self.applied().await
    }

    /// Upgrades to `target`; returns the revisions applied.
    pub async fn upgrade(
        &self,
        target: &str,
        options: &RunOptions,
    ) -> Result<Vec<&'static str>, RuntimeError> {
        self.single_transaction_possible(options)?;
        let preflight = self.preflight(Side::Up, target);
        self.session.checked(preflight).await?;
        let work = self.upgrade_locked(target, options);
        self.session.exclusive(options.lock_timeout, work).await
    }

    async fn upgrade_locked(
        &self,
        target: &str,
        options: &RunOptions,
    ) -> Result<Vec<&'static str>, RuntimeError> {
        let unversioned = self.presence().await?.unversioned();
        let rows = self.checked_rows().await?;
        let rows = self.record_squashes(rows).await?;
        let (view, applied) = self.view(&rows)?;
        let plan = view.upgrade_plan(&applied, target)?;
        // What the run builds on: the applied revisions the planned ones name as parents or
        // dependencies (an edit there means the new revision meets a schema it was not
        // written for). Nothing for a no-op run, so its cost does not grow with the history.
        let mut touched: BTreeSet<&str> = BTreeSet::new();
        for id in &plan {
            touched.extend(view.builds_on(id)?);
        }
        touched.retain(|id| applied.contains(*id));
        self.verify_unmodified(&rows, &touched, options).await?;
        version_table::ensure(&self.conn).await?;
        applied_sql::ensure_column(&self.conn).await?;
        if let Err(e) = self.run_plan(&plan, Side::Up, options).await {
            return Err(if unversioned && e.is_already_exists() {
                RuntimeError::Unversioned {
                    source: Box::new(e),
                }
            } else {
                e
            });
        }
        if !plan.is_empty() {
            // A run on the originals of a squash that reached the end of its range.
            self.record_squashes(self.applied().await?).await?;
        }
        Ok(plan)
    }

    /// Whether the version table exists, and how many other tables there are.
    pub async fn presence(&self) -> Result<Presence, RuntimeError> {
        version_table::presence(&self.conn).await
    }

    /// Downgrades to `target`; returns the revisions reverted.
    pub async fn downgrade(
        &self,
        target: &str,
        options: &RunOptions,
    ) -> Result<Vec<&'static str>, RuntimeError> {
        self.single_transaction_possible(options)?;
        let preflight = self.preflight(Side::Down, target);
        self.session.checked(preflight).await?;
        let work = self.downgrade_locked(target, options);
        self.session.exclusive(options.lock_timeout, work).await
    }

    async fn downgrade_locked(
        &self,
        target: &str,
        options: &RunOptions,
    ) -> Result<Vec<&'static str>, RuntimeError> {
        let rows = self.checked_rows().await?;
        let rows = self.record_squashes(rows).await?;
        let (view, _) = self.view(&rows)?;
        let in_order: Vec<String> = rows.iter().map(|r| r.revision.clone()).collect();
        let plan = view.downgrade_plan(&view.order_in_view(&in_order), target)?;
        // The revisions whose `down` is about to run: an edited one is refused before it runs.
        let touched: BTreeSet<&str> = plan.iter().copied().collect();
        self.verify_unmodified(&rows, &touched, options).await?;
        version_table::ensure(&self.conn).await?;
        self.run_plan(&plan, Side::Down, options).await?;
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
    ) -> Result<StampReport, RuntimeError> {
        self.session.checked(self.stamp_plan(target, purge)).await?;
        let work = self.stamp_locked(target, purge);
        self.session.exclusive(options.lock_timeout, work).await
    }

    async fn stamp_locked(&self, target: &str, purge: bool) -> Result<StampReport, RuntimeError> {
        // Everything is worked out before the first write, so a bad target writes nothing.
        self.stamp_plan(target, purge).await?;
        if !purge {
            self.record_squashes(self.applied().await?).await?;
        }
        let (rows, insert, delete) = self.stamp_plan(target, purge).await?;
        let mut sums = Vec::with_capacity(insert.len());
        for id in &insert {
            sums.push(self.checksum_of(id).await?);
        }
        version_table::ensure(&self.conn).await?;
        let cleared: Vec<(String, RevisionState)> = rows
            .iter()
            .filter(|r| r.state != RevisionState::Applied)
            .map(|r| (r.revision.clone(), r.state))
            .collect();
        if purge {
            self.exec(
                &version_table::delete_all_statement(),
                "cannot purge the version table",
            )
            .await?;
        } else {
            for (revision, _) in &cleared {
                self.exec(
                    &version_table::delete_statement(revision),
                    "cannot clear a failed marker",
                )
                .await?;
            }
        }
        for id in &delete {
            self.exec(
                &version_table::delete_statement(id),
                "cannot update the version table",
            )
            .await?;
        }
        for (id, sum) in insert.iter().zip(&sums) {
            let stmt = version_table::insert_statement(id, sum, RevisionState::Applied, None, None);
            self.exec(&stmt, "cannot update the version table").await?;
        }
        Ok(StampReport {
            recorded: insert,
            removed: delete,
            cleared,
        })
    }

    /// The rows, and what stamping `target` inserts and deletes (failed and interrupted rows
    /// count as not applied; `purge` starts from nothing).
    async fn stamp_plan(
        &self,
        target: &str,
        purge: bool,
    ) -> Result<(Vec<AppliedRevision>, Vec<String>, Vec<String>), RuntimeError> {
        let rows = self.applied().await?;
        let (view, applied) = if purge {
            (Cow::Borrowed(self.migrations.graph()), BTreeSet::new())
        } else {
            self.view(&rows)?
        };
        let (insert, delete) = view.stamp_plan(&applied, target)?;
        let owned = |ids: Vec<&str>| ids.into_iter().map(str::to_string).collect();
        let (insert, delete) = (owned(insert), owned(delete));
        Ok((rows, insert, delete))
    }

    /// Resolves `target` against the state as it is now, before the lock is taken: a bad
    /// target (unknown, ambiguous, two heads) fails before anything is written, lock file and
    /// version table included. The plan is made again under the lock.
    async fn preflight(&self, side: Side, target: &str) -> Result<(), RuntimeError> {
        let rows = self.applied().await?;
        if let Some(row) = rows.iter().find(|r| !self.knows(&r.revision)) {
            return Err(RuntimeError::UnknownApplied(row.revision.clone()));
        }
        let (view, applied) = self.view(&rows)?;
        match side {
            Side::Up => view.upgrade_plan(&applied, target).map(drop)?,
            Side::Down => {
                let in_order: Vec<String> = rows.iter().map(|r| r.revision.clone()).collect();
                view.downgrade_plan(&view.order_in_view(&in_order), target)
                    .map(drop)?
            }
        }
        Ok(())
    }

    /// Reads the version table and refuses to go on over unknown, failed or interrupted
    /// revisions (checksums: see [`Migrator::verify_unmodified`]).
    async fn checked_rows(&self) -> Result<Vec<AppliedRevision>, RuntimeError> {
        let rows = self.applied().await?;
        for row in &rows {
            if !self.knows(&row.revision) {
                return Err(RuntimeError::UnknownApplied(row.revision.clone()));
            }
            match row.state {
                RevisionState::Applied => {}
                RevisionState::Failed => {
                    return Err(RuntimeError::PreviouslyFailed {
                        revision: row.revision.clone(),
                        statement: row.failed_statement,
                    });
                }
                RevisionState::Running => {
                    return Err(RuntimeError::Interrupted {
                        revision: row.revision.clone(),
                    });
                }
            }
        }
        Ok(rows)
    }

    /// Refuses applied revisions in `touched` whose SQL changed since they were applied.
    /// Only what the run touches is verified (see docs/RELIABILITY.md, "Edited revisions"):
    /// computing a checksum plans the revision's SQL, and doing that for every applied
    /// revision made a no-op `upgrade` grow with the history.
    async fn verify_unmodified(
        &self,
        rows: &[AppliedRevision],
        touched: &BTreeSet<&str>,
        options: &RunOptions,
    ) -> Result<(), RuntimeError> {
        if options.allow_modified {
            return Ok(());
        }
        for row in rows
            .iter()
            .filter(|r| touched.contains(r.revision.as_str()))
        {
            let current = self.checksum_of(&row.revision).await?;
            if current != row.checksum {
                self.show_modified(&row.revision).await?;
                return Err(RuntimeError::Modified {
                    revision: row.revision.clone(),
                    applied: row.checksum.clone(),
                    current,
                });
            }
        }
        Ok(())
    }

    /// Prints on stderr what changed in an edited applied revision: the recorded SQL against
    /// the file's SQL now (the refusal itself stays one line).
    async fn show_modified(&self, id: &str) -> Result<(), RuntimeError> {
        let revision = self
            .migrations
            .get(id)
            .ok_or_else(|| RuntimeError::UnknownApplied(id.to_string()))?;
        let now = capture_sql(self.backend(), revision.migration.as_ref(), Side::Up, id).await?;
        let text = match applied_sql::recorded(&self.conn, id).await {
            Some(old) => applied_sql::modified_diff(id, &old, &now),
            None => format!(
                "revision {id}: no SQL recorded when it was applied (stamp, an offline script or an older version); the file now runs:\n{}",
                applied_sql::joined(&now)
            ),
        };
        let _ = write!(std::io::stderr(), "{text}");
        Ok(())
    }

    /// Whether a version row names a revision of this project (a replaced one included).
    fn knows(&self, id: &str) -> bool {
        self.migrations.get(id).is_some() || self.migrations.graph().knows(id)
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

    fn announce(&self, index: usize, total: usize, verb: &str, id: &str, say: bool) {
        // Numbers the statement events of `--log-format json` within this revision.
        self.recorder.set_revision(id);
        let message = self
            .migrations
            .get(id)
            .map(|r| r.meta.message)
            .unwrap_or("");
        if !say {
            tracing::debug!("running {verb} {id}: {message}");
        } else if std::io::stderr().is_terminal() {
            // A closed stderr must not stop a migrator half-way.
            let _ = writeln!(
                std::io::stderr(),
                "[{}/{total}] {verb} {id}: {message}",
                index + 1
            );
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

    /// Refuses `--single-transaction` where DDL is not transactional, before anything runs.
    fn single_transaction_possible(&self, options: &RunOptions) -> Result<(), RuntimeError> {
        let backend = Backend::of(self.backend());
        if options.single_transaction && backend == Backend::MySql {
            return Err(RuntimeError::SingleTransactionUnsupported {
                backend: backend.name().to_string(),
            });
        }
        Ok(())
    }

    /// Runs `plan` in order: one transaction per revision, or with `single_transaction` one
    /// for each stretch of revisions that can run in a transaction (all of them, unless one
    /// is not `transactional`, which then runs on its own between two stretches).
    async fn run_plan(
        &self,
        plan: &[&'static str],
        side: Side,
        options: &RunOptions,
    ) -> Result<(), RuntimeError> {
        let backend = Backend::of(self.backend());
        let verb = match side {
            Side::Up => "upgrade",
            Side::Down => "downgrade",
        };
        let mut start = 0;
        while start < plan.len() {
            let joins = |id: &str| {
                options.single_transaction
                    && self
                        .migrations
                        .get(id)
                        .is_some_and(|r| in_transaction(backend, r.meta.transactional))
            };
            let mut end = start + 1;
            if joins(plan[start]) {
                while end < plan.len() && joins(plan[end]) {
                    end += 1;
                }
            }
            let announce = |i: usize| {
                let at = start + i;
                self.announce(at, plan.len(), verb, plan[at], options.announce)
            };
            self.run_batch(&plan[start..end], side, &announce).await?;
            start = end;
        }
        Ok(())
    }

    /// Runs one side of `ids` inside their frames (see [`super::frame`]): one revision with its
    /// own wrapping, or several in one transaction.
    async fn run_batch(
        &self,
        ids: &[&'static str],
        side: Side,
        starting: &(dyn Fn(usize) + Send + Sync),
    ) -> Result<(), RuntimeError> {
        let backend = Backend::of(self.backend());
        // One capture of each side serves the checksum (on upgrades) and, on MySQL, placing a
        // failure among the revision's statements.
        let mut captured = Vec::with_capacity(ids.len());
        for id in ids {
            let revision = self.migrations.get(id).expect("planned revision exists");
            let planned =
                capture_sql(self.backend(), revision.migration.as_ref(), side, id).await?;
            let sum = match side {
                Side::Up => checksum(&planned),
                Side::Down => self.checksum_of(id).await?,
            };
            let applied = (side == Side::Up).then(|| applied_sql::stored(&planned));
            captured.push((*id, revision, planned, sum, applied));
        }
        if backend == Backend::Postgres {
            let (_, version) = self.session.engine();
            for (id, revision, planned, _, _) in &captured {
                let transactional = revision.meta.transactional || ids.len() > 1;
                if let Some(statement) =
                    super::enum_add_value::refused(&version, planned).filter(|_| transactional)
                {
                    return Err(RuntimeError::AddValueInTransaction {
                        revision: id.to_string(),
                        major: super::enum_add_value::postgres_major(&version).unwrap_or(0),
                        statement: statement.to_string(),
                    });
                }
            }
        }
        let records: Vec<Record> = captured
            .iter()
            .map(|(id, _, _, sum, applied)| Record {
                id,
                side,
                checksum: sum,
                applied_sql: applied.as_deref(),
            })
            .collect();
        let steps: Vec<Step> = captured
            .iter()
            .map(|(id, revision, planned, _, _)| Step {
                id,
                migration: revision.migration.as_ref(),
                planned,
            })
            .collect();
        let (first, revision) = (ids[0], captured[0].1);
        let wrapping = if ids.len() == 1 {
            frames(
                backend,
                records.first().copied(),
                revision.meta.transactional,
            )
        } else {
            frames_in_one_transaction(backend, &records)
        };
        let outcome = Apply {
            session: &self.session,
            backend,
            steps: &steps,
            side,
            starting,
        }
        .run(&wrapping)
        .await;
        match outcome {
            Err(e) if backend == Backend::Postgres && !revision.meta.transactional => {
                // Run on its own (never in a batch). The state to record when nothing of this
                // side ran.
                let before = match side {
                    Side::Up => revision.meta.down_revisions.first().unwrap_or(&"base"),
                    Side::Down => &first,
                };
                Err(invalid_index::explain(&self.conn, e, &captured[0].2, before).await)
            }
            other => other,
        }
    }
}

/// The ids of applied (not failed) rows.
pub fn applied_set(rows: &[AppliedRevision]) -> BTreeSet<String> {
    rows.iter()
        .filter(|r| r.state == RevisionState::Applied)
        .map(|r| r.revision.clone())
        .collect()
}
