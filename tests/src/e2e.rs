//! Fresh cargo workspaces outside this repository, built into the shared `target/e2e` (fixed,
//! so dependencies compile once, not once per run) from this repository's `Cargo.lock`,
//! `--offline`.

use std::path::{Path, PathBuf};
use std::process::Command;

/// This repository's root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .to_path_buf()
}

/// Writes `text` to `path`, creating its directory.
pub fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Writes a new workspace's root `Cargo.toml` (`manifest`, plus this repository's
/// `[patch.crates-io]`, so the vendored sqlx-core of `Cargo.lock` resolves offline) and
/// copies this repository's `Cargo.lock` next to it.
pub fn workspace_root(ws: &Path, manifest: &str) {
    let vendored = repo().join("vendor/sqlx-core");
    write(
        &ws.join("Cargo.toml"),
        &format!(
            "{manifest}\n[patch.crates-io]\nsqlx-core = {{ path = {:?} }}\n",
            vendored.display().to_string()
        ),
    );
    std::fs::copy(repo().join("Cargo.lock"), ws.join("Cargo.lock")).unwrap();
}

/// `cargo build --offline -p <package>...` in `ws`; returns the directory of the binaries.
pub fn build(ws: &Path, packages: &[&str]) -> PathBuf {
    let target = repo().join("target/e2e");
    let mut cargo = Command::new(env!("CARGO"));
    // The variables cargo set for this test would make build scripts rerun (see
    // moved_workspace.rs).
    for (key, _) in std::env::vars_os() {
        let key = key.to_string_lossy();
        if (key.starts_with("CARGO_") && key != "CARGO_HOME") || key == "OUT_DIR" {
            cargo.env_remove(&*key);
        }
    }
    cargo.args(["build", "--offline", "-q"]);
    for p in packages {
        cargo.args(["-p", p]);
    }
    let out = cargo
        .current_dir(ws)
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .expect("run cargo");
    assert!(
        out.status.success(),
        "cargo build in {} failed:\n{}",
        ws.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    target.join("debug")
}

/// [`build`], then copies the binary `bin` to a new file in `to` and returns it. Holds a lock
/// on `target/e2e` meanwhile: another e2e test building its own `autogen-cli` there would
/// otherwise replace the binary between the build and the copy.
pub fn build_bin(ws: &Path, packages: &[&str], bin: &str, to: &Path) -> PathBuf {
    let dir = repo().join("target/e2e");
    std::fs::create_dir_all(&dir).unwrap();
    let lock = std::fs::File::create(dir.join(".e2e-build.lock")).unwrap();
    lock.lock().unwrap();
    let path = to.join(format!("{bin}-{}", crate::unique("bin")));
    std::fs::copy(build(ws, packages).join(bin), &path).unwrap();
    path
}
