//! The command-line interface: clap arguments and one function per command. A user's binary
//! is `autogen::cli::run(entity::all(), migration::revisions())`.

mod args;
mod commands;
mod context;
mod logging;
mod output;

pub use args::{Cli, Command, Format};
pub use context::run;
