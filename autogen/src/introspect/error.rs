//! Errors raised while reading a live database's catalog.

use sea_orm::DbErr;

/// Why introspection failed; each variant names the catalog object involved.
#[derive(Debug, thiserror::Error)]
pub enum IntrospectError {
    /// A catalog query failed to run.
    #[error("catalog query for {kind} failed: {source}")]
    Query {
        /// The object kind being read (`tables`, `columns`, ...).
        kind: &'static str,
        /// The driver error.
        source: DbErr,
    },
    /// A catalog row did not have the expected shape.
    #[error("cannot read `{field}` from a {kind} catalog row: {source}")]
    Decode {
        /// The object kind being read.
        kind: &'static str,
        /// The result column that could not be decoded.
        field: &'static str,
        /// The driver error.
        source: DbErr,
    },
    /// A foreign key uses a referential action this tool does not know.
    #[error("foreign key {constraint} on table {table} has unknown action {action:?}")]
    UnknownFkAction {
        /// Table holding the foreign key.
        table: String,
        /// Constraint name.
        constraint: String,
        /// The action as the catalog spelled it.
        action: String,
    },
    /// A SQLite foreign key names no parent columns and the parent table has no primary key.
    #[error(
        "foreign key {constraint} on table {table} references {ref_table}, which has no primary key"
    )]
    MissingReferencedKey {
        /// Table holding the foreign key.
        table: String,
        /// Constraint name (synthesized on SQLite).
        constraint: String,
        /// Referenced table.
        ref_table: String,
    },
    /// The connection's backend is not one this tool introspects.
    #[error("introspection does not support the {0} backend")]
    UnsupportedBackend(String),
}
