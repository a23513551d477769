//! One migrator at a time: a Postgres advisory lock or a MySQL named lock held on a dedicated
//! session, or an OS file lock next to a SQLite database. All of them die with the process,
//! so a migrator killed with SIGKILL leaves no lock behind.

use std::fs::File;
use std::time::{Duration, Instant};

use sqlx::Connection;

use super::error::{RuntimeError, one_line};
use crate::backend::Backend;
use crate::config::DatabaseUrl;

/// Advisory-lock key shared by every autogen migrator ("autogen" in ASCII).
const PG_LOCK_KEY: i64 = 0x0061_7574_6f67_656e;

/// A held migration lock; released on drop or with [`MigrationLock::release`].
pub enum MigrationLock {
    /// Postgres advisory lock, held by this session.
    Postgres(sqlx::PgConnection),
    /// MySQL `GET_LOCK`, held by this session.
    MySql(sqlx::MySqlConnection, String),
    /// Exclusive OS lock on a file beside the SQLite database.
    File(File),
    /// In-memory SQLite: nobody else can see the database.
    None,
}

impl MigrationLock {
    /// Waits up to `timeout` for the lock on the database at `url`.
    pub async fn acquire(url: &DatabaseUrl, timeout: Duration) -> Result<Self, RuntimeError> {
        let target = url.redacted().to_string();
        let deadline = Instant::now() + timeout;
        let timed_out = || RuntimeError::LockTimeout {
            target: target.clone(),
            seconds: timeout.as_secs(),
        };
        let connect_err = |e: sqlx::Error| RuntimeError::Connect {
            url: target.clone(),
            reason: url.scrub(&one_line(&e.to_string())),
        };
        if url.backend() == Backend::Postgres {
            let mut conn = tokio::time::timeout(timeout, sqlx::PgConnection::connect(url.secret()))
                .await
                .map_err(|_| timed_out())?
                .map_err(connect_err)?;
            loop {
                let got: bool = sqlx::query_scalar("SELECT pg_try_advisory_lock($1)")
                    .bind(PG_LOCK_KEY)
                    .fetch_one(&mut conn)
                    .await
                    .map_err(|e| RuntimeError::db("cannot take the advisory lock", e))?;
                if got {
                    return Ok(MigrationLock::Postgres(conn));
                }
                if Instant::now() >= deadline {
                    return Err(timed_out());
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        } else if url.backend() == Backend::MySql {
            let mut conn =
                tokio::time::timeout(timeout, sqlx::MySqlConnection::connect(url.secret()))
                    .await
                    .map_err(|_| timed_out())?
                    .map_err(connect_err)?;
            let db: Option<String> = sqlx::query_scalar("SELECT DATABASE()")
                .fetch_one(&mut conn)
                .await
                .map_err(|e| RuntimeError::db("cannot read the current database", e))?;
            // Lock names are server-wide, so scope them to the database.
            let name: String = format!("autogen:{}", db.unwrap_or_default())
                .chars()
                .take(64)
                .collect();
            let got: Option<i64> = sqlx::query_scalar("SELECT GET_LOCK(?, ?)")
                .bind(&name)
                .bind(timeout.as_secs_f64())
                .fetch_one(&mut conn)
                .await
                .map_err(|e| RuntimeError::db("cannot take the named lock", e))?;
            match got {
                Some(1) => Ok(MigrationLock::MySql(conn, name)),
                _ => Err(timed_out()),
            }
        } else {
            let Some(path) = url.sqlite_path() else {
                return Ok(MigrationLock::None);
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
                    Ok(()) => return Ok(MigrationLock::File(file)),
                    Err(std::fs::TryLockError::WouldBlock) => {}
                    Err(std::fs::TryLockError::Error(e)) => {
                        return Err(RuntimeError::LockFile {
                            path: lock_path,
                            reason: e.to_string(),
                        });
                    }
                }
                if Instant::now() >= deadline {
                    return Err(timed_out());
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
    }

    /// Releases the lock explicitly (dropping also releases it, when the session closes).
    pub async fn release(self) {
        match self {
            MigrationLock::Postgres(mut conn) => {
                let _ = sqlx::query("SELECT pg_advisory_unlock($1)")
                    .bind(PG_LOCK_KEY)
                    .execute(&mut conn)
                    .await;
                let _ = conn.close().await;
            }
            MigrationLock::MySql(mut conn, name) => {
                let _ = sqlx::query("SELECT RELEASE_LOCK(?)")
                    .bind(name)
                    .execute(&mut conn)
                    .await;
                let _ = conn.close().await;
            }
            MigrationLock::File(file) => {
                let _ = file.unlock();
            }
            MigrationLock::None => {}
        }
    }
}
