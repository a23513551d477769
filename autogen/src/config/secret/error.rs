//! Errors while fetching or reading a secret. They name the secret (id or file) and the key,
//! never a value: the text of a secret is a password.

use std::path::PathBuf;

/// Why a secret gave no database URL.
#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    /// No AWS region from `--region`, `AWS_REGION` or the profile.
    #[error("secret '{id}': no AWS region (give --region, or set AWS_REGION or a profile region)")]
    NoRegion {
        /// The secret id.
        id: String,
    },
    /// Secrets Manager has no secret of that id (or it is scheduled for deletion).
    #[error("secret '{id}' not found in AWS Secrets Manager")]
    NotFound {
        /// The secret id.
        id: String,
        /// The service's answer.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The call failed (network, credentials, permissions).
    #[error("cannot fetch secret '{id}' from AWS Secrets Manager")]
    Fetch {
        /// The secret id.
        id: String,
        /// The SDK's error, with its causes.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// autogen was built without the `aws-secrets` feature.
    #[error(
        "secret '{id}': this autogen was built without AWS Secrets Manager support (feature `aws-secrets`); use --secret-file or --database-url"
    )]
    AwsNotBuilt {
        /// The secret id.
        id: String,
    },
    /// The call did not finish in time.
    #[error(
        "cannot fetch secret '{id}' from AWS Secrets Manager: no answer within {seconds}s (see --connect-timeout)"
    )]
    Timeout {
        /// The secret id.
        id: String,
        /// The bound.
        seconds: u64,
    },
    /// The secret has no `SecretString` (binary secrets are not database credentials).
    #[error("secret '{id}' has no SecretString (binary secrets are not supported)")]
    NotText {
        /// The secret id.
        id: String,
    },
    /// The secret file cannot be read.
    #[error("cannot read secret file {}", .path.display())]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The secret is empty.
    #[error("{what} is empty")]
    Empty {
        /// `secret 'id'` or `secret file <path>`.
        what: String,
    },
    /// The text starts like JSON but is not valid JSON (the parser names a position only).
    #[error("{what} is not valid JSON")]
    Json {
        /// `secret 'id'` or `secret file <path>`.
        what: String,
        /// The parser's error.
        #[source]
        source: serde_json::Error,
    },
    /// The JSON is not an object.
    #[error("{what} must be a JSON object or a database URL")]
    NotObject {
        /// `secret 'id'` or `secret file <path>`.
        what: String,
    },
    /// A required key is absent.
    #[error("{what} has no key '{key}' (expected engine, host, port, username, password, dbname)")]
    MissingKey {
        /// `secret 'id'` or `secret file <path>`.
        what: String,
        /// The key.
        key: &'static str,
    },
    /// A key holds the wrong kind of value.
    #[error("{what}: key '{key}' {problem}")]
    BadKey {
        /// `secret 'id'` or `secret file <path>`.
        what: String,
        /// The key.
        key: &'static str,
        /// What it must be.
        problem: &'static str,
    },
    /// `engine` names a database this tool does not support (the engine is not a secret).
    #[error("{what}: key 'engine' is '{engine}'; expected postgres, mysql or mariadb")]
    UnsupportedEngine {
        /// `secret 'id'` or `secret file <path>`.
        what: String,
        /// The value.
        engine: String,
    },
    /// The URL the secret holds (or that was built from it) is refused.
    #[error("{what} does not hold a usable database URL")]
    Url {
        /// `secret 'id'` or `secret file <path>`.
        what: String,
        /// Why (never quotes the URL).
        #[source]
        source: Box<super::super::ConfigError>,
    },
}
