//! Issuing catalog queries through any sea-orm connection, and counting them.

use std::sync::atomic::{AtomicUsize, Ordering};

use futures_util::future::BoxFuture;
use futures_util::stream::{BoxStream, StreamExt};

use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbErr, QueryResult, Statement,
    StreamTrait, TryGetable,
};

use super::IntrospectError;

/// A connection introspection can run on, and how many of its catalog queries may run at once.
pub trait CatalogConnection: ConnectionTrait {
    /// Queries that may run at the same time: 1 unless the connection is a pool of several
    /// connections. Each runs on its own server session, so every connection of the pool must
    /// see the same schema (sea-orm's `ConnectOptions::set_schema_search_path` sets it on each).
    fn lanes(&self) -> usize {
        1
    }

    /// Runs `stmt` and yields its rows as they arrive. By default all rows are read first;
    /// sea-orm's connections and transactions stream them.
    fn rows(&self, stmt: Statement) -> BoxFuture<'_, Result<Rows<'_>, DbErr>> {
        all_rows(self, stmt)
    }
}

/// The rows of one catalog query, as [`CatalogConnection::rows`] yields them.
pub type Rows<'a> = BoxStream<'a, Result<QueryResult, DbErr>>;

/// [`CatalogConnection::rows`], all rows read first.
fn all_rows<C: ConnectionTrait + ?Sized>(
    conn: &C,
    stmt: Statement,
) -> BoxFuture<'_, Result<Rows<'_>, DbErr>> {
    Box::pin(async move {
        let rows = conn.query_all_raw(stmt).await?;
        Ok(futures_util::stream::iter(rows.into_iter().map(Ok)).boxed())
    })
}

/// [`CatalogConnection::rows`] through sea-orm's `StreamTrait`, from a server. SQLite runs in
/// the process, where a stream only adds a hand-over per row (a 1000-table `diff` used ~8%
/// more CPU with one): its rows are read first.
fn stream_rows<S: StreamTrait + ConnectionTrait>(
    conn: &S,
    stmt: Statement,
) -> BoxFuture<'_, Result<Rows<'_>, DbErr>> {
    if ConnectionTrait::get_database_backend(conn) == sea_orm::DbBackend::Sqlite {
        return all_rows(conn, stmt);
    }
    Box::pin(async move { Ok(conn.stream_raw(stmt).await?.boxed()) })
}

impl CatalogConnection for DatabaseConnection {
    /// Two on a PostgreSQL pool of two or more connections, where the catalog work on the server
    /// dominates at large schemas (docs/BENCHMARKS.md); MySQL and SQLite read one at a time. A
    /// session of the CLI is one connection (`runtime::pool`), so it reads one at a time too.
    fn lanes(&self) -> usize {
        #[cfg(feature = "postgres")]
        if let sea_orm::DatabaseConnectionType::SqlxPostgresPoolConnection(_) = &self.inner {
            let pool = self.get_postgres_connection_pool();
            return pool.options().get_max_connections().clamp(1, 2) as usize;
        }
        1
    }

    fn rows(&self, stmt: Statement) -> BoxFuture<'_, Result<Rows<'_>, DbErr>> {
        stream_rows(self, stmt)
    }
}

/// A transaction is one connection.
impl CatalogConnection for DatabaseTransaction {
    fn rows(&self, stmt: Statement) -> BoxFuture<'_, Result<Rows<'_>, DbErr>> {
        stream_rows(self, stmt)
    }
}

/// Runs catalog queries on one connection (or transaction) and counts them.
pub(crate) struct Catalog<'c, C> {
    conn: &'c C,
    /// Number of queries issued so far.
    queries: AtomicUsize,
}

impl<'c, C: CatalogConnection> Catalog<'c, C> {
    /// Wraps a connection; no query is issued yet.
    pub(crate) fn new(conn: &'c C) -> Self {
        Self {
            conn,
            queries: AtomicUsize::new(0),
        }
    }

    /// Queries issued so far.
    pub(crate) fn queries(&self) -> usize {
        self.queries.load(Ordering::Relaxed)
    }

    /// Runs one catalog query for object kind `kind` and returns its rows.
    pub(crate) async fn fetch(
        &self,
        kind: &'static str,
        sql: &str,
    ) -> Result<Vec<Row>, IntrospectError> {
        let mut rows = Vec::new();
        self.each(kind, sql, |row| {
            rows.push(row);
            Ok(())
        })
        .await?;
        Ok(rows)
    }

    /// Runs one catalog query for object kind `kind` and hands each row to `decode` as it
    /// arrives: the server goes on sending while the client decodes, and the rows are never
    /// all held at once.
    pub(crate) async fn each(
        &self,
        kind: &'static str,
        sql: &str,
        mut decode: impl FnMut(Row) -> Result<(), IntrospectError>,
    ) -> Result<(), IntrospectError> {
        self.queries.fetch_add(1, Ordering::Relaxed);
        let failed = |source| IntrospectError::Query { kind, source };
        let backend = self.conn.get_database_backend();
        let mut rows = self
            .conn
            .rows(Statement::from_string(backend, sql))
            .await
            .map_err(failed)?;
        while let Some(row) = rows.next().await {
            decode(Row {
                kind,
                inner: row.map_err(failed)?,
            })?;
        }
        Ok(())
    }
}

impl<C: CatalogConnection> Catalog<'_, C> {
    /// Whether independent queries may run at the same time (see [`CatalogConnection::lanes`]).
    pub(crate) fn concurrent(&self) -> bool {
        self.conn.lanes() > 1
    }
}

/// One catalog row, remembering its object kind for error messages.
pub(crate) struct Row {
    kind: &'static str,
    inner: QueryResult,
}

/// A type a catalog column decodes to.
///
/// The driver's row is read directly: sea-orm turns every NULL it reads into an error
/// carrying the column name formatted with `{:?}`, and then into `None` (`err_null_idx_col`
/// in sea-orm 2.0's `executor/query.rs`). At 10,000 tables that was about a million formatted
/// strings per run, a quarter of the decoding time (perf).
pub(crate) trait Field: TryGetable + Sized {
    /// Reads `field` of `row`.
    fn read(row: &QueryResult, field: &'static str) -> Result<Self, DbErr>;
}

macro_rules! fields {
    ($($t:ty),*) => {$(
        impl Field for $t {
            fn read(row: &QueryResult, field: &'static str) -> Result<Self, DbErr> {
                // The same sqlx call sea-orm makes, without its NULL detour.
                #[cfg(feature = "postgres")]
                if let Some(pg) = row.try_as_pg_row() {
                    return sqlx::Row::try_get::<$t, _>(pg, field).map_err(decode_error);
                }
                #[cfg(feature = "mysql")]
                if let Some(my) = row.try_as_mysql_row() {
                    return sqlx::Row::try_get::<$t, _>(my, field).map_err(decode_error);
                }
                #[cfg(feature = "sqlite")]
                if let Some(lite) = row.try_as_sqlite_row() {
                    return sqlx::Row::try_get::<$t, _>(lite, field).map_err(decode_error);
                }
                row.try_get("", field)
            }
        }
    )*};
}

fields!(String, Option<String>, bool, i32, i64, Option<i64>, f64);

/// A driver's decoding error, as sea-orm reports one.
#[allow(dead_code)] // without any backend feature
fn decode_error(e: sqlx::Error) -> DbErr {
    DbErr::Type(e.to_string())
}

impl Row {
    /// Decodes result column `field`.
    pub(crate) fn get<T: Field>(&self, field: &'static str) -> Result<T, IntrospectError> {
        T::read(&self.inner, field).map_err(|source| IntrospectError::Decode {
            kind: self.kind,
            field,
            source,
        })
    }

    /// Decodes a nullable text column, treating the empty string as absent.
    pub(crate) fn text_opt(&self, field: &'static str) -> Result<Option<String>, IntrospectError> {
        Ok(self.get::<Option<String>>(field)?.filter(|s| !s.is_empty()))
    }
}
