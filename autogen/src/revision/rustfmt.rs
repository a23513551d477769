//! Formatting generated source with rustfmt, when it is installed.

use std::io::Write;
use std::process::{Command, Stdio};

/// `source` piped through `rustfmt --edition 2024 --emit stdout` (the binary named by `$RUSTFMT`
/// if set), or `source` unchanged when rustfmt is missing or fails.
pub fn rustfmt(source: &str) -> String {
    format_with_rustfmt(source).unwrap_or_else(|| source.to_owned())
}

/// Runs rustfmt; `None` on any failure.
fn format_with_rustfmt(source: &str) -> Option<String> {
    let program = std::env::var_os("RUSTFMT").unwrap_or_else(|| "rustfmt".into());
    let mut child = Command::new(program)
        .args(["--edition", "2024", "--emit", "stdout"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    // Write from a thread so a large output can never block the write.
    let mut stdin = child.stdin.take()?;
    let input = source.to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().ok()?;
    writer.join().ok()?.ok()?;
    if !output.status.success() {
        return None;
    }
    String::from_utf8(output.stdout).ok()
}
