//! A moto server (PyPI `moto[server]`, installed by `scripts/test.sh`) on a free loopback port:
//! a real HTTP implementation of AWS Secrets Manager for the secret tests. A missing
//! `moto_server` fails the test, it is never skipped. The server is killed on drop.

use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use aws_sdk_secretsmanager::Client;
use aws_sdk_secretsmanager::config::{BehaviorVersion, Credentials, Region};
use aws_smithy_http_client::tls::{Provider, rustls_provider::CryptoMode};

/// The fake credentials and region moto accepts; the `cli` gets them through the environment.
/// The instance metadata service and the user's AWS files are switched off, so that no test
/// ever looks for credentials beyond this machine.
pub const ENV: [(&str, &str); 6] = [
    ("AWS_ACCESS_KEY_ID", "testing"),
    ("AWS_SECRET_ACCESS_KEY", "testing"),
    ("AWS_REGION", "us-east-1"),
    ("AWS_EC2_METADATA_DISABLED", "true"),
    ("AWS_CONFIG_FILE", "/nonexistent/aws-config"),
    (
        "AWS_SHARED_CREDENTIALS_FILE",
        "/nonexistent/aws-credentials",
    ),
];

/// A running moto server.
pub struct Moto {
    child: Child,
    /// `http://127.0.0.1:<port>`.
    pub endpoint: String,
    log: std::path::PathBuf,
}

/// A loopback port nothing listens on (bound, then released).
pub fn free_port() -> u16 {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

impl Moto {
    /// Starts `moto_server` and waits (at most 60 s) until it accepts connections.
    pub fn start() -> Moto {
        let port = free_port();
        let log = std::env::temp_dir().join(crate::unique("moto_log"));
        let file = std::fs::File::create(&log).expect("moto log file");
        let child = Command::new("moto_server")
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdin(Stdio::null())
            .stdout(file.try_clone().expect("log handle"))
            .stderr(file)
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot start moto_server ({e}): run scripts/test.sh, which installs moto[server]")
            });
        let mut moto = Moto {
            child,
            endpoint: format!("http://127.0.0.1:{port}"),
            log,
        };
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        let deadline = Instant::now() + Duration::from_secs(60);
        while TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_err() {
            if let Ok(Some(status)) = moto.child.try_wait() {
                panic!("moto_server exited with {status}: {}", moto.log_text());
            }
            assert!(
                Instant::now() < deadline,
                "moto_server did not start within 60s"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        moto
    }

    /// An SDK client for this server, with the fake credentials.
    pub fn client(&self) -> Client {
        let http = aws_smithy_http_client::Builder::new()
            .tls_provider(Provider::Rustls(CryptoMode::Ring))
            .build_https();
        let config = aws_sdk_secretsmanager::Config::builder()
            .behavior_version(BehaviorVersion::latest())
            .credentials_provider(Credentials::new("testing", "testing", None, None, "moto"))
            .region(Region::new("us-east-1"))
            .endpoint_url(&self.endpoint)
            .http_client(http)
            .build();
        Client::from_conf(config)
    }

    /// Creates secret `name` holding `text` as its `SecretString`.
    pub async fn create_secret(&self, name: &str, text: &str) {
        self.client()
            .create_secret()
            .name(name)
            .secret_string(text)
            .send()
            .await
            .unwrap_or_else(|e| panic!("create secret {name}: {e:?}"));
    }

    /// How many API calls (`POST /`) the server has answered so far, from its request log.
    pub fn requests(&self) -> usize {
        self.log_text().matches("\"POST / HTTP").count()
    }

    fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_file(&self.log);
    }
}
