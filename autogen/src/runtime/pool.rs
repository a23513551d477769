//! The pool behind a session: exactly one connection, opened once and never recycled (no idle
//! timeout, no maximum lifetime), so that everything a migrator does — taking the migration
//! lock, reading the version table, running revisions — happens on one server session, and
//! dies with it. A second connection would be a different session, without the lock: once the
//! first is open the pool is sealed (see [`Pool::seal`]) and the session reports itself lost
//! instead.

use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

#[cfg(feature = "mysql")]
use sqlx::MySqlPool;
#[cfg(feature = "postgres")]
use sqlx::PgPool;
#[cfg(feature = "sqlite")]
use sqlx::SqlitePool;
use sqlx::pool::PoolOptions;
#[allow(unused_imports)]
use sqlx::{AssertSqlSafe, ConnectOptions as _, Executor};

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
    #[cfg(feature = "postgres")]
    Postgres(PgPool),
    /// MySQL or MariaDB.
    #[cfg(feature = "mysql")]
    MySql(MySqlPool),
    /// SQLite.
    #[cfg(feature = "sqlite")]
    Sqlite(SqlitePool),
}

/// What the connection hook learns, shared with the session.
#[derive(Debug, Default)]
pub(crate) struct Shared {
    engine: OnceLock<(Engine, String)>,
    /// PostgreSQL `current_schema()` (`None`: no schema on the `search_path` exists), MySQL
    /// `DATABASE()`: where the version table and the migration lock live.
    namespace: OnceLock<Option<String>>,
    /// Database calls made through the pool: sea-orm takes the one connection from the pool
    /// for every call outside a transaction, whatever API made it (`execute_unprepared`
    /// included, which sea-orm's metric callback does not see).
    calls: AtomicU64,
}

impl Shared {
    /// Calls made so far (see the field).
    pub(crate) fn calls(&self) -> u64 {
        self.calls.load(Ordering::Relaxed)
    }

    /// The session's schema (PostgreSQL) or database (MySQL); `None` on SQLite, and on
    /// PostgreSQL when no schema of the `search_path` exists.
    pub(crate) fn namespace(&self) -> Option<String> {
        self.namespace.get().cloned().flatten()
    }

    /// The engine and its version string (known once the connection is open).
    pub(crate) fn engine(&self) -> (Engine, String) {
        self.engine
            .get()
            .cloned()
            .unwrap_or((Engine::Sqlite, String::new()))
    }
}

/// Pool settings common to every backend; every acquisition is counted in `shared` and is
/// progress for the watchdog (a call starting means the one before it ended).
fn one_connection<DB: sqlx::Database>(
    options: &ConnectOptions,
    shared: &Arc<Shared>,
    progress: &Arc<Progress>,
) -> PoolOptions<DB> {
    let (shared, progress) = (shared.clone(), progress.clone());
    PoolOptions::new()
        .before_acquire(move |_, _| {
            shared.calls.fetch_add(1, Ordering::Relaxed);
            progress.touch();
            Box::pin(async { Ok(true) })
        })
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
        #[cfg(feature = "postgres")]
        Backend::Postgres => {
            let mut connect = sqlx::postgres::PgConnectOptions::from_str(url.secret())?
                .disable_statement_logging();
            if connect.get_application_name().is_none() {
                // Names the session in pg_stat_activity (and in our lock-holder report).
                connect = connect.application_name("autogen");
            }
            let (options, shared) = (options.clone(), shared.clone());
            let pool = one_connection::<sqlx::Postgres>(&options, &shared, progress).after_connect(
                move |conn, _| {
                    let (options, shared) = (options.clone(), shared.clone());
                    Box::pin(async move {
                        // First, so that `current_schema()` below is the session's for good.
                        if let Some(schema) = &options.schema {
                            conn.execute(AssertSqlSafe(settings::search_path(schema)))
                                .await?;
                        }
                        let (version, schema): (String, Option<String>) =
                            sqlx::query_as("SELECT version(), current_schema()::text")
                                .fetch_one(&mut *conn)
                                .await?;
                        let engine = Engine::from_postgres_version(&version);
                        // The distributed engines only get read-only commands (see `Session`), and
                        // do not all know these settings: leave their sessions as they are.
                        let mut sql = Vec::new();
                        if engine == Engine::PostgreSql {
                            sql = settings::postgres(&options);
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
                        let _ = shared.namespace.set(schema);
                        let _ = shared.engine.set((engine, version));
                        Ok(())
                    })
                },
            );
            Ok(Pool::Postgres(pool.connect_with(connect).await?))
        }
        #[cfg(feature = "mysql")]
        Backend::MySql => {
            let connect = sqlx::mysql::MySqlConnectOptions::from_str(url.secret())?
                .disable_statement_logging();
            let (options, shared) = (options.clone(), shared.clone());
            let pool = one_connection::<sqlx::MySql>(&options, &shared, progress).after_connect(
                move |conn, _| {
                    let (options, shared) = (options.clone(), shared.clone());
                    Box::pin(async move {
                        let (version, database): (String, Option<String>) = sqlx::query_as(
                            "SELECT CAST(VERSION() AS CHAR), CAST(DATABASE() AS CHAR)",
                        )
                        .fetch_one(&mut *conn)
                        .await?;
                        let engine = Engine::from_mysql_version(&version);
                        for statement in settings::mysql(&options, engine) {
                            conn.execute(AssertSqlSafe(statement)).await?;
                        }
                        let _ = shared.namespace.set(database);
                        let _ = shared.engine.set((engine, version));
                        Ok(())
                    })
                },
            );
            Ok(Pool::MySql(pool.connect_with(connect).await?))
        }
        #[cfg(feature = "sqlite")]
        Backend::Sqlite => {
            // busy_timeout bounds waits for a database lock another connection holds.
            let connect = sqlx::sqlite::SqliteConnectOptions::from_str(url.secret())?
                .busy_timeout(capped(options.lock_timeout))
                .disable_statement_logging();
            let limit = settings::statement_timeout(options);
            let (progress, shared) = (progress.clone(), shared.clone());
            let pool = one_connection::<sqlx::Sqlite>(options, &shared, &progress).after_connect(
                move |conn, _| {
                    let (progress, shared) = (progress.clone(), shared.clone());
                    Box::pin(async move {
                        if let Some(limit) = limit {
                            conn.lock_handle()
                                .await?
                                .set_progress_handler(1000, sqlite_interrupter(progress, limit));
                        }
                        let _ = shared.engine.set((Engine::Sqlite, String::new()));
                        Ok(())
                    })
                },
            );
            Ok(Pool::Sqlite(pool.connect_with(connect).await?))
        }
        // Not reached: `Session::open` refuses a backend whose driver is not built.
        #[allow(unreachable_patterns)]
        backend => Err(sqlx::Error::Configuration(
            super::drivers::missing(backend).into(),
        )),
    }
}

/// Where a sealed pool would reconnect: a socket (or file) that does not exist, so the attempt
/// fails at once instead of being retried until the acquire timeout.
const NOWHERE: &str = "/nonexistent/autogen-session-lost";

impl Pool {
    /// Points the pool's future connections nowhere: the session must never silently change
    /// (a new session would not hold the migration lock, nor the revision's transaction).
    pub(crate) fn seal(&self) {
        match *self {
            #[cfg(feature = "postgres")]
            Pool::Postgres(ref p) => {
                p.set_connect_options(sqlx::postgres::PgConnectOptions::new().socket(NOWHERE))
            }
            #[cfg(feature = "mysql")]
            Pool::MySql(ref p) => {
                p.set_connect_options(sqlx::mysql::MySqlConnectOptions::new().socket(NOWHERE))
            }
            #[cfg(feature = "sqlite")]
            Pool::Sqlite(ref p) => {
                p.set_connect_options(sqlx::sqlite::SqliteConnectOptions::new().filename(NOWHERE))
            }
        }
    }

    /// Whether the session's connection is gone (closed after an error). A connection still
    /// being handed back to the pool is waited for, briefly.
    pub(crate) async fn is_gone(&self) -> bool {
        for _ in 0..50 {
            let (size, idle): (u32, usize) = match *self {
                #[cfg(feature = "postgres")]
                Pool::Postgres(ref p) => (p.size(), p.num_idle()),
                #[cfg(feature = "mysql")]
                Pool::MySql(ref p) => (p.size(), p.num_idle()),
                #[cfg(feature = "sqlite")]
                Pool::Sqlite(ref p) => (p.size(), p.num_idle()),
            };
            if size == 0 {
                return true;
            }
            if idle > 0 {
                return false;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        false
    }

    /// The same pool as a sea-orm connection.
    pub(crate) fn sea_orm(&self) -> sea_orm::DatabaseConnection {
        match *self {
            #[cfg(feature = "postgres")]
            Pool::Postgres(ref p) => {
                sea_orm::SqlxPostgresConnector::from_sqlx_postgres_pool(p.clone())
            }
            #[cfg(feature = "mysql")]
            Pool::MySql(ref p) => sea_orm::SqlxMySqlConnector::from_sqlx_mysql_pool(p.clone()),
            #[cfg(feature = "sqlite")]
            Pool::Sqlite(ref p) => sea_orm::SqlxSqliteConnector::from_sqlx_sqlite_pool(p.clone()),
        }
    }
}
