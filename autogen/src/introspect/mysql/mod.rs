//! MySQL / MariaDB introspection through `information_schema` (six or seven queries per run).

mod defaults;
mod queries;
mod read;
mod types;

pub(crate) use read::read;
pub use types::{enum_values, parse_type};
