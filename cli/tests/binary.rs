//! The `cli` binary starts and answers `--help`.
//!
//! Being an integration test of this package, it also makes `cargo test --workspace` and
//! `cargo nextest run --workspace` build `<target>/debug/cli`, which the `tests` crate runs.

use std::process::Command;

#[test]
fn help_exits_0() {
    let out = Command::new(env!("CARGO_BIN_EXE_cli"))
        .arg("--help")
        .output()
        .expect("run cli");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("diff"));
}
