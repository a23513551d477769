//! `cargo run -p cli -- <command>`: the project's migration tool.

use std::io::Write;
use std::process::ExitCode;

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
