//! Connecting with a bounded wait and without leaking the password.

use std::sync::Arc;
use std::time::{Duration, Instant};

use sea_orm::DatabaseConnection;
#[allow(unused_imports)]
use sqlx::Connection;

use super::clock::{capped, deadline};
use super::db_error::DbError;
use super::error::RuntimeError;
use super::recorder::Recorder;
use super::session::Session;
use crate::backend::Backend;
use crate::config::DatabaseUrl;

/// How to connect.
#[derive(Debug, Clone)]
pub struct ConnectOptions {
    /// Upper bound on the connection attempt.
    pub timeout: Duration,
    /// Echo every executed statement to stderr.
    pub echo_sql: bool,
    /// Upper bound on one statement (`--statement-timeout`); `None` waits as long as it takes.
    pub statement_timeout: Option<Duration>,
    /// Upper bound on waiting for a lock another session holds (`--lock-timeout`): the
    /// migration lock, and table locks (PostgreSQL `lock_timeout`, MySQL `lock_wait_timeout`,
    /// SQLite `busy_timeout`). Zero tries once.
    pub lock_timeout: Duration,
}

impl Default for ConnectOptions {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(10),
            echo_sql: false,
            statement_timeout: None,
            lock_timeout: Duration::from_secs(60),
        }
    }
}

/// Opens a session (see [`Session`]) and returns its connection and statement recorder.
pub async fn connect(
    url: &DatabaseUrl,
    options: &ConnectOptions,
) -> Result<(DatabaseConnection, Arc<Recorder>), RuntimeError> {
    let session = Session::open(url, options).await?;
    Ok((session.connection().clone(), session.recorder()))
}

/// Opens (and closes) one plain connection before the pool is built. The pool retries a refused
/// connection until its deadline and then reports only "pool timed out", which hides the cause;
/// the probe retries a server that is not up yet too (connection refused, or PostgreSQL's
/// 57P03 "the database system is starting up"), but reports why, and fails at once on any
/// other error.
pub(crate) async fn probe(url: &DatabaseUrl, timeout: Duration) -> Result<(), RuntimeError> {
    let shown = url.redacted();
    let deadline = deadline(timeout);
    let mut backoff = Duration::from_millis(50);
    loop {
        let remaining = deadline.saturating_duration_since(Instant::now());
        let err = match tokio::time::timeout(capped(remaining), connect_once(url)).await {
            Err(_) => {
                return Err(RuntimeError::ConnectTimeout {
                    url: shown.to_string(),
                    seconds: timeout.as_secs(),
                });
            }
            Ok(Ok(())) => return Ok(()),
            Ok(Err(e)) => e,
        };
        let reason = url.scrub(DbError::from(&err).message());
        if !not_up_yet(&err) {
            return Err(RuntimeError::Connect {
                url: shown.to_string(),
                reason,
            });
        }
        if Instant::now()
            .checked_add(backoff)
            .is_none_or(|t| t >= deadline)
        {
            return Err(RuntimeError::Connect {
                url: shown.to_string(),
                reason: format!(
                    "{reason} (retried for up to {}s, see --connect-timeout)",
                    timeout.as_secs()
                ),
            });
        }
        tokio::time::sleep(backoff).await;
        backoff = (backoff * 2).min(Duration::from_secs(1));
    }
}

/// A server that is not accepting connections yet: refused, or PostgreSQL's SQLSTATE 57P03
/// `cannot_connect_now` ("the database system is starting up").
fn not_up_yet(err: &sqlx::Error) -> bool {
    match err {
        sqlx::Error::Io(e) => e.kind() == std::io::ErrorKind::ConnectionRefused,
        sqlx::Error::Database(e) => e.code().as_deref() == Some("57P03"),
        _ => false,
    }
}

/// One connection attempt to a server; nothing to do for SQLite, which has no server.
async fn connect_once(url: &DatabaseUrl) -> Result<(), sqlx::Error> {
    match url.backend() {
        #[cfg(feature = "postgres")]
        Backend::Postgres => {
            sqlx::PgConnection::connect(url.secret())
                .await?
                .close()
                .await
        }
        #[cfg(feature = "mysql")]
        Backend::MySql => {
            sqlx::MySqlConnection::connect(url.secret())
                .await?
                .close()
                .await
        }
        // SQLite, or a driver not built (refused before the probe).
        _ => Ok(()),
    }
}
