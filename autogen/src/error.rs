//! The crate-level error: every failure a command can report, each one line.

use crate::config::ConfigError;
use crate::introspect::IntrospectError;
use crate::revision::GraphError;
use crate::runtime::RuntimeError;

/// Any failure of a command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad configuration (URL, variables).
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// Revision graph problems.
    #[error(transparent)]
    Graph(#[from] GraphError),
    /// Failures while running migrations.
    #[error(transparent)]
    Runtime(#[from] RuntimeError),
    /// The live schema could not be read.
    #[error(transparent)]
    Introspect(#[from] IntrospectError),
    /// A file could not be written or read.
    #[error("{path}: {reason}")]
    Io { path: String, reason: String },
    /// The command line asks for something impossible.
    #[error("{0}")]
    Usage(String),
}
