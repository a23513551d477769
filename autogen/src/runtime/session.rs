//! A migrator's one database session: the connection, the migration lock held on it, the
//! server-side bounds set on it, and the client-side watchdog around the work.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use sea_orm::DatabaseConnection;

use super::ConnectOptions;
use super::connect::diagnose;
use super::db_error::DbError;
use super::engine::Engine;
use super::error::{RuntimeError, one_line};
use super::lock::MigrationLock;
use super::pool::{self, Pool, Shared};
use super::recorder::Recorder;
use super::settings::{GRACE, stall_bound, statement_timeout};
use super::waits::classify;
use super::watchdog::{Progress, guard};
use crate::config::DatabaseUrl;

/// One open session to a database.
pub struct Session {
    url: DatabaseUrl,
    options: ConnectOptions,
    pool: Pool,
    conn: DatabaseConnection,
    recorder: Arc<Recorder>,
    progress: Arc<Progress>,
    shared: Arc<Shared>,
    stalled: AtomicBool,
}

impl Session {
    /// Connects (bounded by `options.timeout`) and applies the session settings.
    pub async fn open(url: &DatabaseUrl, options: &ConnectOptions) -> Result<Self, RuntimeError> {
        let shown = url.redacted().to_string();
        super::drivers::require(url)?;
        if options.schema.is_some() && url.backend() != crate::backend::Backend::Postgres {
            return Err(RuntimeError::SchemaNotSupported {
                target: shown,
                backend: url.backend().name().to_string(),
            });
        }
        let progress = Progress::new();
        let shared = Arc::new(Shared::default());
        // The pool's own connection is the only one opened: it retries a server that is not
        // up yet until the deadline and fails at once on any other error. Only when it timed
        // out does `diagnose` make one more attempt, to say why.
        let opening = pool::open(url, options, &progress, &shared);
        let pool = match tokio::time::timeout(super::clock::capped(options.timeout), opening).await
        {
            Err(_) | Ok(Err(sqlx::Error::PoolTimedOut)) => {
                return Err(diagnose(url, options.timeout).await);
            }
            Ok(Err(e)) => {
                let reason = url.scrub(DbError::from(&e).message());
                return Err(RuntimeError::Connect { url: shown, reason });
            }
            Ok(Ok(pool)) => pool,
        };
        pool.seal();
        if let Some(schema) = &options.schema {
            // `search_path` names a schema that does not exist: `current_schema()` is NULL,
            // and nothing may run (a CREATE would have nowhere to go).
            if shared.namespace().as_deref() != Some(schema.as_str()) {
                return Err(RuntimeError::NoSuchSchema {
                    target: shown,
                    schema: schema.to_string(),
                });
            }
        }
        let mut conn = pool.sea_orm();
        let recorder = Arc::new(Recorder::new(options.echo_sql));
        let (sink, clock) = (recorder.clone(), progress.clone());
        conn.set_metric_callback(move |info| {
            clock.touch();
            sink.record_timed(info.statement, info.failed, info.elapsed);
        });
        Ok(Session {
            url: url.clone(),
            options: options.clone(),
            pool,
            conn,
            recorder,
            progress,
            shared,
            stalled: AtomicBool::new(false),
        })
    }

    /// The session as a sea-orm connection (one connection: never used concurrently).
    pub fn connection(&self) -> &DatabaseConnection {
        &self.conn
    }

    /// Everything executed through [`Session::connection`] so far.
    pub fn recorder(&self) -> Arc<Recorder> {
        self.recorder.clone()
    }

    /// Database calls made on this session so far, whatever API made them (see `pool.rs`).
    pub(crate) fn calls(&self) -> u64 {
        self.shared.calls()
    }

    /// The server engine and its version string.
    pub fn engine(&self) -> (Engine, String) {
        self.shared.engine()
    }

    /// The session's schema (PostgreSQL `current_schema()`) or database (MySQL `DATABASE()`),
    /// as the server reported it on connect; `None` on SQLite.
    pub fn namespace(&self) -> Option<String> {
        self.shared.namespace()
    }

    /// Takes the migration lock on this session, waiting up to `timeout` (zero: tries once).
    pub async fn lock(&self, timeout: Duration) -> Result<MigrationLock, RuntimeError> {
        self.usable()?;
        let bound = stall_bound(&self.options);
        let namespace = self.namespace().unwrap_or_default();
        let acquiring =
            MigrationLock::acquire(&self.pool, &self.url, &namespace, timeout, &self.progress);
        match guard(&self.progress, bound, acquiring).await {
            Ok(result) => result,
            Err(idle) => Err(self.stalled(idle)),
        }
    }

    /// Runs `work` under the migration lock: refuses engines migrations cannot run on, waits
    /// at most `lock_timeout` for the lock, gives up on a frozen connection, and names what a
    /// failed statement waited for.
    pub async fn exclusive<T>(
        &self,
        lock_timeout: Duration,
        work: impl Future<Output = Result<T, RuntimeError>>,
    ) -> Result<T, RuntimeError> {
        let (engine, version) = self.engine();
        if let Some(reason) = engine.migration_blocker() {
            return Err(RuntimeError::UnsupportedEngine {
                target: self.url.redacted().to_string(),
                engine: engine.name().to_string(),
                version: one_line(&version),
                reason: reason.to_string(),
            });
        }
        let lock = self.lock(lock_timeout).await?;
        let result = self.checked(work).await;
        // A stalled session cannot even release; its lock ends with it (the server rolls
        // back, or keeps MySQL's `running` row).
        if !matches!(result, Err(RuntimeError::Stalled { .. })) {
            let bound = stall_bound(&self.options);
            if guard(&self.progress, bound, lock.release()).await.is_err() {
                self.stalled.store(true, Ordering::Relaxed);
            }
        }
        result
    }

    /// Runs `work` on this session (with or without the lock): gives up on a frozen
    /// connection, and names what a failed statement waited for.
    pub async fn checked<T>(
        &self,
        work: impl Future<Output = Result<T, RuntimeError>>,
    ) -> Result<T, RuntimeError> {
        self.usable()?;
        match guard(&self.progress, stall_bound(&self.options), work).await {
            Err(idle) => Err(self.stalled(idle)),
            Ok(Ok(value)) => Ok(value),
            Ok(Err(e)) => Err(self.explain(e).await),
        }
    }

    /// Refuses to go on over a session that stalled.
    fn usable(&self) -> Result<(), RuntimeError> {
        if self.stalled.load(Ordering::Relaxed) {
            return Err(self.stalled(stall_bound(&self.options).unwrap_or_default()));
        }
        Ok(())
    }

    fn stalled(&self, idle: Duration) -> RuntimeError {
        self.stalled.store(true, Ordering::Relaxed);
        RuntimeError::Stalled {
            target: self.url.redacted().to_string(),
            seconds: idle.as_secs(),
            statement_seconds: statement_timeout(&self.options)
                .unwrap_or_default()
                .as_secs_f64(),
            grace_seconds: GRACE.as_secs(),
        }
    }

    /// A failed run, named: the session was lost, a lock wait or the statement timeout ran
    /// out, or as it was.
    async fn explain(&self, err: RuntimeError) -> RuntimeError {
        if self.pool.is_gone().await {
            return RuntimeError::SessionLost {
                target: self.url.redacted().to_string(),
                source: Box::new(err),
            };
        }
        let table_locks = self.options.lock_timeout;
        classify(err, table_locks, statement_timeout(&self.options))
    }
}
