//! Names for the places a URL can come from, used in messages.

use std::fmt;

/// Where a database URL was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlSource {
    /// The `--database-url` flag.
    Flag,
    /// The `DATABASE_URL` variable.
    Env,
    /// The file named by `DATABASE_URL_FILE` (a mounted secret).
    File,
    /// The `POSTGRES_*` variables.
    PostgresVars,
    /// A `.env` file in the working directory.
    DotEnv,
    /// An AWS Secrets Manager secret (`--secret-id`).
    Secret,
    /// A local secret file (`--secret-file`).
    SecretFile,
    /// The embedded SQLite default.
    Default,
    /// The variable `url_var` of `autogen.toml` names.
    ConfigVar,
    /// `default_url` of `autogen.toml`.
    ConfigDefault,
    /// `diff --from`.
    DiffFrom,
    /// `diff --to`.
    DiffTo,
}

impl fmt::Display for UrlSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            UrlSource::Flag => "--database-url",
            UrlSource::Env => "DATABASE_URL",
            UrlSource::File => "DATABASE_URL_FILE",
            UrlSource::PostgresVars => "POSTGRES_* variables",
            UrlSource::DotEnv => ".env file",
            UrlSource::Secret => "the AWS secret (--secret-id)",
            UrlSource::SecretFile => "the secret file (--secret-file)",
            UrlSource::Default => "the embedded SQLite default",
            UrlSource::ConfigVar => "the url_var variable of autogen.toml",
            UrlSource::ConfigDefault => "default_url of autogen.toml",
            UrlSource::DiffFrom => "--from",
            UrlSource::DiffTo => "--to",
        })
    }
}
