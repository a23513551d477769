//! Database credentials kept as a secret: in AWS Secrets Manager (`--secret-id`) or in a local
//! file of the same shape (`--secret-file`). The secret's text is a whole URL or the JSON that
//! RDS writes; [`rds_json`] turns either into a [`DatabaseUrl`].

// Without the `aws-secrets` feature the AWS SDK is not compiled; `--secret-id` is refused.
#[cfg_attr(not(feature = "aws-secrets"), path = "aws_off.rs")]
mod aws;
mod error;
mod file;
mod rds_json;

use std::path::PathBuf;
use std::time::Duration;

pub use error::SecretError;

use super::DatabaseUrl;

/// Where the secret is, and how to reach it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum SecretSource {
    /// No secret configured.
    #[default]
    None,
    /// An AWS Secrets Manager secret (name or ARN).
    Aws {
        /// The secret id.
        id: String,
        /// `--region`; `None` takes the usual AWS chain (`AWS_REGION`, profile).
        region: Option<String>,
        /// `--aws-endpoint-url`; `None` lets the SDK read `AWS_ENDPOINT_URL`.
        endpoint_url: Option<String>,
    },
    /// A local JSON (or URL) file, for development.
    File(PathBuf),
}

impl SecretSource {
    /// The source the `--secret-id`, `--secret-file`, `--region` and `--aws-endpoint-url`
    /// values describe; the id wins when both are given (the CLI refuses that combination).
    pub fn from_flags(
        secret_id: Option<&str>,
        secret_file: Option<&std::path::Path>,
        region: Option<&str>,
        endpoint_url: Option<&str>,
    ) -> SecretSource {
        match (secret_id, secret_file) {
            (Some(id), _) => SecretSource::Aws {
                id: id.to_string(),
                region: region.map(str::to_string),
                endpoint_url: endpoint_url.map(str::to_string),
            },
            (None, Some(path)) => SecretSource::File(path.to_path_buf()),
            (None, None) => SecretSource::None,
        }
    }

    /// How the secret is named in messages: `secret 'id'` or `secret file <path>`.
    pub fn describe(&self) -> String {
        match self {
            SecretSource::None => "no secret".to_string(),
            SecretSource::Aws { id, .. } => format!("secret '{id}'"),
            SecretSource::File(path) => format!("secret file {}", path.display()),
        }
    }

    /// The flag that configured it, for notes when a higher source wins.
    pub fn flag(&self) -> &'static str {
        match self {
            SecretSource::None => "",
            SecretSource::Aws { .. } => "--secret-id",
            SecretSource::File(_) => "--secret-file",
        }
    }

    /// Fetches (or reads) the secret once and builds the URL; `timeout` bounds the whole AWS
    /// call, credentials lookup included. `Ok(None)` when no secret is configured.
    pub async fn fetch(&self, timeout: Duration) -> Result<Option<DatabaseUrl>, SecretError> {
        let what = self.describe();
        let text = match self {
            SecretSource::None => return Ok(None),
            SecretSource::Aws {
                id,
                region,
                endpoint_url,
            } => aws::fetch(id, region.as_deref(), endpoint_url.as_deref(), timeout).await?,
            SecretSource::File(path) => file::read(path)?,
        };
        rds_json::url_from_secret(&text, &what, self.url_source()).map(Some)
    }

    fn url_source(&self) -> super::UrlSource {
        match self {
            SecretSource::File(_) => super::UrlSource::SecretFile,
            _ => super::UrlSource::Secret,
        }
    }
}
