//! The `cli` binary (with the real `migration` crate) on every command: exit code 0 and the
//! expected output on success, 2 with one `error:` line on failure.
//!
//! Needs the `cli` binary: see `tests::process` (`cargo nextest run --workspace` builds it).

use std::path::{Path, PathBuf};

use tests::catalog::{set, tables, version_rows};
use tests::process::{cli, command, one_line_error, success};
use tests::{Backend, TempDir, TestDb, per_backend};

/// The first generated revision of the real migration crate.
const FIRST: &str = "75a0c80e6bb5";
/// Its head.
const INITIAL: &str = "680c9dba15ef";
const FIXTURE: &str = env!("CARGO_BIN_EXE_autogen_fixture");

use tests::process::cli_on as run;

async fn cli_online_flow(backend: Backend) {
    let db = TestDb::new(backend, "cliflow").await;
    let dir = TempDir::new();
    let d = &dir.path;

    let out = success(&run(d, &db.url, &["current"]));
    assert_eq!(out, "", "nothing applied yet");

    let out = success(&run(d, &db.url, &["upgrade"]));
    assert_eq!(out, format!("Upgraded 2 revision(s): {FIRST}, {INITIAL}\n"));
    let conn = db.connect().await;
    assert_eq!(tables(&conn).await, set(&["order", "product", "user"]));
    assert_eq!(version_rows(&conn).await, [FIRST, INITIAL]);

    let out = success(&run(d, &db.url, &["upgrade"]));
    assert_eq!(out, "Already at head; nothing to upgrade.\n");

    let out = success(&run(d, &db.url, &["current"]));
    assert_eq!(out, format!("{INITIAL} (head, current), add order\n"));

    let out = success(&run(d, &db.url, &["current", "--verbose"]));
    assert!(
        out.starts_with(&format!("Rev: {INITIAL} (head, current)\n")),
        "{out}"
    );
    assert!(out.contains("Applied at: "), "{out}");
    assert!(out.contains("checksum: "), "{out}");

    let out = success(&run(d, &db.url, &["history", "--indicate-current"]));
    assert_eq!(
        out,
        format!(
            "{FIRST} -> {INITIAL} (head, current), add order\n<base> -> {FIRST}, create user and product\n"
        )
    );

    let output = run(d, &db.url, &["--echo-sql", "downgrade", "base"]);
    let out = success(&output);
    assert_eq!(
        out,
        format!("Downgraded 2 revision(s): {INITIAL}, {FIRST}\n")
    );
    let (_, err) = tests::process::texts(&output);
    for table in ["order", "product", "user"] {
        assert!(
            err.lines()
                .any(|l| l.starts_with("DROP TABLE") && l.contains(table)),
            "--echo-sql did not show dropping {table}:\n{err}"
        );
    }
    assert!(tables(&conn).await.is_empty());
    assert!(version_rows(&conn).await.is_empty());
    assert_eq!(success(&run(d, &db.url, &["current"])), "");
    let out = success(&run(d, &db.url, &["history", "-i"]));
    assert!(!out.contains("current"), "{out}");

    // stamp records without running anything.
    let out = success(&run(d, &db.url, &["stamp", "head"]));
    assert!(
        out.starts_with(&format!(
            "Stamped head: recorded 2 revision(s) ({FIRST}, {INITIAL}), removed 0"
        )),
        "{out}"
    );
    assert!(tables(&conn).await.is_empty());
    assert_eq!(version_rows(&conn).await, [FIRST, INITIAL]);
    let out = success(&run(d, &db.url, &["current"]));
    assert!(out.contains("(head, current)"), "{out}");

    let out = success(&run(d, &db.url, &["stamp", "base", "--purge"]));
    assert!(
        out.starts_with("Stamped base: recorded 0 revision(s)"),
        "{out}"
    );
    assert!(version_rows(&conn).await.is_empty());

    // Failures are exit code 2 with one line.
    let output = run(d, &db.url, &["downgrade", "+1"]);
    one_line_error(&output, &["+1", "downgrade"]);
    let output = run(d, &db.url, &["stamp", "nosuchrev"]);
    one_line_error(&output, &["nosuchrev", "not found"]);

    let out = success(&run(d, &db.url, &["upgrade", "heads"]));
    assert_eq!(out, format!("Upgraded 2 revision(s): {FIRST}, {INITIAL}\n"));
    assert_eq!(tables(&conn).await, set(&["order", "product", "user"]));
}

/// `--sql` needs no database: a URL nobody answers on only selects the dialect.
async fn cli_offline_sql_without_database(backend: Backend) {
    let dir = TempDir::new();
    let url = match backend {
        Backend::Postgres => "postgres://u:secretpw@127.0.0.1:1/db".to_string(),
        Backend::MySql => "mysql://u:secretpw@127.0.0.1:1/db".to_string(),
        Backend::Sqlite => format!("sqlite://{}/missing-dir/x.db", dir.path.display()),
    };
    let output = run(&dir.path, &url, &["upgrade", "--sql"]);
    let out = success(&output);
    tests::process::assert_no_secret(&output, "secretpw");
    let (table, version) = match backend {
        Backend::MySql => ("CREATE TABLE `user`", "INSERT INTO `autogen_version`"),
        _ => ("CREATE TABLE \"user\"", "INSERT INTO \"autogen_version\""),
    };
    assert!(out.contains(table), "{out}");
    assert!(out.contains(version), "{out}");
    assert!(out.contains(&format!("'{INITIAL}'")), "{out}");
    assert_eq!(
        out.contains("\nBEGIN;\n"),
        backend != Backend::MySql,
        "{out}"
    );
    assert_eq!(
        out.contains("PRAGMA foreign_keys = OFF;"),
        backend == Backend::Sqlite,
        "{out}"
    );

    let out = success(&run(&dir.path, &url, &["downgrade", "--sql", "head:base"]));
    assert!(out.contains("DROP TABLE"), "{out}");
    assert!(out.contains("DELETE FROM"), "{out}");

    // A downgrade script needs an explicit starting point.
    one_line_error(
        &run(&dir.path, &url, &["downgrade", "--sql", "base"]),
        &["start:end"],
    );
    if backend == Backend::Sqlite {
        assert!(!dir.path.join("missing-dir").exists());
    }
}

per_backend!(cli_online_flow, cli_offline_sql_without_database);

#[test]
fn cli_graph_commands() {
    let dir = TempDir::new();
    let out = success(&cli(&dir.path).arg("heads").output().unwrap());
    assert_eq!(out, format!("{INITIAL} (head)\n"));

    let out = success(&cli(&dir.path).args(["show", "680c"]).output().unwrap());
    assert!(
        out.starts_with(&format!("Rev: {INITIAL} (head)\n")),
        "{out}"
    );
    assert!(out.contains(&format!("Parent: {FIRST}\n")), "{out}");
    assert!(
        out.contains("Create Date: 2026-11-21 17:25:50 UTC"),
        "{out}"
    );
    assert!(out.contains("    add order"), "{out}");

    let out = success(
        &cli(&dir.path)
            .args(["history", "--verbose"])
            .output()
            .unwrap(),
    );
    assert!(
        out.starts_with(&format!("Rev: {INITIAL} (head)\n")),
        "{out}"
    );
    assert!(out.contains("Parent: <base>"), "{out}");

    let out = success(&cli(&dir.path).arg("history").output().unwrap());
    assert_eq!(
        out,
        format!(
            "{FIRST} -> {INITIAL} (head), add order\n<base> -> {FIRST}, create user and product\n"
        )
    );

    // None of these needed a database: nothing was created in the working directory.
    assert_eq!(std::fs::read_dir(&dir.path).unwrap().count(), 0);

    one_line_error(
        &cli(&dir.path).args(["show", "ffff"]).output().unwrap(),
        &["'ffff' not found"],
    );
}

/// A temporary versions directory holding copies of the real migration files.
fn copy_versions() -> (TempDir, Vec<String>) {
    let dir = TempDir::new();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../migration/src/versions");
    let mut names = Vec::new();
    for entry in std::fs::read_dir(src).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.path.join(entry.file_name())).unwrap();
        names.push(entry.file_name().to_string_lossy().into_owned());
    }
    (dir, names)
}

/// The one file in `dir` that is not in `before`.
fn new_file(dir: &Path, before: &[String]) -> PathBuf {
    let added: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| !before.contains(&e.file_name().to_string_lossy().into_owned()))
        .map(|e| e.path())
        .collect();
    assert_eq!(added.len(), 1, "expected one new file: {added:?}");
    added[0].clone()
}

/// `rustfmt --check` passes on the file (so it parses, and is formatted).
fn assert_rustfmt_clean(path: &Path) {
    let status = std::process::Command::new("rustfmt")
        .args(["--edition", "2024", "--check"])
        .arg(path)
        .status()
        .expect("rustfmt is installed");
    assert!(status.success(), "{} is not rustfmt-clean", path.display());
}

#[test]
fn cli_revision_writes_a_file() {
    let (versions, before) = copy_versions();
    let work = TempDir::new();
    let dir_arg = versions.path.display().to_string();
    let output = cli(&work.path)
        .args([
            "revision",
            "-m",
            "Add widgets table",
            "--versions-dir",
            &dir_arg,
        ])
        .output()
        .unwrap();
    let out = success(&output);
    let path = new_file(&versions.path, &before);
    assert_eq!(out, format!("Generated {}\n", path.display()));
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let (id, rest) = name.split_at(12);
    assert!(
        id.chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()),
        "{name}"
    );
    assert_eq!(rest, "_add_widgets_table.rs");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("//! Add widgets table\n//!\n"), "{text}");
    assert!(text.contains(&format!("//! Revision ID: {id}\n")), "{text}");
    assert!(
        text.contains(&format!("//! Revises: {INITIAL}\n")),
        "{text}"
    );
    assert!(text.contains("//! Create Date: "), "{text}");
    assert!(text.contains(&format!("    id: \"{id}\",")), "{text}");
    assert!(
        text.contains(&format!("    down_revisions: &[\"{INITIAL}\"],")),
        "{text}"
    );
    assert!(text.contains("impl MigrationTrait for Migration"), "{text}");
    assert_rustfmt_clean(&path);

    // A fixed id and a new root.
    let before: Vec<String> = std::fs::read_dir(&versions.path)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let args = [
        "revision",
        "-m",
        "second root",
        "--head",
        "base",
        "--rev-id",
        "0123456789ab",
        "--versions-dir",
        &dir_arg,
    ];
    success(&cli(&work.path).args(args).output().unwrap());
    let path = new_file(&versions.path, &before);
    assert_eq!(
        path.file_name().unwrap().to_string_lossy(),
        "0123456789ab_second_root.rs"
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("//! Revises: <base>\n"), "{text}");
    assert!(text.contains("    down_revisions: &[],"), "{text}");

    // The same file again is refused, and leaves nothing behind.
    let count = std::fs::read_dir(&versions.path).unwrap().count();
    one_line_error(
        &cli(&work.path).args(args).output().unwrap(),
        &["0123456789ab_second_root.rs", "already exists"],
    );
    assert_eq!(std::fs::read_dir(&versions.path).unwrap().count(), count);
    // An id the migrations already use is refused.
    one_line_error(
        &cli(&work.path)
            .args([
                "revision",
                "-m",
                "x",
                "--rev-id",
                INITIAL,
                "--versions-dir",
                &dir_arg,
            ])
            .output()
            .unwrap(),
        &[INITIAL, "already exists"],
    );
    // A missing directory is named.
    one_line_error(
        &cli(&work.path)
            .args([
                "revision",
                "-m",
                "x",
                "--versions-dir",
                "/nonexistent/versions",
            ])
            .output()
            .unwrap(),
        &["/nonexistent/versions", "--versions-dir"],
    );
}

#[test]
fn cli_merge_writes_a_file() {
    // The real migrations have a single head: nothing to merge.
    let (versions, before) = copy_versions();
    let work = TempDir::new();
    let dir_arg = versions.path.display().to_string();
    one_line_error(
        &cli(&work.path)
            .args(["merge", "-m", "merge", "--versions-dir", &dir_arg])
            .output()
            .unwrap(),
        &["merge needs at least two revisions", INITIAL],
    );
    assert_eq!(
        std::fs::read_dir(&versions.path).unwrap().count(),
        before.len()
    );

    // The same entry point over a graph with two heads.
    let output = command(Path::new(FIXTURE), &work.path)
        .args(["merge", "-m", "Merge branches", "--versions-dir", &dir_arg])
        .output()
        .unwrap();
    let out = success(&output);
    let path = new_file(&versions.path, &before);
    // The branch report (see tests/tests/branch_conflicts.rs), then the file.
    assert_eq!(
        out,
        format!(
            "heads a1b2c3aaaaaa and a1b2c3bbbbbb are independent: a1b2c3aaaaaa changes table \"fx_left\"; a1b2c3bbbbbb changes table \"fx_right\"\nGenerated {}\n",
            path.display()
        )
    );
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.ends_with("_merge_branches.rs") && name.len() == 12 + 18,
        "{name}"
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("//! Revises: a1b2c3aaaaaa, a1b2c3bbbbbb\n"),
        "{text}"
    );
    assert!(
        text.contains("    down_revisions: &[\"a1b2c3aaaaaa\", \"a1b2c3bbbbbb\"],"),
        "{text}"
    );
    assert_rustfmt_clean(&path);

    // Merging a revision with itself is not a merge.
    let count = std::fs::read_dir(&versions.path).unwrap().count();
    one_line_error(
        &command(Path::new(FIXTURE), &work.path)
            .args([
                "merge",
                "-m",
                "self",
                "a1b2c3aaaaaa",
                "a1b2c3aaaaaa",
                "--versions-dir",
                &dir_arg,
            ])
            .output()
            .unwrap(),
        &["merge needs at least two revisions"],
    );
    // Nor is merging a revision with its own descendant.
    one_line_error(
        &command(Path::new(FIXTURE), &work.path)
            .args([
                "merge",
                "-m",
                "ancestor",
                "a1b2c3d4e5f6",
                "a1b2c3aaaaaa",
                "--versions-dir",
                &dir_arg,
            ])
            .output()
            .unwrap(),
        &["a1b2c3d4e5f6 is already an ancestor of a1b2c3aaaaaa"],
    );
    assert_eq!(std::fs::read_dir(&versions.path).unwrap().count(), count);
}

/// Graph commands over two branches (the same `autogen::cli::run` entry point, fixture graph).
#[tokio::test]
async fn cli_graph_commands_with_branches() {
    let db = TestDb::new(Backend::Sqlite, "branches").await;
    let dir = TempDir::new();
    let fixture = |args: &[&str]| {
        command(Path::new(FIXTURE), &dir.path)
            .args(args)
            .env("DATABASE_URL", &db.url)
            .output()
            .unwrap()
    };
    assert_eq!(
        success(&fixture(&["heads"])),
        "a1b2c3aaaaaa (head)\na1b2c3bbbbbb (head)\n"
    );
    let out = success(&fixture(&["branches"]));
    assert_eq!(
        out,
        "<base> -> a1b2c3d4e5f6 (branchpoint), a1b2c3d4e5f6\n    -> a1b2c3aaaaaa\n    -> a1b2c3bbbbbb\n"
    );
    let out = success(&fixture(&["history", "-r", "a1b2c3d4e5f6:a1b2c3aaaaaa"]));
    assert_eq!(
        out,
        "a1b2c3d4e5f6 -> a1b2c3aaaaaa (head), a1b2c3aaaaaa\n<base> -> a1b2c3d4e5f6 (branchpoint), a1b2c3d4e5f6\n"
    );

    let out = success(&fixture(&["upgrade", "heads"]));
    assert!(
        out.starts_with("Upgraded 3 revision(s): a1b2c3d4e5f6, "),
        "{out}"
    );
    let out = success(&fixture(&["current"]));
    assert_eq!(
        out,
        "a1b2c3aaaaaa (head, current), a1b2c3aaaaaa\na1b2c3bbbbbb (head, current), a1b2c3bbbbbb\n"
    );
    let out = success(&fixture(&["history", "-i"]));
    assert_eq!(out.matches("current").count(), 2, "{out}");
    assert!(!out.contains("(branchpoint, current)"), "{out}");

    // Downgrading one branch by id leaves the other applied.
    let out = success(&fixture(&["downgrade", "a1b2c3d4e5f6"]));
    assert!(out.starts_with("Downgraded 2 revision(s)"), "{out}");
    let out = success(&fixture(&["upgrade", "a1b2c3bbbbbb"]));
    assert_eq!(out, "Upgraded 1 revision(s): a1b2c3bbbbbb\n");
    assert_eq!(
        success(&fixture(&["current"])),
        "a1b2c3bbbbbb (head, current), a1b2c3bbbbbb\n"
    );
    let conn = db.connect().await;
    assert_eq!(tables(&conn).await, set(&["fx_base", "fx_right"]));
}
