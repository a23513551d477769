//! `cargo run -p cli -- <command>`: the project's migration tool.

use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    match autogen::cli::run(entity::all(), migration::revisions()).await {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {}", autogen::cli::one_line(&err));
            ExitCode::from(2)
        }
    }
}
