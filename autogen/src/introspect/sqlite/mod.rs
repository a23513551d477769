//! SQLite introspection through `sqlite_schema` joined with the table-valued pragmas
//! (five queries per run).

mod autoinc;
mod clauses;
mod deferrable;
mod generated;
mod queries;
mod read;
mod types;

pub(crate) use read::read;
pub use types::parse_type;
