//! Ops → a plan of steps for every backend, made once and then either rendered as Rust source
//! (`render`) or executed against a live database (`execute`, [`OpsMigration`]).
//!
//! All backend decisions live here: which ops need a backend branch, which SQLite tables are
//! rebuilt (and from which shape into which), Postgres `COMMENT ON`, MySQL `MODIFY COLUMN`.
//! No step is ever a statement sea-query panics on for the backend it runs on.

mod build;
pub mod chain;
mod column_ext;
mod default;
mod deferrable;
mod domains;
mod enums;
mod execute;
mod generated;
mod identity;
mod migration;
mod mysql;
mod planner;
mod rebuild;
mod sql;
mod step;
mod translate;

pub use build::{can_auto_increment, inline_pk, statement};
pub use chain::Statement;
pub use column_ext::{ColumnDefExt, UnsignedWidth};
pub use default::DefaultArg;
pub use execute::{execute, sql_for};
pub use generated::GeneratedAs;
pub use migration::OpsMigration;
pub use planner::plan;
pub use rebuild::{needs_sqlite_rebuild, temp_name};
pub use sql::postgres_type;
pub use step::{Step, statements_for};
pub(crate) use translate::needs_cast;
