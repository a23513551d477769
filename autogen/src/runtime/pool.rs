//! The pool behind a session: exactly one connection, opened once and never recycled (no idle
//! timeout, no maximum lifetime), so that everything a migrator does — taking the migration
//! lock, reading the version table, running revisions — happens on one server session, and
//! dies with it. A second connection would be a different session, without the lock: the
//! pool refuses to open one and the session reports itself lost instead.

use std::str::FromStr;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use sqlx::pool::PoolOptions;
use sqlx::{AssertSqlSafe, ConnectOptions as _, Executor, MySqlPool, PgPool, SqlitePool};

use super::ConnectOptions;
use super::clock::capped;
use super::engine::Engine;
use super::settings;
use super::watchdog::{Progress, sqlite_interrupter};
use crate::backend::Backend;
use crate::config::DatabaseUrl;

/// The one-connection pool of a session.
#[derive(Debug, Clone)]
pub(crate) enum Pool {
    /// PostgreSQL (and compatible engines).
    Postgres(PgPool),
    /// MySQL or MariaDB.
    MySql(MySqlPool),
    /// SQLite.
    Sqlite(SqlitePool),
}

/// What the connection hook learns, shared with the session.
#[derive(Debug, Default)]
pub(crate) struct Shared {
    opened: AtomicUsize,
    lost: AtomicBool,
    engine: OnceLock<(Engine, String)>,
}

impl Shared {
    /// Whether the pool tried to replace the session's connection.
    pub(crate) fn lost(&self) -> bool {
        self.lost.load(Ordering::Relaxed)
    }

    /// The engine and its version string (known once the connection is open).
    pub(crate) fn engine(&self) -> (Engine, String) {
        self.engine
            .get()
            .cloned()
            .unwrap_or((Engine::Sqlite, String::new()))
    }

    /// Counts a new connection; every connection after the first is refused.
    fn first(&self) -> Result<(), sqlx::Error> {
        if self.opened.fetch_add(1, Ordering::Relaxed) == 0 {
            return Ok(());
        }
        self.lost.store(true, Ordering::Relaxed);
        Err(sqlx::Error::Protocol(
            "the session holding the migration lock was lost; not opening another".into(),
        ))
    }
}

/// Pool settings common to every backend.
fn one_connection<DB: sqlx::Database>(options: &ConnectOptions) -> PoolOptions<DB> {
    PoolOptions::new()
        .max_connections(1)
        .min_connections(0)
        .idle_timeout(None)
        .max_lifetime(None)
        // A ping before every statement doubles the round trips; a dead connection fails the
        // statement itself.
        .test_before_acquire(false)
        .acquire_timeout(capped(options.timeout))
}

/// Opens the pool and its one connection.
pub(crate) async fn open(
    url: &DatabaseUrl,
    options: &ConnectOptions,
    progress: &Arc<Progress>,
    shared: &Arc<Shared>,
) -> Result<Pool, sqlx::Error> {
    match url.backend() {
        Backend::Postgres => {
            let mut connect = sqlx::postgres::PgConnectOptions::from_str(url.secret())?
                .disable_statement_logging();
            if connect.get_application_name().is_none() {
                // Names the session in pg_stat_activity (and in our lock-holder report).
                connect = connect.application_name("autogen");
            }
            let (options, shared) = (options.clone(), shared.clone());
            let pool = one_connection::<sqlx::Postgres>(&options).after_connect(move |conn, _| {
                let (options, shared) = (options.clone(), shared.clone());
                Box::pin(async move {
                    shared.first()?;
                    let version: String = sqlx::query_scalar("SELECT version()")
                        .fetch_one(&mut *conn)
                        .await?;
                    let engine = Engine::from_postgres_version(&version);
                    let mut sql = settings::postgres(&options);
                    if engine == Engine::PostgreSql {
                        let number: String = sqlx::query_scalar("SHOW server_version_num")
                            .fetch_one(&mut *conn)
                            .await?;
                        // client_connection_check_interval exists from PostgreSQL 14 on.
                        let skip = usize::from(number.parse::<u32>().unwrap_or(0) < 140_000);
                        sql.extend(
                            settings::POSTGRES_LIVENESS[skip..]
                                .iter()
                                .map(|s| s.to_string()),
                        );
                    }
                    for statement in sql {
                        conn.execute(AssertSqlSafe(statement)).await?;
                    }
                    let _ = shared.engine.set((engine, version));
                    Ok(())
                })
            });
            Ok(Pool::Postgres(pool.connect_with(connect).await?))
        }
        Backend::MySql => {
            let connect = sqlx::mysql::MySqlConnectOptions::from_str(url.secret())?
                .disable_statement_logging();
            let (options, shared) = (options.clone(), shared.clone());
            let pool = one_connection::<sqlx::MySql>(&options).after_connect(move |conn, _| {
                let (options, shared) = (options.clone(), shared.clone());
                Box::pin(async move {
                    shared.first()?;
                    let version: String = sqlx::query_scalar("SELECT CAST(VERSION() AS CHAR)")
                        .fetch_one(&mut *conn)
                        .await?;
                    let engine = Engine::from_mysql_version(&version);
                    for statement in settings::mysql(&options, engine) {
                        conn.execute(AssertSqlSafe(statement)).await?;
                    }
                    let _ = shared.engine.set((engine, version));
                    Ok(())
                })
            });
            Ok(Pool::MySql(pool.connect_with(connect).await?))
        }
        Backend::Sqlite => {
            // busy_timeout bounds waits for a database lock another connection holds.
            let connect = sqlx::sqlite::SqliteConnectOptions::from_str(url.secret())?
                .busy_timeout(capped(options.lock_timeout))
                .disable_statement_logging();
            let limit = settings::statement_timeout(options);
            let (progress, shared) = (progress.clone(), shared.clone());
            let pool = one_connection::<sqlx::Sqlite>(options).after_connect(move |conn, _| {
                let (progress, shared) = (progress.clone(), shared.clone());
                Box::pin(async move {
                    shared.first()?;
                    if let Some(limit) = limit {
                        conn.lock_handle()
                            .await?
                            .set_progress_handler(1000, sqlite_interrupter(progress, limit));
                    }
                    let _ = shared.engine.set((Engine::Sqlite, String::new()));
                    Ok(())
                })
            });
            Ok(Pool::Sqlite(pool.connect_with(connect).await?))
        }
    }
}

impl Pool {
    /// The same pool as a sea-orm connection.
    pub(crate) fn sea_orm(&self) -> sea_orm::DatabaseConnection {
        use sea_orm::{SqlxMySqlConnector, SqlxPostgresConnector, SqlxSqliteConnector};
        match self {
            Pool::Postgres(p) => SqlxPostgresConnector::from_sqlx_postgres_pool(p.clone()),
            Pool::MySql(p) => SqlxMySqlConnector::from_sqlx_mysql_pool(p.clone()),
            Pool::Sqlite(p) => SqlxSqliteConnector::from_sqlx_sqlite_pool(p.clone()),
        }
    }
}
