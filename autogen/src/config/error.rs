//! Errors while working out the database URL. None of them holds a password: URL text is never
//! kept, and `.env` lines are named by number, never quoted.

use std::path::PathBuf;

use super::UrlSource;

/// Where a variable was read: the process environment, or a `.env` file.
fn place(file: &Option<PathBuf>) -> String {
    match file {
        Some(path) => format!(" in .env file {}", path.display()),
        None => String::new(),
    }
}

/// Errors while working out the database URL.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// A URL (flag, `diff --from/--to`, or a variable's value) is empty or only whitespace.
    #[error("{origin} is set but empty")]
    Empty {
        /// Where the URL came from.
        origin: UrlSource,
    },
    /// A configuration variable is set to the empty string: never treated as unset, so that a
    /// missing secret cannot fall through to another database.
    #[error("{var} is set but empty{}", place(.file))]
    EmptyVar {
        /// The variable.
        var: &'static str,
        /// The `.env` file it was read from (`None`: the process environment).
        file: Option<PathBuf>,
    },
    /// The variable `url_var` of `autogen.toml` names is set but empty.
    #[error("{var} (the url_var of autogen.toml) is set but empty")]
    EmptyNamedVar {
        /// The variable.
        var: String,
    },
    /// The URL could not be parsed (the parser's error never quotes its input).
    #[error("malformed database URL from {origin}")]
    MalformedUrl {
        /// Where the URL came from.
        origin: UrlSource,
        /// What the parser refused.
        #[source]
        source: ::url::ParseError,
    },
    /// The URL parses but lacks a part the backend needs (database name, file path, host).
    #[error("incomplete database URL from {origin}: {missing}")]
    IncompleteUrl {
        /// Where the URL came from.
        origin: UrlSource,
        /// What is missing, and how to give it.
        missing: &'static str,
    },
    /// The URL names a backend this tool does not support.
    #[error(
        "unsupported database URL scheme '{scheme}' from {origin}: use postgres://, mysql://, mariadb:// or sqlite://"
    )]
    UnsupportedScheme {
        /// Where the URL came from.
        origin: UrlSource,
        /// The scheme, lower-cased.
        scheme: String,
    },
    /// `POSTGRES_PORT` is not a port number.
    #[error("POSTGRES_PORT{} must be a port number from 1 to 65535, got '{value}'", place(.file))]
    BadPort {
        /// The value given.
        value: String,
        /// The `.env` file it was read from.
        file: Option<PathBuf>,
    },
    /// `POSTGRES_HOST` holds a character that would move the rest into another URL part.
    #[error(
        "POSTGRES_HOST{} must be a host name or address, got '{value}' (it must not contain '/', '?', '#', '@', '\\' or spaces)",
        place(.file)
    )]
    BadHost {
        /// The value given.
        value: String,
        /// The `.env` file it was read from.
        file: Option<PathBuf>,
    },
    /// Some `POSTGRES_*` variables are set but not all the required ones.
    #[error(
        "incomplete POSTGRES_* variables{}: {} set, but {} missing (POSTGRES_USER, POSTGRES_HOST and POSTGRES_DB are required; POSTGRES_PASSWORD and POSTGRES_PORT are optional)",
        place(.file), .present.join(", "), .missing.join(", ")
    )]
    MissingVars {
        /// The variables that are set.
        present: Vec<&'static str>,
        /// The required variables that are not.
        missing: Vec<&'static str>,
        /// The `.env` file they were read from.
        file: Option<PathBuf>,
    },
    /// `DATABASE_URL_FILE` could not be read.
    #[error("cannot read DATABASE_URL_FILE {}", .path.display())]
    UnreadableFile {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// `DATABASE_URL_FILE` names an empty (or whitespace-only) file.
    #[error("DATABASE_URL_FILE {} is empty", .path.display())]
    EmptyFile {
        /// The file.
        path: PathBuf,
    },
    /// The `.env` file exists but cannot be read.
    #[error("cannot read .env file {}", .path.display())]
    DotEnvIo {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The `.env` file is malformed; `detail` names the line, never its text.
    #[error("cannot parse .env file {}: {detail}", .path.display())]
    DotEnvSyntax {
        /// The file.
        path: PathBuf,
        /// Line number and variable name.
        detail: String,
    },
    /// The secret (AWS or file) gave no URL.
    #[error(transparent)]
    Secret(#[from] super::SecretError),
    /// The working directory is unknown (needed for `.env` and the SQLite default).
    #[error("cannot read the working directory")]
    WorkingDir(#[source] std::io::Error),
}
