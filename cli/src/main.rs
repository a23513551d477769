//! `cargo run -p cli -- <command>`: the project's migration tool.

use std::io::Write;
use std::process::ExitCode;

// `--features dylib` (`cargo dev`): debug builds link autogen and its dependencies as one
// shared library, so that a new revision or an entity edit relinks a small binary
// (autogen-dylib/src/lib.rs). A release build (and the test harness, which needs a static
// std) does not name the crate, so rustc never loads it and links everything statically.
#[cfg(all(feature = "dylib", debug_assertions, not(test)))]
use autogen_dylib as _;

#[tokio::main]
async fn main() -> ExitCode {
    match autogen::cli::run(entity::all(), migration::revisions()).await {
        Ok(code) => code,
        // The single exit point: the error and its causes, on one line.
        Err(err) => {
            // Never a panic, even when stderr is a closed pipe.
            let _ = writeln!(std::io::stderr(), "error: {}", err.one_line());
            ExitCode::from(2)
        }
    }
}
