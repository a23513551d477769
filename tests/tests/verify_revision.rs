//! `revision --autogenerate --verify` (issue 11): the new revision runs on a scratch copy of
//! the current schema before it is written; a broken downgrade is caught, named by its op,
//! and nothing is written. The break is made with the test-only `AUTOGEN_TEST_BREAK_DOWN`,
//! which adds a failing statement to the downgrade of the first op of a kind.
//!
//! Needs the `cli` binary: see `tests::process`.

use sea_orm::ConnectionTrait;
use tests::process::texts;
use tests::{Backend, TempDir, TestDb, per_backend};

async fn verify_catches_a_broken_downgrade(backend: Backend) {
    let db = TestDb::new(backend, "verify").await;
    let dir = TempDir::new();
    let versions = TempDir::new();
    let v = versions.path.to_string_lossy().into_owned();
    tests::process::success(&tests::process::cli_on(&dir.path, &db.url, &["upgrade"]));
    let conn = db.connect().await;
    conn.execute_unprepared(&format!(
        "ALTER TABLE {} ADD COLUMN legacy_note integer NULL",
        backend.ident("user")
    ))
    .await
    .unwrap();
    let args = [
        "revision",
        "--autogenerate",
        "--verify",
        "-m",
        "drop legacy",
        "--versions-dir",
        &v,
    ];

    // Broken downgrade: refused, the op named, nothing written.
    let out = tests::process::cli(&dir.path)
        .args(args)
        .env("DATABASE_URL", &db.url)
        .env("AUTOGEN_TEST_BREAK_DOWN", "add_column")
        .output()
        .unwrap();
    let (stdout, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(2), "{stdout}{stderr}");
    let error = stderr
        .lines()
        .find(|l| l.starts_with("error: "))
        .unwrap_or_else(|| panic!("{stderr}"));
    assert!(
        error.starts_with(
            "error: --verify: downgrade of op `add column user.legacy_note (integer NULL)` failed: "
        ),
        "{error}"
    );
    assert!(error.contains("no revision written"), "{error}");
    assert_eq!(std::fs::read_dir(&versions.path).unwrap().count(), 0);

    // The real revision passes and is written; the database itself is untouched.
    let out = tests::process::cli_on(&dir.path, &db.url, &args);
    let (stdout, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert!(
        stdout.contains("Verified on a scratch copy: upgrade, nothing left to generate, downgrade restores the schema."),
        "{stdout}"
    );
    assert_eq!(std::fs::read_dir(&versions.path).unwrap().count(), 1);
    let out = tests::process::cli_on(&dir.path, &db.url, &["check"]);
    assert_eq!(out.status.code(), Some(1), "the column is still there");
}

per_backend!(verify_catches_a_broken_downgrade);
