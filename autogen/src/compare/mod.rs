//! Comparison: `(current, desired) → Vec<Op>`, in an order a database can execute.

mod columns;
mod constraints;
mod diff;
mod phases;
mod table_order;

pub use diff::compare;
