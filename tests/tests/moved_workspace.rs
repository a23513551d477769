//! A built workspace copied elsewhere together with its `target/` (as a CI cache restore does)
//! must compile the revision files of its new place: the migration build script reads its
//! directory when it runs, not when it was compiled.
//!
//! Cost: only the sources of the workspace members and the target's metadata are copied; the
//! compiled dependencies are hard links, so the rebuild compiles `migration` and `cli`, plus
//! any dependency whose features differ between `-p cli` and the workspace-wide build the
//! target came from (seen: about 100 s after a `cargo nextest run --workspace`; a few seconds
//! when `cargo build -p cli` ran before).
//! Needs the `cli` binary: see `tests::process`.

use std::path::{Path, PathBuf};
use std::process::Command;

use tests::TempDir;
use tests::process::{cli_bin, command, success};

/// The members of this workspace (the quoted names of its `members = [...]` line), whose
/// sources the copy needs.
fn members(root: &Path) -> Vec<String> {
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let line = manifest
        .lines()
        .find(|l| l.trim_start().starts_with("members"))
        .expect("members = [...] on one line");
    line.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// Workspace artifacts that the rebuild may rewrite in place: real copies, so that writing them
/// never changes the original target through a hard link.
const OWN_ARTIFACTS: [&str; 7] = [
    "libautogen-",
    "libentity-",
    "libmigration-",
    "autogen-",
    "entity-",
    "migration-",
    "cli-",
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .to_path_buf()
}

/// `cp -a`: keeps modification times, which cargo's fingerprints compare.
fn copy_tree(from: &Path, to: &Path) {
    let status = Command::new("cp")
        .arg("-a")
        .arg(from)
        .arg(to)
        .status()
        .expect("run cp");
    assert!(
        status.success(),
        "cp -a {} {}",
        from.display(),
        to.display()
    );
}

fn copy_target(profile: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    copy_tree(&profile.join(".fingerprint"), to);
    copy_tree(&profile.join("build"), to);
    let deps = to.join("deps");
    std::fs::create_dir_all(&deps).unwrap();
    for entry in std::fs::read_dir(profile.join("deps")).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        if !entry.file_type().unwrap().is_file() {
            continue;
        }
        if OWN_ARTIFACTS.iter().any(|p| name.starts_with(p)) {
            copy_tree(&entry.path(), &deps);
        } else {
            std::fs::hard_link(entry.path(), deps.join(&name)).unwrap();
        }
    }
}

#[test]
fn moved_workspace_compiles_the_revisions_of_its_new_place() {
    let bin = cli_bin();
    let profile = bin.parent().unwrap().to_path_buf();
    let tmp = TempDir::new();
    let ws = tmp.path.join("moved");
    std::fs::create_dir_all(&ws).unwrap();
    let root = root();
    // `vendor/` holds the patched crates `[patch.crates-io]` points at.
    for file in ["Cargo.toml", "Cargo.lock", "vendor"] {
        copy_tree(&root.join(file), &ws);
    }
    let members = members(&root);
    assert!(members.len() >= 4, "{members:?}");
    // `autogen-dylib` is no member (the root Cargo.toml's `exclude`), but `cli` names it as a
    // path dependency, so cargo reads its manifest too.
    for member in members.iter().map(String::as_str).chain(["autogen-dylib"]) {
        let dst = ws.join(member);
        std::fs::create_dir_all(&dst).unwrap();
        for part in ["Cargo.toml", "src", "build.rs"] {
            if root.join(member).join(part).exists() {
                copy_tree(&root.join(member).join(part), &dst);
            }
        }
    }
    let target = ws.join("target");
    copy_target(&profile, &target.join("debug"));

    // A new revision in the moved copy only.
    let rev = "0a1b2c3d4e5f";
    success(
        &command(&bin, &ws)
            .args(["revision", "-m", "after the move", "--rev-id", rev])
            .output()
            .unwrap(),
    );

    let mut cargo = Command::new(env!("CARGO"));
    // The variables cargo set for this test (CARGO_PKG_NAME, ...): build scripts that declare
    // `rerun-if-env-changed` on them would otherwise rerun and their crates recompile.
    for (key, _) in std::env::vars_os() {
        let key = key.to_string_lossy();
        if (key.starts_with("CARGO_") && key != "CARGO_HOME") || key == "OUT_DIR" {
            cargo.env_remove(&*key);
        }
    }
    let build = cargo
        .args(["build", "--offline", "-p", "cli"])
        .current_dir(&ws)
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .expect("run cargo build");
    let log = String::from_utf8_lossy(&build.stderr);
    assert!(build.status.success(), "cargo build failed: {log}");
    // The copy's migration crate was rebuilt from the copy's own files. (Dependencies may be
    // rebuilt too: `-p cli` unifies features over cli's graph only, which can differ from the
    // workspace-wide build the copied target came from.)
    assert!(
        log.lines()
            .any(|l| l.trim_start().starts_with("Compiling migration")
                && l.contains(&*ws.to_string_lossy())),
        "the moved migration crate was not rebuilt: {log}"
    );

    let moved_cli = target.join("debug/cli");
    let heads = success(&command(&moved_cli, &ws).arg("heads").output().unwrap());
    assert!(
        heads.starts_with(&format!("{rev} (head)")),
        "heads: {heads}"
    );
}
