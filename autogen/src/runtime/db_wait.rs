//! `--wait-for-db`: retry connecting while the server is not up yet (a Job started before the
//! database pod is ready, a docker-compose start, a server still in recovery), one progress
//! line per attempt, bounded. Only "not up yet" failures are retried: a rejected password or
//! an unknown database fails at once, not after the whole wait.

use std::time::{Duration, Instant};

use super::connect::{ConnectOptions, connect};
use super::error::RuntimeError;
use crate::config::DatabaseUrl;

/// Why waiting for the database ended without a connection.
#[derive(Debug, thiserror::Error)]
pub enum WaitError {
    /// The server was still not up when the wait ran out.
    #[error("database {url} still not reachable after waiting {seconds}s ({attempts} attempts)")]
    GaveUp {
        /// The redacted URL.
        url: String,
        /// The wait.
        seconds: u64,
        /// How many attempts were made.
        attempts: u32,
        /// The last attempt's failure (boxed: keeps `crate::Error` small).
        #[source]
        last: Box<RuntimeError>,
    },
    /// The server answered and refused (authentication, unknown database): not retried.
    #[error(transparent)]
    Refused(RuntimeError),
}

/// Whether a failed attempt may succeed later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    /// Nothing listens yet (connection refused, reset, closed).
    Refused,
    /// The server is starting, in recovery, or shutting down.
    StartingUp,
    /// The host name does not resolve yet (a service whose DNS entry is not there yet).
    Dns,
    /// No answer within the connect timeout.
    Timeout,
    /// Anything else (a wrong password, an unknown database): final.
    Final,
}

impl Attempt {
    /// Classifies a connect failure to `url` from its text, causes included, the URL left
    /// out (a host named `auth-db` says nothing). Authentication is checked first: a message
    /// naming both is never retried.
    pub fn of(err: &RuntimeError, url: &DatabaseUrl) -> Attempt {
        let mut text = err.to_string().replace(url.redacted(), "");
        let mut cause = std::error::Error::source(err);
        while let Some(e) = cause {
            text.push_str(": ");
            text.push_str(&e.to_string());
            cause = e.source();
        }
        let text = text.to_ascii_lowercase();
        let has = |needles: &[&str]| needles.iter().any(|n| text.contains(n));
        if has(&[
            "password",
            "authentication",
            "access denied",
            "pg_hba.conf",
            "permission denied",
            "does not exist",
            "unknown database",
        ]) {
            Attempt::Final
        } else if has(&[
            "starting up",
            "in recovery",
            "not yet accepting connections",
            "shutting down",
            "too many connections",
            "57p03",
        ]) {
            Attempt::StartingUp
        } else if has(&[
            "failed to lookup address",
            "name or service not known",
            "temporary failure in name resolution",
            "no such host",
            "nodename nor servname",
            "no address associated",
        ]) {
            Attempt::Dns
        } else if has(&[
            "connection refused",
            "connection reset",
            "broken pipe",
            "unexpected eof",
            "unexpected end of file",
            "connection closed",
            "early eof",
        ]) {
            Attempt::Refused
        } else if matches!(err, RuntimeError::ConnectTimeout { .. }) || has(&["timed out"]) {
            Attempt::Timeout
        } else {
            Attempt::Final
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Attempt::Refused => "not accepting connections yet",
            Attempt::StartingUp => "starting up",
            Attempt::Dns => "host name not resolvable yet",
            Attempt::Timeout => "no answer",
            Attempt::Final => "refused",
        }
    }
}

/// Connects (and disconnects) until the server accepts, for at most `wait`. Each attempt is
/// bounded by `options.timeout` (never past the deadline) and logs one line.
pub async fn wait_for_db(
    url: &DatabaseUrl,
    options: &ConnectOptions,
    wait: Duration,
) -> Result<(), WaitError> {
    let started = Instant::now();
    let deadline = started + wait;
    let mut attempts = 0u32;
    let mut pause = Duration::from_millis(250);
    loop {
        attempts += 1;
        let left = deadline.saturating_duration_since(Instant::now());
        let mut attempt = options.clone();
        // At least a second: a zero timeout would fail without trying.
        attempt.timeout = options.timeout.min(left).max(Duration::from_secs(1));
        let err = match connect(url, &attempt).await {
            Ok((conn, _)) => {
                let _ = conn.close().await;
                tracing::info!(
                    "database {url} is up (attempt {attempts}, after {}s)",
                    started.elapsed().as_secs()
                );
                return Ok(());
            }
            Err(e) => e,
        };
        let class = Attempt::of(&err, url);
        if class == Attempt::Final {
            return Err(WaitError::Refused(err));
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(WaitError::GaveUp {
                url: url.redacted().to_string(),
                seconds: wait.as_secs(),
                attempts,
                last: Box::new(err),
            });
        }
        tracing::info!(
            "waiting for database {url}: attempt {attempts}: {} ({}s left)",
            class.describe(),
            left.as_secs()
        );
        tokio::time::sleep(pause.min(left)).await;
        pause = (pause * 2).min(Duration::from_secs(2));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::UrlSource;

    #[test]
    fn failures_are_classified_without_the_url() {
        let url = DatabaseUrl::parse("postgres://u:pw@auth-password-db/app", UrlSource::Flag)
            .expect("url");
        let connect = |reason: &str| RuntimeError::Connect {
            url: url.redacted().to_string(),
            reason: reason.to_string(),
        };
        for (reason, class) in [
            (
                "error communicating with database: Connection refused (os error 111)",
                Attempt::Refused,
            ),
            (
                "error returned from database: the database system is starting up",
                Attempt::StartingUp,
            ),
            (
                "error returned from database: the database system is in recovery mode",
                Attempt::StartingUp,
            ),
            (
                "failed to lookup address information: Name or service not known",
                Attempt::Dns,
            ),
            (
                "password authentication failed for user \"u\"",
                Attempt::Final,
            ),
            (
                "1045 (28000): Access denied for user 'root'",
                Attempt::Final,
            ),
            ("database \"x\" does not exist", Attempt::Final),
        ] {
            assert_eq!(Attempt::of(&connect(reason), &url), class, "{reason}");
        }
        let timeout = RuntimeError::ConnectTimeout {
            url: url.redacted().to_string(),
            seconds: 1,
        };
        assert_eq!(Attempt::of(&timeout, &url), Attempt::Timeout);
    }
}
