//! Per-backend canonical forms, applied to both the desired and the current schema before
//! comparing, so that two schemas the backend stores identically compare equal.
//!
//! Each backend quirk is one small function with a doc comment naming it.

pub mod checks;
mod columns;
mod comments;
mod defaults;
mod domains;
mod entry;
mod identity;
pub mod indexes;
mod keys;
mod literal;
mod types;

pub use entry::{normalize, normalized};
