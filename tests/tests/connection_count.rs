//! No connection opened that is not used: each command opens exactly one connection per
//! database it reads (the session's own; no probe before it). Counted by a loopback proxy in
//! front of the real server.

use tests::process::{cli, success};
use tests::proxy::{Proxy, host_port};
use tests::{Backend, TempDir, TestDb};

/// `current`: one connection.
async fn current_opens_one(backend: Backend) {
    let db = TestDb::new(backend, "conncount").await;
    let dir = TempDir::new();
    let proxy = Proxy::start(&host_port(&db.url));
    let output = cli(&dir.path)
        .arg("current")
        .env("DATABASE_URL", proxy.redirect(&db.url))
        .output()
        .unwrap();
    success(&output);
    assert_eq!(
        proxy.accepted(),
        1,
        "{backend:?}: connections opened by `current`"
    );
}

#[tokio::test]
async fn current_opens_one_connection_postgres() {
    current_opens_one(Backend::Postgres).await;
}

#[tokio::test]
async fn current_opens_one_connection_mysql() {
    current_opens_one(Backend::MySql).await;
}

#[tokio::test]
async fn diff_opens_one_connection_per_database() {
    let a = TestDb::new(Backend::Postgres, "conncount_a").await;
    let b = TestDb::new(Backend::Postgres, "conncount_b").await;
    let dir = TempDir::new();
    let (pa, pb) = (
        Proxy::start(&host_port(&a.url)),
        Proxy::start(&host_port(&b.url)),
    );
    let output = cli(&dir.path)
        .args([
            "diff",
            "--from",
            &pa.redirect(&a.url),
            "--to",
            &pb.redirect(&b.url),
        ])
        .output()
        .unwrap();
    success(&output);
    assert_eq!(
        (pa.accepted(), pb.accepted()),
        (1, 1),
        "connections per database"
    );
}
