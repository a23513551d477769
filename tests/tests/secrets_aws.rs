//! `--secret-id` against a real Secrets Manager API (moto's server on a loopback port): a URL
//! secret, an RDS JSON secret with special characters in the password, a missing secret, a
//! missing key, a non-integer port, a server that refuses or never answers (bounded), a
//! secret fetched once per run, and precedence. The password is never printed, even at -vv.
//!
//! Needs the `cli` binary (see `tests::process`) and `moto_server` (scripts/test.sh installs it).

use std::io::Read;
use std::net::{Ipv4Addr, TcpListener};
use std::time::{Duration, Instant};

use tests::moto::{ENV, Moto, free_port};
use tests::process::{assert_no_secret, cli, one_line_error, success, texts};
use tests::{Backend, TempDir, TestDb, unique};

/// `cli <args>` in a fresh directory with the fake AWS credentials, against `endpoint`.
fn run(endpoint: &str, args: &[&str]) -> std::process::Output {
    let dir = TempDir::new();
    let mut cmd = cli(&dir.path);
    cmd.envs(ENV).env("AWS_ENDPOINT_URL", endpoint).args(args);
    cmd.output().expect("run cli")
}

/// The host, port and database of a test database's URL.
fn parts(db: &TestDb) -> (String, u16, String) {
    let url = url::Url::parse(&db.url).expect("test url");
    (
        url.host_str().expect("host").to_string(),
        url.port().unwrap_or(5432),
        db.name.clone(),
    )
}

fn rds_json(db: &TestDb, password: &str, port: serde_json::Value) -> String {
    let (host, _, name) = parts(db);
    serde_json::json!({
        "engine": "postgres", "host": host, "port": port,
        "username": "postgres", "password": password, "dbname": name,
    })
    .to_string()
}

#[tokio::test]
async fn url_secret_is_used_and_fetched_once() {
    let moto = Moto::start();
    let db = TestDb::new(Backend::Postgres, "secret_url").await;
    let (host, port, name) = parts(&db);
    let password = "Url-secret-Zq7";
    let secret = unique("db_connection_string_test");
    moto.create_secret(
        &secret,
        &format!("postgres://postgres:{password}@{host}:{port}/{name}"),
    )
    .await;
    let before = moto.requests();
    let out = run(&moto.endpoint, &["-vv", "--secret-id", &secret, "upgrade"]);
    success(&out);
    assert_no_secret(&out, password);
    assert_eq!(moto.requests() - before, 1, "one GetSecretValue per run");
    let out = run(&moto.endpoint, &["--secret-id", &secret, "current"]);
    let current = success(&out);
    assert!(current.contains("(head, current)"), "{current}");
}

#[tokio::test]
async fn rds_json_secret_with_special_password_connects() {
    let moto = Moto::start();
    let db = TestDb::new(Backend::Postgres, "secret_rds").await;
    // The server trusts loopback: the password is not checked, but it must survive the URL.
    let password = "p@ss:w/rd?#%&= +'\"Zq9";
    let secret = unique("rds_secret");
    moto.create_secret(&secret, &rds_json(&db, password, 5432.into()))
        .await;
    let out = run(&moto.endpoint, &["-vv", "--secret-id", &secret, "upgrade"]);
    success(&out);
    assert_no_secret(&out, password);
    assert_no_secret(&out, "p%40ss");
    // A string port is accepted, as RDS-compatible tools write it.
    let secret2 = unique("rds_string_port");
    moto.create_secret(&secret2, &rds_json(&db, password, "5432".into()))
        .await;
    let out = run(&moto.endpoint, &["--secret-id", &secret2, "current"]);
    let current = success(&out);
    assert!(
        current.contains("(head, current)"),
        "{current} {:?}",
        texts(&out).1
    );
}

#[tokio::test]
async fn bad_secrets_name_the_secret_and_key_never_a_value() {
    let moto = Moto::start();
    let db = TestDb::new(Backend::Postgres, "secret_bad").await;
    let password = "Bad-secret-Zq5";
    let out = run(
        &moto.endpoint,
        &["--secret-id", "no-such-secret", "current"],
    );
    one_line_error(
        &out,
        &["secret 'no-such-secret' not found in AWS Secrets Manager"],
    );

    let no_db = unique("no_dbname");
    let mut value: serde_json::Value =
        serde_json::from_str(&rds_json(&db, password, 5432.into())).unwrap();
    value.as_object_mut().unwrap().remove("dbname");
    moto.create_secret(&no_db, &value.to_string()).await;
    let out = run(&moto.endpoint, &["--secret-id", &no_db, "current"]);
    one_line_error(&out, &[&format!("secret '{no_db}' has no key 'dbname'")]);
    assert_no_secret(&out, password);

    let bad_port = unique("bad_port");
    moto.create_secret(&bad_port, &rds_json(&db, password, "54x2".into()))
        .await;
    let out = run(&moto.endpoint, &["--secret-id", &bad_port, "current"]);
    one_line_error(
        &out,
        &[&format!(
            "secret '{bad_port}': key 'port' must be an integer"
        )],
    );
    assert_no_secret(&out, password);
    assert_no_secret(&out, "54x2");
}

/// Asserts a bounded, clear failure: exit 2, one line naming the secret, within the timeout
/// plus a margin for process start-up.
fn assert_bounded(endpoint: &str, needles: &[&str]) {
    let started = Instant::now();
    let out = run(
        endpoint,
        &["--connect-timeout", "2", "--secret-id", "s1", "current"],
    );
    let took = started.elapsed();
    one_line_error(&out, needles);
    assert!(took < Duration::from_secs(2 + 8), "took {took:?}");
}

#[test]
fn unreachable_endpoint_is_a_bounded_clear_error() {
    // Nothing listens: refused at once, after the SDK's bounded retries.
    let closed = format!("http://127.0.0.1:{}", free_port());
    assert_bounded(
        &closed,
        &[
            "cannot fetch secret 's1' from AWS Secrets Manager",
            "connection refused",
        ],
    );

    // Accepts and never answers: the timeout speaks.
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    let port = listener.local_addr().unwrap().port();
    let holder = std::thread::spawn(move || {
        // Keep each accepted socket open without answering, until the test ends.
        let mut held = Vec::new();
        listener.set_nonblocking(true).unwrap();
        let until = Instant::now() + Duration::from_secs(20);
        while Instant::now() < until {
            match listener.accept() {
                Ok((mut s, _)) => {
                    let mut buf = [0u8; 1024];
                    let _ = s.set_read_timeout(Some(Duration::from_millis(10)));
                    let _ = s.read(&mut buf);
                    held.push(s);
                }
                Err(_) => std::thread::sleep(Duration::from_millis(20)),
            }
            if held.len() > 16 {
                break;
            }
        }
    });
    assert_bounded(
        &format!("http://127.0.0.1:{port}"),
        &["secret 's1'", "no answer within 2s"],
    );
    drop(holder);
}

#[tokio::test]
async fn higher_sources_win_and_the_secret_is_not_fetched() {
    let db = TestDb::new(Backend::Postgres, "secret_prec").await;
    // DATABASE_URL beats the secret: the endpoint is closed, so a fetch would fail.
    let closed = format!("http://127.0.0.1:{}", free_port());
    let dir = TempDir::new();
    let out = cli(&dir.path)
        .envs(ENV)
        .env("AWS_ENDPOINT_URL", &closed)
        .env("DATABASE_URL", &db.url)
        .args(["--secret-id", "ignored", "current"])
        .output()
        .unwrap();
    success(&out);
    let (_, err) = texts(&out);
    assert!(
        err.contains(
            "--secret-id (secret 'ignored') not used: the database URL comes from DATABASE_URL"
        ),
        "{err}"
    );
}

#[tokio::test]
async fn secret_file_has_the_same_shape() {
    let db = TestDb::new(Backend::Postgres, "secret_file").await;
    let dir = TempDir::new();
    let password = "File-secret-Zq3 #";
    let path = dir.path.join("local_secret_file.json");
    std::fs::write(&path, rds_json(&db, password, "5432".into())).unwrap();
    let out = cli(&dir.path)
        .args(["-vv", "--secret-file"])
        .arg(&path)
        .arg("upgrade")
        .output()
        .unwrap();
    success(&out);
    assert_no_secret(&out, password);
    std::fs::write(
        &path,
        r#"{"host":"h","username":"u","password":"File-secret-Zq3 #","dbname":"d","port":"x"}"#,
    )
    .unwrap();
    let out = cli(&dir.path)
        .arg("--secret-file")
        .arg(&path)
        .arg("current")
        .output()
        .unwrap();
    one_line_error(&out, &["secret file", "key 'port' must be an integer"]);
    assert_no_secret(&out, password);
    let out = cli(&dir.path)
        .args(["--secret-file", "missing.json", "current"])
        .output()
        .unwrap();
    one_line_error(&out, &["cannot read secret file missing.json"]);
}

#[test]
fn secret_flags_refuse_empty_conflicting_and_regionless_settings() {
    let closed = format!("http://127.0.0.1:{}", free_port());
    let dir = TempDir::new();
    let out = cli(&dir.path)
        .env("AUTOGEN_SECRET_ID", "")
        .arg("current")
        .output()
        .unwrap();
    one_line_error(&out, &["AUTOGEN_SECRET_ID is set but empty"]);
    let out = run(
        &closed,
        &["--secret-id", "a", "--secret-file", "b", "current"],
    );
    one_line_error(
        &out,
        &["--secret-id", "--secret-file", "cannot be used with"],
    );
    let out = cli(&dir.path)
        .envs(ENV.into_iter().filter(|(k, _)| *k != "AWS_REGION"))
        .env("AWS_ENDPOINT_URL", &closed)
        .args(["--secret-id", "s1", "current"])
        .output()
        .unwrap();
    one_line_error(&out, &["secret 's1': no AWS region"]);
    // --region supplies it: the call is then made (and refused by the closed port).
    let out = cli(&dir.path)
        .envs(ENV.into_iter().filter(|(k, _)| *k != "AWS_REGION"))
        .args([
            "--aws-endpoint-url",
            &closed,
            "--region",
            "eu-west-1",
            "--secret-id",
            "s1",
            "current",
        ])
        .output()
        .unwrap();
    one_line_error(&out, &["cannot fetch secret 's1'", "connection refused"]);
}
