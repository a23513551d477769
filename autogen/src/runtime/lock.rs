//! One migrator at a time per schema (PostgreSQL) or database: a PostgreSQL advisory lock
//! whose key is derived from the session's schema, or a MySQL named lock named after the
//! database, taken on the session's one connection — the connection that then does the work — or an OS file lock
//! next to a SQLite database. A killed migrator's lock lasts exactly as long as its last
//! statement: the server ends the session (and releases the lock) when that statement ends;
//! a waiting migrator that runs out of `--lock-timeout` first names that session.

use std::fs::File;
use std::time::{Duration, Instant};

use super::clock::deadline;
use super::error::{RuntimeError, one_line};
use super::pool::Pool;
use super::watchdog::Progress;
use crate::config::DatabaseUrl;

/// The advisory-lock key of the migrators of one schema: the first 8 bytes of
/// SHA-256(`autogen:<schema>`). Advisory locks are per database already
/// (<https://www.postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS>); the schema
/// in the key lets the tenants of one database (one schema each) migrate at the same time,
/// while two migrators of one schema still exclude each other.
pub(crate) fn pg_lock_key(schema: &str) -> i64 {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(format!("autogen:{schema}").as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    i64::from_be_bytes(first)
}

/// How often a waiting migrator tries again.
const POLL: Duration = Duration::from_millis(100);

/// A held migration lock; released with [`MigrationLock::release`], or when the session ends.
#[derive(Debug)]
pub struct MigrationLock {
    held: Held,
}

#[derive(Debug)]
enum Held {
    #[cfg(feature = "postgres")]
    Postgres(sqlx::PgPool, i64),
    #[cfg(feature = "mysql")]
    MySql(sqlx::MySqlPool, String),
    File(File),
    /// In-memory SQLite: nobody else can see the database.
    Nothing,
}

/// Tries once on the session; `Ok(None)` means another session holds the lock.
async fn try_once(pool: &Pool, name: &str, key: i64) -> Result<Option<Held>, sqlx::Error> {
    Ok(match *pool {
        #[cfg(feature = "postgres")]
        Pool::Postgres(ref p) => sqlx::query_scalar::<_, bool>("SELECT pg_try_advisory_lock($1)")
            .bind(key)
            .fetch_one(p)
            .await?
            .then(|| Held::Postgres(p.clone(), key)),
        // GET_LOCK with timeout 0 tries once; the wait is ours, so --lock-timeout 0 works too.
        #[cfg(feature = "mysql")]
        Pool::MySql(ref p) => (sqlx::query_scalar::<_, Option<i64>>("SELECT GET_LOCK(?, 0)")
            .bind(name)
            .fetch_one(p)
            .await?
            == Some(1))
        .then(|| Held::MySql(p.clone(), name.to_string())),
        // Not reached: `acquire` locks a file for SQLite.
        #[cfg(feature = "sqlite")]
        Pool::Sqlite(_) => Some(Held::Nothing),
    })
}

impl MigrationLock {
    /// Waits up to `timeout` for the lock (zero: tries once) of `namespace`, the session's
    /// schema (PostgreSQL) or database (MySQL). `progress` is touched after every attempt, so
    /// the stall watchdog only fires when an attempt itself hangs.
    pub(crate) async fn acquire(
        pool: &Pool,
        url: &DatabaseUrl,
        namespace: &str,
        timeout: Duration,
        progress: &Progress,
    ) -> Result<Self, RuntimeError> {
        let target = url.redacted().to_string();
        let until = deadline(timeout);
        #[cfg(feature = "sqlite")]
        #[allow(irrefutable_let_patterns)] // a SQLite-only build
        if let Pool::Sqlite(_) = pool {
            return lock_file(url, &target, timeout, until).await;
        }
        let (name, key) = (mysql_lock_name(namespace), pg_lock_key(namespace));
        loop {
            let attempt = try_once(pool, &name, key)
                .await
                .map_err(|e| RuntimeError::db("cannot take the migration lock", e))?;
            progress.touch();
            if let Some(held) = attempt {
                return Ok(MigrationLock { held });
            }
            let now = Instant::now();
            if now >= until {
                return Err(match holder(pool, &name, key).await {
                    Some((holder, ending)) => RuntimeError::LockHeld {
                        target,
                        seconds: timeout.as_secs(),
                        holder,
                        ending,
                    },
                    None => RuntimeError::LockTimeout {
                        target,
                        seconds: timeout.as_secs(),
                    },
                });
            }
            tokio::time::sleep(POLL.min(until - now)).await;
        }
    }

    /// Releases the lock (ending the session also releases it).
    pub async fn release(self) {
        match self.held {
            #[cfg(feature = "postgres")]
            Held::Postgres(p, key) => {
                let _ = sqlx::query("SELECT pg_advisory_unlock($1)")
                    .bind(key)
                    .execute(&p)
                    .await;
            }
            #[cfg(feature = "mysql")]
            Held::MySql(p, name) => {
                let _ = sqlx::query("SELECT RELEASE_LOCK(?)")
                    .bind(name)
                    .execute(&p)
                    .await;
            }
            Held::File(file) => {
                let _ = file.unlock();
            }
            Held::Nothing => {}
        }
    }
}

/// MySQL lock names are server-wide, so they are scoped to the database (64 characters max).
fn mysql_lock_name(database: &str) -> String {
    format!("autogen:{database}").chars().take(64).collect()
}

/// The session holding the lock, described for the operator, and how to end it.
async fn holder(pool: &Pool, name: &str, key: i64) -> Option<(String, String)> {
    match *pool {
        #[cfg(feature = "postgres")]
        Pool::Postgres(ref p) => {
            let row: (i32, String, String, i64, String) = sqlx::query_as(
                "SELECT a.pid, coalesce(a.application_name, ''), coalesce(a.state, ''), \
                 coalesce(extract(epoch FROM now() - coalesce(a.state_change, a.backend_start))::bigint, 0), \
                 coalesce(left(a.query, 120), '') \
                 FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid \
                 WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 \
                 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) \
                 AND l.classid::bigint = $1 AND l.objid::bigint = $2 LIMIT 1",
                // The bigint key is split into two unsigned halves (classid, objid).
            )
            .bind((key >> 32) & 0xffff_ffff)
            .bind(key & 0xffff_ffff)
            .fetch_optional(p)
            .await
            .ok()??;
            let (pid, app, state, secs, query) = row;
            let app = if app.is_empty() { "?".into() } else { app };
            Some((
                format!(
                    "session {pid} (application {app:?}, {state} for {secs}s, last statement: {})",
                    one_line(&query)
                ),
                format!("SELECT pg_terminate_backend({pid})"),
            ))
        }
        #[cfg(feature = "mysql")]
        Pool::MySql(ref p) => {
            let row: (i64, String, i64, String) = sqlx::query_as(
                "SELECT CAST(ID AS SIGNED), CAST(COMMAND AS CHAR), CAST(TIME AS SIGNED), \
                 CAST(COALESCE(LEFT(INFO, 120), '') AS CHAR) \
                 FROM information_schema.PROCESSLIST WHERE ID = IS_USED_LOCK(?)",
            )
            .bind(name)
            .fetch_optional(p)
            .await
            .ok()??;
            let (id, command, secs, info) = row;
            let info = if info.is_empty() {
                "none".to_string()
            } else {
                one_line(&info)
            };
            Some((
                format!("connection {id} ({command} for {secs}s, statement: {info})"),
                format!("KILL {id}"),
            ))
        }
        #[cfg(feature = "sqlite")]
        Pool::Sqlite(_) => None,
    }
}

/// SQLite: an exclusive OS lock on `<db>.autogen-lock`, released by the OS when the process
/// dies.
async fn lock_file(
    url: &DatabaseUrl,
    target: &str,
    timeout: Duration,
    until: Instant,
) -> Result<MigrationLock, RuntimeError> {
    let Some(path) = url.sqlite_path() else {
        return Ok(MigrationLock {
            held: Held::Nothing,
        });
    };
    let lock_path = format!("{path}.autogen-lock");
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|e| RuntimeError::LockFile {
            path: lock_path.clone(),
            reason: e.to_string(),
        })?;
    loop {
        match file.try_lock() {
            Ok(()) => {
                return Ok(MigrationLock {
                    held: Held::File(file),
                });
            }
            Err(std::fs::TryLockError::WouldBlock) => {}
            Err(std::fs::TryLockError::Error(e)) => {
                return Err(RuntimeError::LockFile {
                    path: lock_path,
                    reason: e.to_string(),
                });
            }
        }
        let now = Instant::now();
        if now >= until {
            return Err(RuntimeError::LockTimeout {
                target: target.to_string(),
                seconds: timeout.as_secs(),
            });
        }
        tokio::time::sleep(POLL.min(until - now)).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One key per schema, the same in every run (a migrator of another version of this tool
    /// must compute the same key).
    #[test]
    fn lock_keys_are_per_schema_and_stable() {
        assert_ne!(pg_lock_key("tenant_1"), pg_lock_key("tenant_2"));
        assert_eq!(pg_lock_key("public"), pg_lock_key("public"));
        assert_eq!(pg_lock_key("public"), -1097237903480195125);
    }
}
