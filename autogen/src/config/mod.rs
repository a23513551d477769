//! Where the database URL comes from, and how it is shown without its password.

mod error;
mod postgres_vars;
mod resolve;
mod secret;
mod secrets;
mod source;
mod url;

pub use error::ConfigError;
pub use resolve::{
    DEFAULT_SQLITE_FILE, DEFAULT_SQLITE_URL, resolve_database_url, resolve_with_secret,
};
pub use secret::{SecretError, SecretSource};
pub use secrets::scrub_known_secrets;
pub use source::UrlSource;
pub use url::{DatabaseUrl, redact as redact_url};

/// Variables from `(name, value)` pairs, for the unit tests of resolution.
#[cfg(test)]
fn test_vars(pairs: &[(&str, &str)]) -> std::collections::HashMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}
