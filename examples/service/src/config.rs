//! The service's settings. The database URL comes from the toolkit's resolver, in the same
//! order as the migrator's: `--database-url`, `DATABASE_URL`, `DATABASE_URL_FILE`,
//! `POSTGRES_*`, `.env`, the secret (`--secret-id` / `--secret-file`), then SQLite.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use autogen::config::{ConfigError, DatabaseUrl, SecretSource, resolve_with_secret};
use clap::Parser;

/// The example service.
#[derive(Debug, Parser)]
#[command(
    name = "service",
    about = "The example service: /token, /users/me, /healthz"
)]
pub struct Settings {
    /// Address to listen on.
    #[arg(long, env = "SERVICE_LISTEN", default_value = "127.0.0.1:8000")]
    pub listen: SocketAddr,
    /// Secret that signs the tokens (at least 32 bytes).
    #[arg(long, env = "SERVICE_TOKEN_SECRET", hide_env_values = true)]
    pub token_secret: String,
    /// Database URL; overrides DATABASE_URL, DATABASE_URL_FILE, POSTGRES_*, .env and secrets.
    #[arg(long)]
    pub database_url: Option<String>,
    /// AWS Secrets Manager secret holding the URL or RDS JSON.
    #[arg(long, env = "AUTOGEN_SECRET_ID", conflicts_with = "secret_file")]
    pub secret_id: Option<String>,
    /// Local file with the secret's content.
    #[arg(long, env = "AUTOGEN_SECRET_FILE")]
    pub secret_file: Option<PathBuf>,
    /// AWS region for --secret-id.
    #[arg(long)]
    pub region: Option<String>,
    /// Seconds to wait for the database (and Secrets Manager) to answer.
    #[arg(long, default_value = "10")]
    pub connect_timeout: u64,
}

/// The shortest token secret accepted: HS256 wants at least its 256-bit output.
pub const MIN_TOKEN_SECRET: usize = 32;

impl Settings {
    /// The secret source the flags describe.
    pub fn secret_source(&self) -> SecretSource {
        SecretSource::from_flags(
            self.secret_id.as_deref(),
            self.secret_file.as_deref(),
            self.region.as_deref(),
            None,
        )
    }

    /// The database URL, resolved as the migrator resolves it.
    pub async fn database_url(&self) -> Result<DatabaseUrl, ConfigError> {
        let cwd = std::env::current_dir().map_err(ConfigError::WorkingDir)?;
        resolve_with_secret(
            self.database_url.as_deref(),
            &cwd,
            &self.secret_source(),
            self.timeout(),
        )
        .await
    }

    /// `--connect-timeout` as a duration (at least one second).
    pub fn timeout(&self) -> Duration {
        Duration::from_secs(self.connect_timeout.max(1))
    }
}
