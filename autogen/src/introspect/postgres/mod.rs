//! PostgreSQL introspection through `pg_catalog` (five queries per run).

mod queries;
mod read;
mod types;

pub(crate) use read::read;
pub use types::parse_type;
