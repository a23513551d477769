//! Connecting to a PostgreSQL server that is still starting up (SQLSTATE 57P03): retried like a
//! refused connection, within `--connect-timeout`, and reported clearly when it never comes up.
//! The "starting" server is a loopback proxy in front of the real one that answers the first
//! connections with the postmaster's FATAL 57P03.

use std::time::{Duration, Instant};

use tests::process::{cli, one_line_error, success};
use tests::proxy::{Proxy, host_port};
use tests::{Backend, TempDir, TestDb};

#[tokio::test]
async fn starting_up_is_retried_within_connect_timeout() {
    let db = TestDb::new(Backend::Postgres, "startingup").await;
    let dir = TempDir::new();
    let proxy = Proxy::starting_up(&host_port(&db.url), 3);
    let started = Instant::now();
    let output = cli(&dir.path)
        .args(["--connect-timeout", "10", "current"])
        .env("DATABASE_URL", proxy.redirect(&db.url))
        .output()
        .unwrap();
    success(&output);
    eprintln!(
        "[reliability] 57P03 x3 then up: connected after {:?}, {} connection attempts",
        started.elapsed(),
        proxy.accepted()
    );
    assert!(proxy.accepted() > 3, "the refusals were retried");
}

#[tokio::test]
async fn never_up_fails_within_connect_timeout() {
    let db = TestDb::new(Backend::Postgres, "neverup").await;
    let dir = TempDir::new();
    let proxy = Proxy::starting_up(&host_port(&db.url), usize::MAX);
    let started = Instant::now();
    let output = cli(&dir.path)
        .args(["--connect-timeout", "2", "current"])
        .env("DATABASE_URL", proxy.redirect(&db.url))
        .output()
        .unwrap();
    let took = started.elapsed();
    let line = one_line_error(&output, &["starting up", "2s"]);
    eprintln!("[reliability] 57P03 forever, --connect-timeout 2: {took:?}: {line}");
    assert!(took < Duration::from_secs(2 + 5), "took {took:?}");
    assert!(proxy.accepted() > 1, "retried before giving up");
}
