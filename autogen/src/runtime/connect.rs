//! Connecting with a bounded wait and without leaking the password.

use std::sync::Arc;
use std::time::{Duration, Instant};

use sea_orm::{Database, DatabaseConnection};
use sqlx::Connection;

use super::error::{RuntimeError, one_line};
use super::recorder::Recorder;
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
    /// Upper bound on waiting for a lock another session holds (`--lock-timeout`).
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

/// Opens a connection and attaches a statement recorder to it.
pub async fn connect(
    url: &DatabaseUrl,
    options: &ConnectOptions,
) -> Result<(DatabaseConnection, Arc<Recorder>), RuntimeError> {
    let shown = url.redacted().to_string();
    probe(url, options.timeout).await?;
    let mut opts = sea_orm::ConnectOptions::new(url.secret().to_string());
    opts.connect_timeout(options.timeout)
        .acquire_timeout(options.timeout)
        .sqlx_logging(false);
    if url.backend() == Backend::Sqlite {
        // One connection, so PRAGMAs and transactions share a session.
        opts.max_connections(1).min_connections(1);
    } else {
        opts.max_connections(2);
    }
    let attempt = tokio::time::timeout(options.timeout, Database::connect(opts)).await;
    let mut conn = match attempt {
        Err(_) => {
            return Err(RuntimeError::ConnectTimeout {
                url: shown,
                seconds: options.timeout.as_secs(),
            });
        }
        Ok(Err(e)) => {
            let reason = url.scrub(&one_line(&e.to_string()));
            return Err(RuntimeError::Connect { url: shown, reason });
        }
        Ok(Ok(conn)) => conn,
    };
    let recorder = Arc::new(Recorder::new(options.echo_sql));
    let sink = recorder.clone();
    conn.set_metric_callback(move |info| sink.record(info.statement, info.failed));
    Ok((conn, recorder))
}

/// Opens (and closes) one plain connection before the pool is built. The pool retries a refused
/// connection until its deadline and then reports only "pool timed out", which hides the cause;
/// the probe retries refusals too (a server that is still starting), but reports the refusal,
/// and fails at once on any other error.
async fn probe(url: &DatabaseUrl, timeout: Duration) -> Result<(), RuntimeError> {
    let shown = url.redacted();
    let deadline = Instant::now() + timeout;
    let mut backoff = Duration::from_millis(50);
    loop {
        let remaining = deadline.saturating_duration_since(Instant::now());
        let err = match tokio::time::timeout(remaining, connect_once(url)).await {
            Err(_) => {
                return Err(RuntimeError::ConnectTimeout {
                    url: shown.to_string(),
                    seconds: timeout.as_secs(),
                });
            }
            Ok(Ok(())) => return Ok(()),
            Ok(Err(e)) => e,
        };
        let refused =
            matches!(&err, sqlx::Error::Io(e) if e.kind() == std::io::ErrorKind::ConnectionRefused);
        let reason = url.scrub(&one_line(&err.to_string()));
        if !refused {
            return Err(RuntimeError::Connect {
                url: shown.to_string(),
                reason,
            });
        }
        if Instant::now() + backoff >= deadline {
            return Err(RuntimeError::Connect {
                url: shown.to_string(),
                reason: format!("{reason}; still refused after {}s", timeout.as_secs()),
            });
        }
        tokio::time::sleep(backoff).await;
        backoff = (backoff * 2).min(Duration::from_secs(1));
    }
}

/// One connection attempt to a server; nothing to do for SQLite, which has no server.
async fn connect_once(url: &DatabaseUrl) -> Result<(), sqlx::Error> {
    match url.backend() {
        Backend::Postgres => {
            sqlx::PgConnection::connect(url.secret())
                .await?
                .close()
                .await
        }
        Backend::MySql => {
            sqlx::MySqlConnection::connect(url.secret())
                .await?
                .close()
                .await
        }
        Backend::Sqlite => Ok(()),
    }
}
