//! Where the database URL comes from, and how it is shown without its password.

mod error;
mod postgres_vars;
mod resolve;
mod secrets;
mod source;
mod url;

pub use error::ConfigError;
pub use resolve::{DEFAULT_SQLITE_FILE, DEFAULT_SQLITE_URL, resolve_database_url};
pub use secrets::scrub_known_secrets;
pub use source::UrlSource;
pub use url::{DatabaseUrl, redact as redact_url};
