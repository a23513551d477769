//! The operations that turn one schema into another.
//!
//! Every drop carries the whole object it drops, so [`Op::reverse`] is total and a downgrade is
//! always the upgrade reversed.

mod describe;
mod destructive;
mod json;
mod op;
mod reverse;
mod type_name;

pub use op::{ColumnChange, Op};
pub use reverse::reverse_all;
pub use type_name::type_name;
