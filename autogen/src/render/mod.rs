//! Planned steps → a reviewable Rust migration file: sea-query builder calls with literal
//! names, a real `down` (the ops reversed), and backend branches where the plan has them.
//! Every decision is made by [`crate::plan`]; this module only writes it out.

mod code;
mod file;
mod step;

pub use file::{RenderInput, render_migration, render_steps};
