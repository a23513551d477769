//! `check --against-migrations` (issue 11): the chain replayed into a scratch database and
//! compared with the entities, every down run back to base; the scratch database is gone
//! afterwards, after a success, a failure and Ctrl-C.
//!
//! Needs the `cli` binary: see `tests::process`.

use std::path::Path;
use std::time::{Duration, Instant};

use sea_orm::{ConnectionTrait, Statement};
use tests::process::{cli_on, std_command, texts};
use tests::{Backend, TempDir, TestDb, admin_connection, per_backend};

const FIXTURE: &str = env!("CARGO_BIN_EXE_autogen_fixture");
const NOTE: &str = "note: replaying the migrations into scratch database ";

/// The scratch database a run named on stderr.
fn scratch_name(stderr: &str) -> String {
    stderr
        .lines()
        .find_map(|l| l.strip_prefix(NOTE))
        .unwrap_or_else(|| panic!("no scratch note in {stderr}"))
        .to_string()
}

/// Panics if the server still has database `name` (SQLite's is in memory: nothing to look at).
async fn assert_gone(backend: Backend, name: &str) {
    let Some(admin) = admin_connection(backend).await else {
        assert_eq!(name, ":memory:");
        return;
    };
    let sql = match backend {
        Backend::Postgres => format!("SELECT 1 FROM pg_database WHERE datname = '{name}'"),
        _ => format!("SELECT 1 FROM information_schema.schemata WHERE schema_name = '{name}'"),
    };
    let row = admin
        .query_one_raw(Statement::from_string(admin.get_database_backend(), sql))
        .await
        .unwrap();
    assert!(row.is_none(), "scratch database {name} still exists");
}

/// The project's own chain builds exactly the entities, and its downs leave nothing.
async fn own_chain_passes(backend: Backend) {
    let db = TestDb::new(backend, "against_ok").await;
    let dir = TempDir::new();
    let out = cli_on(&dir.path, &db.url, &["check", "--against-migrations"]);
    let (stdout, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert_eq!(
        stdout,
        "No changes detected: the database matches.\nDowngrade to base leaves only the version table.\n"
    );
    assert_gone(backend, &scratch_name(&stderr)).await;
    // The configured database itself was never touched.
    let conn = db.connect().await;
    let (schema, _) = autogen::drift::current_schema(&conn).await.unwrap();
    assert!(schema.tables.is_empty(), "{:?}", schema.tables.keys());
}

fn fixture(graph: &str, dir: &Path, url: &str) -> std::process::Command {
    let mut cmd = std_command(Path::new(FIXTURE), dir);
    cmd.env("AUTOGEN_FIXTURE", graph).env("DATABASE_URL", url);
    cmd
}

/// An entity ahead of the chain: exit 1 with the op, and the scratch database gone.
async fn entity_without_revision_fails(backend: Backend) {
    let db = TestDb::new(backend, "against_drift").await;
    let dir = TempDir::new();
    let out = fixture("entity_ahead", &dir.path, &db.url)
        .args(["check", "--against-migrations"])
        .output()
        .unwrap();
    let (stdout, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert!(
        stdout.starts_with("add column user.avatar_url (varchar"),
        "{stdout}"
    );
    assert!(
        stdout.ends_with("Downgrade to base leaves only the version table.\n"),
        "{stdout}"
    );
    assert_gone(backend, &scratch_name(&stderr)).await;

    let out = fixture("entity_ahead", &dir.path, &db.url)
        .args(["check", "--against-migrations", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let (stdout, _) = texts(&out);
    let value: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(value["ops"][0]["op"], "add_column");
    assert_eq!(value["ops"][0]["column"], "avatar_url");
    assert_eq!(value["down_to_base_left"], serde_json::json!([]));
}

/// A revision that fails: exit 2, and the scratch database is still dropped.
async fn failing_revision_drops_scratch(backend: Backend) {
    let db = TestDb::new(backend, "against_fail").await;
    let dir = TempDir::new();
    let out = fixture("failing", &dir.path, &db.url)
        .args(["check", "--against-migrations"])
        .output()
        .unwrap();
    let (stdout, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(2), "{stdout}{stderr}");
    assert!(stderr.lines().any(|l| l.starts_with("error: ")), "{stderr}");
    assert_gone(backend, &scratch_name(&stderr)).await;
}

/// Ctrl-C in the middle of a revision: exit 130, and the scratch database is dropped.
async fn interrupted_drops_scratch(backend: Backend) {
    let db = TestDb::new(backend, "against_int").await;
    let dir = TempDir::new();
    let mark = dir.path.join("started");
    let child = fixture("interruptible", &dir.path, &db.url)
        .env("AUTOGEN_FIXTURE_MARK", &mark)
        .env("AUTOGEN_FIXTURE_SLEEP", "60")
        .args(["check", "--against-migrations"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while !mark.exists() {
        assert!(Instant::now() < deadline, "the revision never started");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let out = child.wait_with_output().unwrap();
    let (stdout, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(130), "{stdout}{stderr}");
    assert!(
        stderr.contains("error: interrupted; the scratch database was dropped"),
        "{stderr}"
    );
    assert_gone(backend, &scratch_name(&stderr)).await;
}

per_backend!(
    own_chain_passes,
    entity_without_revision_fails,
    failing_revision_drops_scratch,
    interrupted_drops_scratch
);
