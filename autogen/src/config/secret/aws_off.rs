//! Stands in for `aws.rs` when the `aws-secrets` feature is off: the AWS SDK is not compiled,
//! and an AWS secret is refused with a one-line error.

use std::time::Duration;

use super::SecretError;

/// Refuses: this build has no AWS SDK.
pub(super) async fn fetch(
    id: &str,
    _region: Option<&str>,
    _endpoint_url: Option<&str>,
    _timeout: Duration,
) -> Result<String, SecretError> {
    Err(SecretError::AwsNotBuilt { id: id.to_string() })
}
