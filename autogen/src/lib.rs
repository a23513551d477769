//! Autogenerate migrations for SeaORM: introspect, compare, render, and run them.

pub mod backend;
pub mod cli;
pub mod compare;
pub mod config;
pub mod drift;
mod error;
pub mod hydrate;
pub mod introspect;
pub mod metadata;
pub mod model;
pub mod normalize;
pub mod ops;
pub mod plan;
pub mod project;
pub mod pull;
pub mod render;
pub mod revision;
pub mod runtime;
pub mod tenants;

pub use backend::Backend;
pub use error::Error;
pub use metadata::EntityDef;
