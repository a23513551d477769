//! The crate-level error: every failure a command can report. Each variant names the object
//! and keeps its cause as `source()`; the binary joins the chain into one line.

use std::path::PathBuf;

use crate::config::ConfigError;
use crate::introspect::IntrospectError;
use crate::revision::GraphError;
use crate::runtime::{RuntimeError, WaitError};

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
    /// `--wait-for-db` ended without a connection.
    #[error(transparent)]
    Wait(#[from] WaitError),
    /// The live schema could not be read.
    #[error(transparent)]
    Introspect(#[from] IntrospectError),
    /// A file or directory could not be written or read.
    #[error("cannot {action} {}", .path.display())]
    Io {
        /// What was being done (`write`, `create`, `rename ... to`).
        action: &'static str,
        /// The file or directory.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// `--versions-dir` does not name a directory.
    #[error("versions directory {} not found (see --versions-dir)", .path.display())]
    NoVersionsDir {
        /// The directory.
        path: PathBuf,
    },
    /// A new revision file would replace an existing one.
    #[error("{} already exists", .path.display())]
    FileExists {
        /// The file.
        path: PathBuf,
    },
    /// The config file cannot be used.
    #[error(transparent)]
    ConfigFile(#[from] crate::project::ConfigFileError),
    /// `init` could not set up the project.
    #[error(transparent)]
    Init(#[from] crate::project::InitError),
    /// The revision template cannot produce a valid file.
    #[error(transparent)]
    Template(#[from] crate::project::TemplateError),
    /// `pull` could not write the entity files.
    #[error(transparent)]
    Pull(#[from] crate::pull::PullError),
    /// A table pattern is not a glob.
    #[error(transparent)]
    TablePattern(#[from] crate::project::BadPattern),
    /// A post-write hook failed on a new file (which stays written).
    #[error("post-write hook `{hook}` failed on {}: {detail}", .path.display())]
    Hook {
        /// The command.
        hook: String,
        /// The new file.
        path: PathBuf,
        /// Its exit status or why it did not start.
        detail: String,
    },
    /// The command line asks for something impossible.
    #[error("{0}")]
    Usage(String),
    /// A tenant run in which some tenants failed (each is reported on its own line).
    #[error("{command}: {failed} of {total} tenant(s) failed: {names}")]
    TenantsFailed {
        /// The command.
        command: &'static str,
        /// How many failed.
        failed: usize,
        /// How many tenants the run had.
        total: usize,
        /// The first failed tenants, comma separated.
        names: String,
    },
    /// A scratch database could not be created or dropped.
    #[error("scratch database {name}: cannot {action}: {detail}")]
    Scratch {
        /// Its name.
        name: String,
        /// `create it`, `drop it`.
        action: &'static str,
        /// The server's message (passwords scrubbed).
        detail: String,
    },
}

impl Error {
    /// The message and each of its causes, joined on one line (`msg: cause: cause`), with
    /// every known password scrubbed: the single form in which an error is printed.
    pub fn one_line(&self) -> String {
        let mut line = self.to_string();
        let mut cause = std::error::Error::source(self);
        while let Some(err) = cause {
            let text = err.to_string();
            // A message that already quotes its cause (a driver text) is not repeated.
            if !text.is_empty() && !line.contains(&text) {
                line.push_str(": ");
                line.push_str(&text);
            }
            cause = err.source();
        }
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        crate::config::scrub_known_secrets(&line)
    }
}
