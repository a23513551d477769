//! The command-line interface: clap arguments and one function per command. A user's binary
//! is `autogen::cli::run(entity::all(), migration::revisions())`.

// First, and apart: its `println!`/`print!` shadow std's in the modules declared after it.
#[macro_use]
mod output;

mod args;
mod commands;
mod context;
mod logging;

pub use args::{Cli, Command, Format, MAX_WAIT_SECS};
pub use context::{run, run_with_seaorm};
