//! Readable diffs (issue 11): `check --diff` and `diff --diff` print a unified diff of
//! normalized DDL, plain when stdout is not a terminal; the refusal of an edited applied
//! revision shows the changed line (recorded SQL against the file's SQL now).
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

const FIXTURE: &str = env!("CARGO_BIN_EXE_autogen_fixture");

fn fixture(graph: &str, dir: &std::path::Path, url: &str, args: &[&str]) -> std::process::Output {
    tests::process::command(std::path::Path::new(FIXTURE), dir)
        .env("AUTOGEN_FIXTURE", graph)
        .env("DATABASE_URL", url)
        .args(args)
        .output()
        .unwrap()
}

async fn edited_revision_shows_the_change(backend: Backend) {
    let db = TestDb::new(backend, "edited_diff").await;
    let dir = TempDir::new();
    success(&fixture("edited_before", &dir.path, &db.url, &["upgrade"]));

    // A run that touches the edited revision (its `down` would run) is refused; a run that
    // does not touch it is not checked (docs/RELIABILITY.md, "Edited revisions").
    let out = fixture("edited_after", &dir.path, &db.url, &["downgrade", "base"]);
    let (stdout, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(2), "{stdout}{stderr}");
    assert!(
        stderr.contains("--- ed0000000001 (applied)\n+++ ed0000000001 (file now)\n"),
        "{stderr}"
    );
    let added: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with('+') && !l.starts_with("+++"))
        .collect();
    assert_eq!(added.len(), 1, "{stderr}");
    assert!(
        added[0].starts_with("+CREATE TABLE") && added[0].contains(&backend.ident("added_later")),
        "{stderr}"
    );
    let removed: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with('-') && !l.starts_with("---"))
        .collect();
    assert_eq!(removed.len(), 1, "{stderr}");
    assert!(!removed[0].contains("added_later"), "{stderr}");
    assert!(
        stderr.lines().any(
            |l| l.starts_with("error: revision ed0000000001 was modified after it was applied")
        ),
        "{stderr}"
    );
    // --allow-modified stays the way past it.
    success(&fixture(
        "edited_after",
        &dir.path,
        &db.url,
        &["upgrade", "--allow-modified"],
    ));

    // A version table from before the column: the refusal says nothing was recorded, and the
    // next upgrade adds the column back.
    let conn = db.connect().await;
    conn.execute_unprepared(&format!(
        "ALTER TABLE {} DROP COLUMN {}",
        backend.ident("autogen_version"),
        backend.ident("applied_sql")
    ))
    .await
    .unwrap();
    let out = fixture("edited_after", &dir.path, &db.url, &["downgrade", "base"]);
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("revision ed0000000001: no SQL recorded when it was applied"),
        "{stderr}"
    );
    success(&fixture("edited_before", &dir.path, &db.url, &["upgrade"]));
    // Unquoted on purpose: SQLite reads an unknown double-quoted name as a string.
    conn.query_all_raw(sea_orm::Statement::from_string(
        conn.get_database_backend(),
        "SELECT applied_sql FROM autogen_version",
    ))
    .await
    .expect("the upgrade added applied_sql back");
}

per_backend!(one_column_change, edited_revision_shows_the_change);
