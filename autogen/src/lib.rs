//! Autogenerate migrations for SeaORM: introspect, compare, render, and run them.

pub mod introspect;
pub mod model;
pub mod normalize;
pub mod ops;
pub mod revision;
