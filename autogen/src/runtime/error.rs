//! Errors raised while running migrations; each names the revision or object involved.

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
    /// Connecting took too long.
    #[error("cannot connect to {url}: timed out after {seconds}s")]
    ConnectTimeout { url: String, seconds: u64 },
    /// Another migrator holds the lock.
    #[error(
        "another migrator holds the migration lock on {target}; gave up after {seconds}s (see --lock-timeout)"
    )]
    LockTimeout { target: String, seconds: u64 },
    /// A revision failed and was rolled back.
    #[error("revision {revision} failed and was rolled back: {reason}")]
    RolledBack { revision: String, reason: String },
    /// A revision failed part-way on a backend without transactional DDL.
    #[error(
        "revision {revision} failed at statement {statement} of {total} ({done} statements were applied and not rolled back): {reason}"
    )]
    PartiallyApplied {
        revision: String,
        statement: usize,
        total: usize,
        done: usize,
        reason: String,
    },
    /// An earlier run left a revision half-applied.
    #[error(
        "revision {revision} previously failed at statement {statement}; repair the schema by hand, then run `stamp` to record the state you reached"
    )]
    PreviouslyFailed { revision: String, statement: i64 },
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
    /// A revision has no `down`.
    #[error("revision {revision} cannot be captured for offline SQL: {reason}")]
    Capture { revision: String, reason: String },
    /// Any other database error, with what we were doing.
    #[error("{context}: {reason}")]
    Db { context: String, reason: String },
    /// A lock file could not be opened.
    #[error("cannot open lock file {path}: {reason}")]
    LockFile { path: String, reason: String },
}

impl RuntimeError {
    /// Wraps a database error with the action that failed.
    pub fn db(context: impl Into<String>, err: impl std::fmt::Display) -> Self {
        RuntimeError::Db {
            context: context.into(),
            reason: one_line(&err.to_string()),
        }
    }
}

/// Collapses a multi-line driver message into one line.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
