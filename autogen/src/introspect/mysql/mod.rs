//! MySQL / MariaDB introspection through `information_schema` (five or six queries per run).

mod defaults;
mod queries;
mod read;
mod types;

pub(crate) use read::read;
pub use types::parse_type;
