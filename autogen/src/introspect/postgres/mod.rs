//! PostgreSQL introspection through `pg_catalog` (eight queries per run, see `read`).

mod queries;
mod read;
mod types;

pub(crate) use read::read;
pub use types::parse_type;
