//! PostgreSQL introspection through `pg_catalog` (seven queries per run).

mod queries;
mod read;
mod types;

pub(crate) use read::read;
pub use types::parse_type;
