//! Autogenerate migrations for SeaORM: introspect, compare, render, and run them.

pub mod cli;
pub mod config;
mod error;
pub mod model;
pub mod ops;
pub mod revision;
pub mod runtime;

pub use error::Error;
