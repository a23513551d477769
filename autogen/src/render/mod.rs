//! Ops → a reviewable Rust migration file: sea-query builder calls with literal names, a real
//! `down` (the ops reversed), backend branches only where sea-query cannot express an op
//! portably, and SQLite table rebuilds where SQLite cannot ALTER.

mod code;
mod column;
mod file;
mod literal;
mod op;
mod rebuild;

pub use file::{RenderInput, render_migration};
