//! Planned steps → a reviewable Rust migration file: sea-query builder calls with literal
//! names, a real `down` (the ops reversed), and backend branches where the plan has them.
//! Every decision is made by [`crate::plan`]; this module only writes it out.

mod backends;
mod code;
mod ddl;
mod file;
mod step;

pub use backends::restrict;
pub use ddl::{ddl_diff, schema_ddl};
pub use file::{ALL_BACKENDS, RenderInput, render_migration, render_migration_for, render_steps};
