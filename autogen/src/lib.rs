//! Autogenerate migrations for SeaORM: introspect, compare, render, and run them.

pub mod model;
pub mod ops;
pub mod revision;
pub mod config;
pub mod runtime;
pub mod cli;
mod error;

pub use error::Error;
