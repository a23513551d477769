//! Errors raised while running migrations; each names the revision or object involved.

use super::db_error::DbError;
use super::progress::Progress;
use crate::revision::GraphError;

/// A runtime failure.
#[derive(Debug, thiserror::Error)]
pub enum RuntimeError {
    /// The revision graph is invalid or a target could not be resolved.
    #[error(transparent)]
    Graph(#[from] GraphError),
    /// The server could not be reached.
    #[error("cannot connect to {url}: {reason}")]
    Connect { url: String, reason: String },
    /// `--schema` (or a schema tenant) names a schema the database does not have.
    #[error(
        "schema \"{schema}\" does not exist in {target} (create it first: CREATE SCHEMA; nothing was run)"
    )]
    NoSuchSchema { target: String, schema: String },
    /// `--schema` on a backend without schemas.
    #[error(
        "--schema is for PostgreSQL; {target} is {backend}, where a schema is a database: name it in the URL (or use --tenant-kind database)"
    )]
    SchemaNotSupported { target: String, backend: String },
    /// Connecting took too long.
    #[error("cannot connect to {url}: timed out after {seconds}s")]
    ConnectTimeout { url: String, seconds: u64 },
    /// Another migrator holds the lock.
    #[error(
        "another migrator holds the migration lock on {target}; gave up after {seconds}s (see --lock-timeout)"
    )]
    LockTimeout { target: String, seconds: u64 },
    /// A revision failed and was rolled back.
    #[error("revision {revision} failed and was rolled back")]
    RolledBack {
        revision: String,
        #[source]
        source: DbError,
    },
    /// `--single-transaction`: a revision failed, and the one transaction of the run was rolled
    /// back, with the revisions that ran before it in that transaction.
    #[error(
        "revision {revision} failed and was rolled back, and with it the {} revision(s) before it in the same transaction (--single-transaction){}",
        undone.len(),
        if undone.is_empty() { String::new() } else { format!(": {}", undone.join(", ")) }
    )]
    RunRolledBack {
        revision: String,
        undone: Vec<String>,
        #[source]
        source: DbError,
    },
    /// `--single-transaction` on a backend whose DDL commits itself.
    #[error(
        "--single-transaction needs transactional DDL (PostgreSQL, SQLite); {backend} commits each DDL statement, so it runs each revision on its own"
    )]
    SingleTransactionUnsupported { backend: String },
    /// `ALTER TYPE .. ADD VALUE` inside a transaction on PostgreSQL before 12.
    #[error(
        "revision {revision}: PostgreSQL {major} cannot run `{statement}` inside a transaction (PostgreSQL 12 can); mark the revision `transactional: false` and run it on its own, or upgrade the server"
    )]
    AddValueInTransaction {
        /// The revision.
        revision: String,
        /// The server's major version.
        major: u32,
        /// The refused statement.
        statement: String,
    },
    /// An upgrade of a database that has tables but no version table found them in its way.
    #[error(
        "the database already has tables but no {} table; if its schema matches a revision, record that with `stamp <revision>` instead of upgrading",
        super::VERSION_TABLE
    )]
    Unversioned {
        #[source]
        source: Box<RuntimeError>,
    },
    /// A revision failed part-way on a backend without transactional DDL.
    #[error("revision {revision} failed {progress}")]
    PartiallyApplied {
        revision: String,
        progress: Progress,
        #[source]
        source: DbError,
    },
    /// PostgreSQL: a revision run outside a transaction failed while building an index
    /// `CONCURRENTLY`, which left the index behind, invalid.
    #[error(transparent)]
    InvalidIndex(Box<super::invalid_index::InvalidIndexLeft>),
    /// An earlier run left a revision half-applied.
    #[error(
        "revision {revision} previously failed{}; repair the schema by hand, then run `stamp` to record the state you reached",
        statement.map(|n| format!(" at statement {n}")).unwrap_or_else(|| " (at a statement that could not be counted)".into())
    )]
    PreviouslyFailed {
        revision: String,
        statement: Option<i64>,
    },
    /// An earlier run died in the middle of a revision (MySQL: its DDL may be half-applied).
    #[error(
        "revision {revision} was interrupted: an earlier migrator started it and never finished (killed?); check which of its statements were applied, repair the schema by hand, then run `stamp` to record the state you reached"
    )]
    Interrupted { revision: String },
    /// An applied revision's SQL no longer matches what was applied.
    #[error(
        "revision {revision} was modified after it was applied (checksum {applied} != {current}); revert the file, or pass --allow-modified"
    )]
    Modified {
        revision: String,
        applied: String,
        current: String,
    },
    /// The database records a revision that no file defines.
    #[error("the database records revision {0}, which no migration file defines")]
    UnknownApplied(String),
    /// A revision's code failed on the recording connection (no `down`, or an error).
    #[error("revision {revision} cannot be captured for offline SQL")]
    Capture {
        revision: String,
        #[source]
        source: DbError,
    },
    /// Any other database error, with what we were doing.
    #[error("{context}")]
    Db {
        context: String,
        #[source]
        source: DbError,
    },
    /// A lock file could not be opened.
    #[error("cannot open lock file {path}: {reason}")]
    LockFile { path: String, reason: String },
    /// The migration lock is held by a session we can name (often the leftover of a killed
    /// migrator whose last statement still runs on the server).
    #[error(
        "the migration lock on {target} is held by {holder}; gave up after {seconds}s (see --lock-timeout). If that is a migrator that was killed, its statement is still running on the server: wait for it to end, or end that session ({ending})"
    )]
    LockHeld {
        target: String,
        seconds: u64,
        holder: String,
        ending: String,
    },
    /// A statement waited longer than `--lock-timeout` for a table (or, on SQLite, database)
    /// lock that another session holds.
    #[error(
        "gave up after {seconds}s waiting for a table lock that another session holds (see --lock-timeout)"
    )]
    TableLockTimeout {
        seconds: u64,
        #[source]
        source: Box<RuntimeError>,
    },
    /// A statement ran longer than `--statement-timeout` and the server (or, on SQLite, the
    /// client) cancelled it.
    #[error("a statement ran longer than --statement-timeout ({seconds}s) and was cancelled")]
    StatementTimeout {
        seconds: f64,
        #[source]
        source: Box<RuntimeError>,
    },
    /// No statement completed within `--statement-timeout` plus a grace period: the connection
    /// is frozen (the server could not even send its own timeout error back).
    #[error(
        "the connection to {target} stalled: no answer for {seconds}s (--statement-timeout {statement_seconds}s plus {grace_seconds}s grace); gave up. The revision in progress was abandoned: PostgreSQL and SQLite roll it back when the session ends; on MySQL its row stays `running` (see `current`)"
    )]
    Stalled {
        target: String,
        seconds: u64,
        statement_seconds: f64,
        grace_seconds: u64,
    },
    /// The one session that holds the migration lock was lost (and with it the lock).
    #[error(
        "the database session to {target} was lost in the middle of the run, and with it the migration lock (nothing was retried on a new session); check `current`, then run again"
    )]
    SessionLost {
        target: String,
        #[source]
        source: Box<RuntimeError>,
    },
    /// The server is a PostgreSQL-compatible engine that migrations cannot run on safely.
    #[error(
        "{target} is {engine} ({version}): {reason}; upgrade, downgrade and stamp refuse to run on it (read-only commands work)"
    )]
    UnsupportedEngine {
        target: String,
        engine: String,
        version: String,
        reason: String,
    },
}

impl RuntimeError {
    /// Whether a revision failed because an object it creates already exists.
    pub fn is_already_exists(&self) -> bool {
        match self {
            RuntimeError::RolledBack { source, .. }
            | RuntimeError::RunRolledBack { source, .. }
            | RuntimeError::PartiallyApplied { source, .. } => {
                source.message().contains("already exists")
            }
            RuntimeError::InvalidIndex(left) => left.source.message().contains("already exists"),
            _ => false,
        }
    }

    /// Wraps a database error with the action that failed.
    pub fn db(context: impl Into<String>, err: impl Into<DbError>) -> Self {
        RuntimeError::Db {
            context: context.into(),
            source: err.into(),
        }
    }
}

/// Collapses a multi-line driver message into one line.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
