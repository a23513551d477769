//! The service over HTTP on a loopback port, against real PostgreSQL databases migrated by
//! the toolkit: every status code of `/token`, `/users/me` and `/healthz`.

use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use autogen::runtime::{ConnectOptions, Migrations, Migrator, RunOptions};
use reqwest::StatusCode;
use serde_json::Value;
use service::auth::Keys;
use service::users::create_user;
use tests::process::std_command;
use tests::{Backend, TempDir, TestDb};

const TOKEN_SECRET: &str = "test-token-secret-of-at-least-32-bytes";

/// The service binary, killed on drop.
struct Service {
    child: Child,
    base: String,
}

impl Drop for Service {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the service in `dir` with `args` and waits (at most 60 s) for its "listening" line.
fn start(dir: &TempDir, args: &[&str]) -> Service {
    let mut child = std_command(env!("CARGO_BIN_EXE_service").as_ref(), &dir.path)
        .args(["--listen", "127.0.0.1:0"])
        .args(args)
        .env("SERVICE_TOKEN_SECRET", TOKEN_SECRET)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the service");
    let stderr = child.stderr.take().expect("stderr");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(addr) = line.split("listening on ").nth(1) {
                let _ = tx.send(addr.trim().to_string());
            }
        }
    });
    let base = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("the service did not say where it listens within 60s");
    Service { child, base }
}

/// `GET /healthz`: status and body.
async fn healthz(http: &reqwest::Client, svc: &Service) -> (StatusCode, String) {
    let answer = http
        .get(format!("{}/healthz", svc.base))
        .send()
        .await
        .unwrap();
    (answer.status(), answer.text().await.unwrap())
}

async fn migrate(db: &TestDb) {
    let migrations = Migrations::new(migration::revisions()).expect("migrations");
    let migrator = Migrator::connect(&db.database_url(), &migrations, &ConnectOptions::default())
        .await
        .expect("connect");
    migrator
        .upgrade(
            "head",
            &RunOptions {
                lock_timeout: Duration::from_secs(30),
                allow_modified: false,
                ..RunOptions::default()
            },
        )
        .await
        .expect("upgrade");
}

#[tokio::test]
async fn token_users_me_and_healthz() {
    let db = TestDb::new(Backend::Postgres, "service_http").await;
    migrate(&db).await;
    let conn = db.connect().await;
    let password = "correct horse battery staple";
    let id = create_user(&conn, "ada@example.com", password, "Ada")
        .await
        .expect("create user");
    let dir = TempDir::new();
    let svc = start(&dir, &["--database-url", &db.url]);
    let http = reqwest::Client::new();
    let url = |path: &str| format!("{}{path}", svc.base);

    let health = http.get(url("/healthz")).send().await.unwrap();
    assert_eq!(health.status(), StatusCode::OK);
    let body: Value = health.json().await.unwrap();
    assert_eq!(
        (body["reachable"].clone(), body["at_head"].clone()),
        (true.into(), true.into()),
        "{body}"
    );

    let login = |email: &str, pw: &str| {
        http.post(url("/token"))
            .json(&serde_json::json!({"email": email, "password": pw}))
            .send()
    };
    assert_eq!(
        login("ada@example.com", "wrong").await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        login("nobody@example.com", password)
            .await
            .unwrap()
            .status(),
        StatusCode::UNAUTHORIZED
    );
    let answer = login("ada@example.com", password).await.unwrap();
    assert_eq!(answer.status(), StatusCode::OK);
    let answer: Value = answer.json().await.unwrap();
    assert_eq!(answer["token_type"], "bearer");
    let token = answer["access_token"].as_str().expect("token").to_string();

    let me = |auth: Option<String>| {
        let mut req = http.get(url("/users/me"));
        if let Some(a) = auth {
            req = req.header("authorization", a);
        }
        req.send()
    };
    assert_eq!(me(None).await.unwrap().status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        me(Some("Bearer not-a-token".into()))
            .await
            .unwrap()
            .status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        me(Some(format!("Basic {token}"))).await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );
    let forged = Keys::new(b"another-secret-another-secret-xx")
        .issue(id)
        .unwrap();
    assert_eq!(
        me(Some(format!("Bearer {forged}"))).await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );

    // Expired an hour ago (beyond the validator's 60 s leeway).
    let expired = Keys::new(TOKEN_SECRET.as_bytes())
        .issue_until(id, chrono::Utc::now().timestamp() - 3600)
        .unwrap();
    assert_eq!(
        me(Some(format!("Bearer {expired}")))
            .await
            .unwrap()
            .status(),
        StatusCode::UNAUTHORIZED
    );

    let ok = me(Some(format!("Bearer {token}"))).await.unwrap();
    assert_eq!(ok.status(), StatusCode::OK);
    let text = ok.text().await.unwrap();
    let user: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(user["id"], id.to_string());
    assert_eq!(user["email"], "ada@example.com");
    assert_eq!(user["full_name"], "Ada");
    assert!(user.get("hashed_password").is_none(), "{text}");
    assert!(!text.contains("argon2"), "{text}");

    // A valid token for a user that does not exist (any more).
    let ghost = Keys::new(TOKEN_SECRET.as_bytes())
        .issue(uuid::Uuid::new_v4())
        .unwrap();
    assert_eq!(
        me(Some(format!("Bearer {ghost}"))).await.unwrap().status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn healthz_is_503_behind_head_and_when_unreachable() {
    // An unmigrated database, configured through a secret file as a developer would.
    let db = TestDb::new(Backend::Postgres, "service_behind").await;
    let dir = TempDir::new();
    let parsed = url::Url::parse(&db.url).unwrap();
    let secret = serde_json::json!({
        "engine": "postgres", "host": parsed.host_str().unwrap(), "port": parsed.port().unwrap_or(5432),
        "username": "postgres", "password": "Svc-secret-Zq8", "dbname": db.name,
    });
    let path = dir.path.join("local_secret_file.json");
    std::fs::write(&path, secret.to_string()).unwrap();
    let svc = start(&dir, &["--secret-file", path.to_str().unwrap()]);
    let http = reqwest::Client::new();
    let (status, text) = healthz(&http, &svc).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    let body: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(body["reachable"], true, "{body}");
    assert_eq!(body["at_head"], false, "{body}");

    // The database disappears under the running service.
    let admin = tests::admin_connection(Backend::Postgres).await.unwrap();
    sea_orm::ConnectionTrait::execute_unprepared(
        &admin,
        &format!("DROP DATABASE \"{}\" WITH (FORCE)", db.name),
    )
    .await
    .unwrap();
    let (status, text) = healthz(&http, &svc).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    let body: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(body["reachable"], false, "{body}");
    assert!(
        body["error"].as_str().unwrap().contains("does not exist"),
        "{body}"
    );
    assert!(!text.contains("Svc-secret-Zq8"), "{text}");
}
