//! The introspection entry point: dispatch on the connection's backend.

use sea_orm::DbBackend;

use crate::model::Schema;

use super::catalog::{Catalog, CatalogConnection};
use super::{IntrospectError, mysql, postgres, sqlite};

/// sea-orm-migration's own version table, never part of a managed schema.
pub const SEAQL_MIGRATIONS: &str = "seaql_migrations";

/// The result of one introspection run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Introspection {
    /// The current schema, as the catalog reports it (not yet normalized).
    pub schema: Schema,
    /// Number of catalog queries issued (constant per backend, whatever the table count).
    pub queries: usize,
}

/// Reads every table of the connection's current schema, except `exclude_tables`,
/// sea-orm's `seaql_migrations` and SQLite's internal `sqlite_*` tables.
pub async fn introspect<C: CatalogConnection>(
    conn: &C,
    exclude_tables: &[&str],
) -> Result<Introspection, IntrospectError> {
    let backend = conn.get_database_backend();
    let catalog = Catalog::new(conn);
    let skip = |name: &str| {
        name == SEAQL_MIGRATIONS
            || exclude_tables.contains(&name)
            // SQLite's own tables (sqlite_sequence, sqlite_stat1, ...).
            || (backend == DbBackend::Sqlite && name.starts_with("sqlite_"))
    };
    let schema = match backend {
        DbBackend::Postgres => postgres::read(&catalog, skip).await?,
        DbBackend::MySql => mysql::read(&catalog, skip).await?,
        DbBackend::Sqlite => sqlite::read(&catalog, skip).await?,
        other => return Err(IntrospectError::UnsupportedBackend(format!("{other:?}"))),
    };
    Ok(Introspection {
        schema,
        queries: catalog.queries(),
    })
}
