//! Autogenerate migrations for SeaORM: introspect, compare, render, and run them.

pub mod model;
pub mod ops;
pub mod revision;
