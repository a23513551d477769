//! PostgreSQL introspection through `pg_catalog` (six queries per run).

mod queries;
mod read;
mod types;

pub(crate) use read::read;
pub use types::parse_type;
