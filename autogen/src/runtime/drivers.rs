//! Which database drivers this build has: each backend is a cargo feature of `autogen`
//! named as `Backend::name` (`postgres`, `mysql`, `sqlite`). A URL for a backend left out still parses (the `Backend`
//! enum is the same in every build), but connecting to it is refused in one line.

use super::error::RuntimeError;
use crate::backend::Backend;
use crate::config::DatabaseUrl;

/// Whether this build can connect to `backend`.
pub(crate) fn built(backend: Backend) -> bool {
    match backend {
        Backend::Postgres => cfg!(feature = "postgres"),
        Backend::MySql => cfg!(feature = "mysql"),
        Backend::Sqlite => cfg!(feature = "sqlite"),
    }
}

/// The reason a connection to `backend` cannot be made in this build.
pub(crate) fn missing(backend: Backend) -> String {
    format!(
        "this autogen was built without the {0} driver (enable the `{0}` feature of autogen)",
        backend.name()
    )
}

/// Refuses a URL whose driver this build does not have, before any connection attempt.
pub(crate) fn require(url: &DatabaseUrl) -> Result<(), RuntimeError> {
    if built(url.backend()) {
        return Ok(());
    }
    Err(RuntimeError::Connect {
        url: url.redacted().to_string(),
        reason: missing(url.backend()),
    })
}
