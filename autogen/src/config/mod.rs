//! Where the database URL comes from, and how it is shown without its password.

mod resolve;
mod source;
mod url;

pub use resolve::{DEFAULT_SQLITE_URL, resolve_database_url};
pub use source::UrlSource;
pub use url::{DatabaseUrl, redact as redact_url};

/// Errors while working out the database URL. None of them contains a password.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// A variable or flag is set but empty.
    #[error("{origin} is set but empty")]
    Empty { origin: UrlSource },
    /// The URL could not be parsed.
    #[error("malformed database URL from {origin}: {reason}")]
    MalformedUrl { origin: UrlSource, reason: String },
    /// The URL names a backend this tool does not support.
    #[error(
        "unsupported database URL scheme '{scheme}' from {origin}: use postgres://, mysql://, mariadb:// or sqlite://"
    )]
    UnsupportedScheme { origin: UrlSource, scheme: String },
    /// `POSTGRES_PORT` is not an integer.
    #[error("POSTGRES_PORT must be an integer port number, got '{0}'")]
    BadPort(String),
    /// A `POSTGRES_*` variable other than the password is missing.
    #[error("{0} is required when POSTGRES_* variables are used")]
    MissingVar(&'static str),
    /// `DATABASE_URL_FILE` could not be read.
    #[error("cannot read DATABASE_URL_FILE '{path}': {reason}")]
    UnreadableFile { path: String, reason: String },
    /// The `.env` file exists but is malformed.
    #[error("cannot parse .env file: {0}")]
    DotEnv(String),
}
