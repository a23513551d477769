//! Running the real `cli` binary (and this crate's `autogen_fixture` binary) as child processes,
//! and checking their output.
//!
//! The `cli` binary belongs to another package, so `CARGO_BIN_EXE_cli` is not available here.
//! It is found next to the test executable instead (`<target>/debug/deps/<test>` →
//! `<target>/debug/cli`). `cargo nextest run --workspace` builds it, because `cli/tests/binary.rs`
//! is an integration test of the `cli` package; with `-p tests` alone, `cargo build -p cli` first. A missing
//! or out-of-date binary fails the test with a message saying so, rather than testing old code.

use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::OnceLock;
use std::time::SystemTime;

/// The real `cli` binary of this workspace; panics if it is missing or older than its sources.
pub fn cli_bin() -> PathBuf {
    let exe = std::env::current_exe().expect("current test executable");
    let profile_dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("test executable lives in <target>/<profile>/deps");
    let bin = profile_dir.join(format!("cli{}", std::env::consts::EXE_SUFFIX));
    let built = std::fs::metadata(&bin)
        .and_then(|m| m.modified())
        .unwrap_or_else(|_| {
            panic!(
                "the cli binary {} is missing: run `cargo nextest run --workspace` \
                 (or `cargo build -p cli` first)",
                bin.display()
            )
        });
    if let Some(newer) = newest_source_after(built) {
        panic!(
            "the cli binary {} is older than {}: run `cargo nextest run --workspace` \
             (or `cargo build -p cli` first)",
            bin.display(),
            newer.display()
        );
    }
    static CHECKED: OnceLock<()> = OnceLock::new();
    CHECKED.get_or_init(|| check_same_checkout(&bin));
    bin
}

/// Panics unless the binary's heads are migration files of this checkout. Cargo's artifact
/// names do not depend on the workspace path, so a target directory shared with another
/// checkout can hold a `cli` whose build script listed that checkout's files.
fn check_same_checkout(bin: &Path) {
    let versions = Path::new(env!("CARGO_MANIFEST_DIR")).join("../migration/src/versions");
    let files: Vec<String> = std::fs::read_dir(&versions)
        .expect("migration/src/versions")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let output = std::process::Command::new(bin)
        .arg("heads")
        .output()
        .expect("run cli heads");
    let heads = String::from_utf8_lossy(&output.stdout).into_owned();
    let ids: Vec<&str> = heads.lines().filter_map(|l| l.split(' ').next()).collect();
    assert!(
        !ids.is_empty() && ids.iter().all(|id| files.iter().any(|f| f.starts_with(id))),
        "the cli binary {} was built from another checkout (heads {ids:?}, files {files:?}); \
         the target directory is shared: `touch migration/build.rs` and rebuild",
        bin.display()
    );
}

/// A source file of a crate the `cli` binary is built from that changed after `built`.
fn newest_source_after(built: SystemTime) -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .to_path_buf();
    // Only the code the binary is built from: test files never relink it.
    let mut stack: Vec<PathBuf> = [
        "autogen/src",
        "cli/src",
        "migration/src",
        "migration/build.rs",
        "entity/src",
    ]
    .iter()
    .map(|c| root.join(c))
    .collect();
    while let Some(path) = stack.pop() {
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            if let Ok(entries) = std::fs::read_dir(&path) {
                stack.extend(entries.filter_map(|e| e.ok().map(|e| e.path())));
            }
            continue;
        }
        let relevant = path.extension().is_some_and(|x| x == "rs");
        if relevant && meta.modified().is_ok_and(|m| m > built) {
            return Some(path);
        }
    }
    None
}

/// Variables that feed the URL resolution or logging, removed from every child so that the
/// developer's own environment cannot change a test.
fn is_config_var(key: &str) -> bool {
    key.starts_with("POSTGRES_")
        || key.starts_with("DATABASE_URL")
        || key.starts_with("AUTOGEN_")
        || key.starts_with("AWS_")
        || key == "RUST_LOG"
}

/// A command for `program` run in `dir`, with a clean configuration environment.
pub fn command(program: &Path, dir: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(program);
    cmd.current_dir(dir);
    for (key, _) in std::env::vars() {
        if is_config_var(&key) {
            cmd.env_remove(key);
        }
    }
    cmd
}

/// The same for `std::process::Command` (for processes run concurrently or killed).
pub fn std_command(program: &Path, dir: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(program);
    cmd.current_dir(dir);
    for (key, _) in std::env::vars() {
        if is_config_var(&key) {
            cmd.env_remove(key);
        }
    }
    cmd
}

/// The `cli` binary as a command in `dir`.
pub fn cli(dir: &Path) -> assert_cmd::Command {
    command(&cli_bin(), dir)
}

/// Runs the `cli` binary in `dir` with `args` against the database at `url` (`DATABASE_URL`).
pub fn cli_on(dir: &Path, url: &str, args: &[&str]) -> Output {
    cli(dir)
        .args(args)
        .env("DATABASE_URL", url)
        .output()
        .expect("run cli")
}

/// stdout and stderr of a finished process, as text.
pub fn texts(output: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Asserts exit code 0 and returns stdout.
pub fn success(output: &Output) -> String {
    let (out, err) = texts(output);
    assert_eq!(
        output.status.code(),
        Some(0),
        "expected success\n--- stdout\n{out}\n--- stderr\n{err}"
    );
    out
}

/// Asserts the failure contract: exit code 2, and stderr is exactly one line starting with
/// `error:` that contains every string of `needles` (case-insensitive). Returns that line.
pub fn one_line_error(output: &Output, needles: &[&str]) -> String {
    let (out, err) = texts(output);
    assert_eq!(
        output.status.code(),
        Some(2),
        "expected exit code 2\n--- stdout\n{out}\n--- stderr\n{err}"
    );
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines.len(),
        1,
        "expected a single stderr line\n--- stderr\n{err}"
    );
    let line = lines[0];
    assert!(line.starts_with("error: "), "not an error line: {line}");
    for needle in needles {
        assert!(
            line.to_lowercase().contains(&needle.to_lowercase()),
            "error line does not mention {needle:?}: {line}"
        );
    }
    line.to_string()
}

/// Asserts that `secret` appears in neither stdout nor stderr.
pub fn assert_no_secret(output: &Output, secret: &str) {
    let (out, err) = texts(output);
    assert!(!out.contains(secret), "stdout leaks {secret:?}: {out}");
    assert!(!err.contains(secret), "stderr leaks {secret:?}: {err}");
}

/// The `cli` binary in `dir` against `url` on a pseudo-terminal (stdin, stdout and stderr are
/// the terminal), for prompts; every expectation waits at most 30 s.
pub fn cli_on_terminal(dir: &Path, url: &str, args: &[&str]) -> rexpect::session::PtySession {
    let mut cmd = std_command(&cli_bin(), dir);
    cmd.args(args).env("DATABASE_URL", url).env("NO_COLOR", "1");
    rexpect::session::spawn_command(cmd, Some(30_000)).expect("spawn cli on a pseudo-terminal")
}
