//! Locating the workspace's `cli` binary for CLI tests.
//!
//! It belongs to another package, so `CARGO_BIN_EXE_cli` is not set here: it is found next to
//! the test executable (`<target>/debug/deps/<test>` → `<target>/debug/cli`).
//! `cargo nextest run --workspace` builds it first; with `-p tests`, run `cargo build -p cli`.

use std::path::{Path, PathBuf};

/// The `cli` binary; panics (saying how to build it) when it is missing or older than the
/// library it is built from.
pub fn cli_bin() -> PathBuf {
    let exe = std::env::current_exe().expect("current test executable");
    let dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("test executable lives in <target>/<profile>/deps");
    let bin = dir.join(format!("cli{}", std::env::consts::EXE_SUFFIX));
    let built = std::fs::metadata(&bin)
        .and_then(|m| m.modified())
        .unwrap_or_else(|_| panic!("{} is missing: run `cargo build -p cli`", bin.display()));
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../autogen/src");
    if let Some(newer) = newer_than(&src, built) {
        panic!(
            "{} is older than {}: run `cargo build -p cli`",
            bin.display(),
            newer.display()
        );
    }
    bin
}

fn newer_than(dir: &Path, built: std::time::SystemTime) -> Option<PathBuf> {
    for entry in std::fs::read_dir(dir).ok()?.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if let Some(p) = newer_than(&path, built) {
                return Some(p);
            }
        } else if entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|m| m > built)
        {
            return Some(path);
        }
    }
    None
}
