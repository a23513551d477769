//! Live database → [`crate::model::Schema`], with a constant number of catalog queries.
//!
//! One query per object kind for the whole schema (tables, columns, keys, indexes, foreign
//! keys), grouped in memory. Types are mapped to the inverse of sea-query's renderer for the
//! backend; defaults are kept as SQL text for [`crate::normalize`] to canonicalize.

mod assemble;
mod catalog;
mod entry;
mod error;
mod mysql;
mod postgres;
mod sqlite;
mod type_args;

pub use catalog::CatalogConnection;
pub use entry::{Introspection, SEAQL_MIGRATIONS, introspect};
pub use error::IntrospectError;
pub use mysql::enum_values as mysql_enum_values;
pub use mysql::parse_type as parse_mysql_type;
pub use postgres::parse_type as parse_postgres_type;
pub use sqlite::parse_type as parse_sqlite_type;
