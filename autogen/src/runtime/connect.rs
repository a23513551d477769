//! Connecting with a bounded wait and without leaking the password.

use std::sync::Arc;
use std::time::Duration;

use sea_orm::DatabaseConnection;
#[allow(unused_imports)]
use sqlx::Connection;

use super::clock::capped;
use super::db_error::DbError;
use super::error::RuntimeError;
use super::recorder::Recorder;
use super::session::Session;
use crate::backend::{Backend, ObjectName};
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
    /// PostgreSQL: the schema the session works in (`--schema`, a schema tenant). The
    /// session's `search_path` is that schema alone, so `current_schema()` is it: the version
    /// table, the migration lock, introspection and the revisions' unqualified names all live
    /// there. `None` leaves the server's `search_path` as it is.
    pub schema: Option<ObjectName>,
}

impl Default for ConnectOptions {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(10),
            echo_sql: false,
            statement_timeout: None,
            lock_timeout: Duration::from_secs(60),
            schema: None,
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

/// Why the pool gave up within `timeout` (it reports only "pool timed out", which hides the
/// cause): one more plain connection attempt, bounded, names a refused connection or a server
/// still starting up (PostgreSQL's 57P03), which the pool retried until the deadline.
pub(crate) async fn diagnose(url: &DatabaseUrl, timeout: Duration) -> RuntimeError {
    let shown = url.redacted().to_string();
    let timed_out = RuntimeError::ConnectTimeout {
        url: shown.clone(),
        seconds: timeout.as_secs(),
    };
    let bound = capped(timeout.min(DIAGNOSE_BOUND));
    match tokio::time::timeout(bound, connect_once(url)).await {
        Ok(Err(err)) => {
            let reason = url.scrub(DbError::from(&err).message());
            let reason = if not_up_yet(&err) {
                format!(
                    "{reason} (retried for up to {}s, see --connect-timeout)",
                    timeout.as_secs()
                )
            } else {
                reason
            };
            RuntimeError::Connect { url: shown, reason }
        }
        // It answers now, or still does not answer at all: the pool's deadline is the news.
        Ok(Ok(())) | Err(_) => timed_out,
    }
}

/// Upper bound on the diagnosing attempt after the pool timed out.
const DIAGNOSE_BOUND: Duration = Duration::from_secs(2);

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
