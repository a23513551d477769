//! Branch conflicts (issue 11): `heads --check` exits 1 with several heads, naming each with
//! its file; `heads --check`, `merge` and `check` say whether the heads touch the same tables
//! or columns (conflict) or not (independent). Runs the `autogen_fixture` binary, whose
//! `AUTOGEN_FIXTURE` picks the graph.

use std::path::Path;

use tests::process::{command, texts};
use tests::{Backend, TempDir, TestDb, per_backend};

const FIXTURE: &str = env!("CARGO_BIN_EXE_autogen_fixture");

fn fixture(graph: &str, dir: &Path, args: &[&str]) -> std::process::Output {
    command(Path::new(FIXTURE), dir)
        .env("AUTOGEN_FIXTURE", graph)
        .args(args)
        .output()
        .expect("run autogen_fixture")
}

#[test]
fn heads_check_passes_with_one_head() {
    let dir = TempDir::new();
    let out = command(&tests::process::cli_bin(), &dir.path)
        .args(["heads", "--check"])
        .output()
        .unwrap();
    let (stdout, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.ends_with(" (head)\n"), "{stdout}");
}

#[test]
fn independent_heads() {
    let dir = TempDir::new();
    let versions = TempDir::new();
    for name in ["a1b2c3aaaaaa_left.rs", "a1b2c3bbbbbb_right.rs"] {
        std::fs::write(versions.path.join(name), "// a revision file\n").unwrap();
    }
    let v = versions.path.to_string_lossy().into_owned();
    let out = fixture(
        "two_heads",
        &dir.path,
        &["heads", "--check", "--versions-dir", &v],
    );
    let (stdout, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines[0],
        "2 heads: merge them with `merge -m <message>` before release"
    );
    let left = versions.path.join("a1b2c3aaaaaa_left.rs");
    let right = versions.path.join("a1b2c3bbbbbb_right.rs");
    assert_eq!(
        lines[1],
        format!("a1b2c3aaaaaa \"a1b2c3aaaaaa\": {}", left.display())
    );
    assert_eq!(
        lines[2],
        format!("a1b2c3bbbbbb \"a1b2c3bbbbbb\": {}", right.display())
    );
    assert_eq!(
        lines[3],
        "heads a1b2c3aaaaaa and a1b2c3bbbbbb are independent: a1b2c3aaaaaa changes table \"fx_left\"; a1b2c3bbbbbb changes table \"fx_right\""
    );

    // `merge` says the same before writing the merge revision.
    let out = fixture(
        "two_heads",
        &dir.path,
        &["merge", "-m", "join", "--versions-dir", &v],
    );
    let (stdout, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert!(
        stdout.contains("heads a1b2c3aaaaaa and a1b2c3bbbbbb are independent"),
        "{stdout}"
    );
}

#[test]
fn conflicting_heads() {
    let dir = TempDir::new();
    let versions = TempDir::new();
    let v = versions.path.to_string_lossy().into_owned();
    let out = fixture(
        "conflicting_heads",
        &dir.path,
        &["heads", "--check", "--versions-dir", &v],
    );
    let (stdout, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    // No file on disk for a head is said, not hidden.
    assert!(
        stdout.contains(&format!(
            "c0ffee0000a1 \"c0ffee0000a1\": no file c0ffee0000a1_*.rs in {}",
            versions.path.display()
        )),
        "{stdout}"
    );
    assert!(
        stdout
            .lines()
            .any(|l| l == "heads c0ffee0000a1 and c0ffee0000a2 conflict: both change fx_base.note"),
        "{stdout}"
    );
    let out = fixture(
        "conflicting_heads",
        &dir.path,
        &["merge", "-m", "join", "--versions-dir", &v],
    );
    let (stdout, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert!(
        stdout.contains("heads c0ffee0000a1 and c0ffee0000a2 conflict: both change fx_base.note"),
        "{stdout}"
    );
}

/// `check` reports the branches too, in text and JSON.
async fn check_reports_branches(backend: Backend) {
    let db = TestDb::new(backend, "branches").await;
    let dir = TempDir::new();
    let run = |graph: &str, args: &[&str]| {
        command(Path::new(FIXTURE), &dir.path)
            .env("AUTOGEN_FIXTURE", graph)
            .env("DATABASE_URL", &db.url)
            .args(args)
            .output()
            .unwrap()
    };
    let out = run("two_heads", &["upgrade", "heads"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let out = run("two_heads", &["check"]);
    let (stdout, _) = texts(&out);
    assert!(
        stdout
            .lines()
            .next()
            .is_some_and(|l| l.starts_with("heads a1b2c3aaaaaa and a1b2c3bbbbbb are independent")),
        "{stdout}"
    );
    let out = run("two_heads", &["check", "--format", "json"]);
    let (stdout, _) = texts(&out);
    let value: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert!(
        value["branches"][0]
            .as_str()
            .unwrap()
            .contains("are independent"),
        "{stdout}"
    );
}

per_backend!(check_reports_branches);
