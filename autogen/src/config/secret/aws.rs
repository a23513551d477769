//! AWS Secrets Manager through the official SDK. Region and credentials come from the usual
//! chain (`AWS_REGION`, `AWS_PROFILE`, the environment, web identity, the container or
//! instance role); `AWS_ENDPOINT_URL` (or `--aws-endpoint-url`) points it elsewhere, as tests
//! do with moto.

use std::time::Duration;

use aws_config::retry::RetryConfig;
use aws_config::timeout::TimeoutConfig;
use aws_config::{BehaviorVersion, Region};
use aws_sdk_secretsmanager::error::SdkError;
use aws_sdk_secretsmanager::operation::get_secret_value::GetSecretValueError;
use aws_smithy_http_client::tls::{Provider, rustls_provider::CryptoMode};

use super::SecretError;

/// The `SecretString` of secret `id`. `timeout` bounds the whole call: credentials lookup,
/// connection, retries.
pub(super) async fn fetch(
    id: &str,
    region: Option<&str>,
    endpoint_url: Option<&str>,
    timeout: Duration,
) -> Result<String, SecretError> {
    let timed_out = || SecretError::Timeout {
        id: id.to_string(),
        seconds: timeout.as_secs(),
    };
    // Boxed: the SDK's futures are deep enough to overflow the callers' layout computation.
    let call = Box::pin(fetch_unbounded(id, region, endpoint_url, timeout));
    tokio::time::timeout(timeout, call)
        .await
        .map_err(|_| timed_out())?
}

async fn fetch_unbounded(
    id: &str,
    region: Option<&str>,
    endpoint_url: Option<&str>,
    timeout: Duration,
) -> Result<String, SecretError> {
    // rustls on ring: the SDK's default client would compile aws-lc-rs, a C library.
    let http = aws_smithy_http_client::Builder::new()
        .tls_provider(Provider::Rustls(CryptoMode::Ring))
        .build_https();
    let mut loader = aws_config::defaults(BehaviorVersion::latest())
        .http_client(http)
        // Short backoff: three quick attempts, so a refusal is reported as one within the
        // bound rather than hidden behind "no answer".
        .retry_config(
            RetryConfig::standard()
                .with_max_attempts(3)
                .with_initial_backoff(Duration::from_millis(200)),
        )
        .timeout_config(
            TimeoutConfig::builder()
                .connect_timeout(timeout)
                .operation_attempt_timeout(timeout)
                .operation_timeout(timeout)
                .build(),
        );
    if let Some(region) = region {
        loader = loader.region(Region::new(region.to_string()));
    }
    if let Some(url) = endpoint_url {
        loader = loader.endpoint_url(url);
    }
    let config = loader.load().await;
    if config.region().is_none() {
        return Err(SecretError::NoRegion { id: id.to_string() });
    }
    let client = aws_sdk_secretsmanager::Client::new(&config);
    let answer = client.get_secret_value().secret_id(id).send().await;
    let output = answer.map_err(|e| classify(id, e))?;
    output
        .secret_string
        .ok_or_else(|| SecretError::NotText { id: id.to_string() })
}

/// "Not found" apart from every other failure; both keep the SDK's error as the cause.
fn classify(id: &str, err: SdkError<GetSecretValueError>) -> SecretError {
    let not_found = matches!(
        err.as_service_error(),
        Some(GetSecretValueError::ResourceNotFoundException(_))
    );
    let source = Box::new(err);
    if not_found {
        SecretError::NotFound {
            id: id.to_string(),
            source,
        }
    } else {
        SecretError::Fetch {
            id: id.to_string(),
            source,
        }
    }
}
