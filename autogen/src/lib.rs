//! Autogenerate migrations for SeaORM: introspect, compare, render, and run them.

pub mod compare;
pub mod metadata;
pub mod model;
pub mod ops;
pub mod revision;

pub use metadata::EntityDef;
