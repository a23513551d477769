//! Issuing catalog queries through any sea-orm connection, and counting them.

use sea_orm::{ConnectionTrait, QueryResult, Statement, TryGetable};

use super::IntrospectError;

/// Runs catalog queries on one connection (or transaction) and counts them.
pub(crate) struct Catalog<'c, C> {
    conn: &'c C,
    /// Number of queries issued so far.
    pub(crate) queries: usize,
}

impl<'c, C: ConnectionTrait> Catalog<'c, C> {
    /// Wraps a connection; no query is issued yet.
    pub(crate) fn new(conn: &'c C) -> Self {
        Self { conn, queries: 0 }
    }

    /// Runs one catalog query for object kind `kind` and returns its rows.
    pub(crate) async fn fetch(
        &mut self,
        kind: &'static str,
        sql: &str,
    ) -> Result<Vec<Row>, IntrospectError> {
        self.queries += 1;
        let backend = self.conn.get_database_backend();
        // `query_all_raw` works the same on a pool, a transaction or a mock connection.
        let rows = self
            .conn
            .query_all_raw(Statement::from_string(backend, sql))
            .await
            .map_err(|source| IntrospectError::Query { kind, source })?;
        Ok(rows.into_iter().map(|inner| Row { kind, inner }).collect())
    }
}

/// One catalog row, remembering its object kind for error messages.
pub(crate) struct Row {
    kind: &'static str,
    inner: QueryResult,
}

impl Row {
    /// Decodes result column `field`.
    pub(crate) fn get<T: TryGetable>(&self, field: &'static str) -> Result<T, IntrospectError> {
        self.inner
            .try_get("", field)
            .map_err(|source| IntrospectError::Decode {
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
