//! Readable diffs (issue 11): `check --diff` and `diff --diff` print a unified diff of
//! normalized DDL, plain when stdout is not a terminal.
//!
//! Needs the `cli` binary: see `tests::process`.

use sea_orm::ConnectionTrait;
use tests::process::{cli_on, success, texts};
use tests::{Backend, TempDir, TestDb, per_backend};

/// The `+`/`-` lines of a unified diff, headers left out.
fn changed(diff: &str) -> Vec<&str> {
    diff.lines()
        .filter(|l| {
            (l.starts_with('+') || l.starts_with('-'))
                && !l.starts_with("+++")
                && !l.starts_with("---")
        })
        .collect()
}

async fn one_column_change(backend: Backend) {
    let db = TestDb::new(backend, "ddl_diff").await;
    let other = TestDb::new(backend, "ddl_diff_to").await;
    let dir = TempDir::new();
    success(&cli_on(&dir.path, &db.url, &["upgrade"]));
    success(&cli_on(&dir.path, &other.url, &["upgrade"]));
    let conn = db.connect().await;
    conn.execute_unprepared(&format!(
        "ALTER TABLE {} ADD COLUMN nickname integer NULL",
        backend.ident("user")
    ))
    .await
    .unwrap();

    let out = cli_on(&dir.path, &db.url, &["check", "--diff"]);
    let (stdout, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert!(
        stdout.starts_with("--- database\n+++ entities\n@@ "),
        "{stdout}"
    );
    assert!(
        !stdout.contains('\x1b'),
        "colour when not a terminal: {stdout:?}"
    );
    let lines = changed(&stdout);
    assert_eq!(lines.len(), 1, "{stdout}");
    assert!(
        lines[0].starts_with(&format!("-  {} ", backend.ident("nickname"))),
        "{stdout}"
    );
    // Context: the table's neighbouring column lines.
    assert!(stdout.contains(&backend.ident("updated_at")), "{stdout}");

    // In sync: the usual line, exit 0.
    let out = success(&cli_on(&dir.path, &other.url, &["check", "--diff"]));
    assert_eq!(out, "No changes detected: the database matches.\n");

    // diff --diff between two databases: the column is added to --from's DDL.
    let out = cli_on(
        &dir.path,
        &db.url,
        &["diff", "--from", &other.url, "--to", &db.url, "--diff"],
    );
    let (stdout, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert!(stdout.starts_with("--- from\n+++ to\n"), "{stdout}");
    let lines = changed(&stdout);
    assert_eq!(lines.len(), 1, "{stdout}");
    assert!(
        lines[0].starts_with(&format!("+  {} ", backend.ident("nickname"))),
        "{stdout}"
    );
}

per_backend!(one_column_change);
