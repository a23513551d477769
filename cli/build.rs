//! With the `dylib` feature, debug builds link `autogen` and its dependencies as one shared
//! library (see `autogen-dylib`), so that a new revision or an entity edit relinks a small
//! `cli` only. The binary finds that library and Rust's `libstd` through an rpath, so it also
//! runs outside `cargo run` (tests, `target/debug/cli` by hand).

use std::env;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if env::var_os("CARGO_FEATURE_DYLIB").is_none()
        || env::var_os("CARGO_CFG_DEBUG_ASSERTIONS").is_none()
    {
        return;
    }
    let origin = match env::var("CARGO_CFG_TARGET_OS").as_deref() {
        Ok("linux") => "$ORIGIN",
        Ok("macos") => "@loader_path",
        // Windows has no rpath: `cargo run` puts the library's directory on PATH.
        _ => return,
    };
    let rustc = env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let sysroot = Command::new(rustc)
        .args(["--print", "sysroot"])
        .output()
        .ok()
        .filter(|out| out.status.success())
        .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_owned());
    let target = env::var("TARGET").unwrap_or_default();
    println!("cargo:rustc-link-arg-bins=-Wl,-rpath,{origin}/deps");
    if let Some(sysroot) = sysroot {
        println!("cargo:rustc-link-arg-bins=-Wl,-rpath,{sysroot}/lib/rustlib/{target}/lib");
    }
}
