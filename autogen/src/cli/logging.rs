//! Logging through tracing: `-q`, default, `-v`, `-vv`, or `RUST_LOG`.
//!
//! Every line goes through [`ScrubbedStderr`], which replaces the passwords of every parsed
//! URL: at debug and trace level sqlx and sea-orm print their connect options, URL included
//! (sea-orm's `connect{options=ConnectOptions { url: .. }}` span, sqlx-postgres's
//! `ignoring unrecognized connect parameter key=sslpassword value=..`), and a filter that
//! silenced them would also hide what `RUST_LOG=trace` is asked for.

use std::io::{IsTerminal, Write};

use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::MakeWriter;

use crate::config::scrub_known_secrets;

/// Installs the stderr subscriber once: human lines, or (`json`) one JSON object per event
/// with the statement events (revision, index, duration) on by default.
pub fn init(verbose: u8, quiet: bool, json: bool) {
    let level = match (quiet, verbose) {
        (true, _) => "error",
        (false, 0) => "autogen=info",
        (false, 1) => "autogen=debug,info",
        (false, _) => "debug",
    };
    let level = match (json, quiet) {
        (true, false) => format!("{level},autogen::statement=debug"),
        _ => level.to_string(),
    };
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(level));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(ScrubbedStderr);
    let _ = if json {
        // Timestamps are kept: aggregators order and window by them.
        builder.json().flatten_event(true).try_init()
    } else {
        builder
            .with_ansi(std::io::stderr().is_terminal())
            .with_target(false)
            .without_time()
            .try_init()
    };
}

/// Stderr, with every known password replaced by `***`. The fmt layer formats each event
/// into one buffer and writes it with one call, so a password is never split across writes.
#[derive(Clone, Copy)]
struct ScrubbedStderr;

impl<'a> MakeWriter<'a> for ScrubbedStderr {
    type Writer = ScrubbedStderr;

    fn make_writer(&'a self) -> Self::Writer {
        ScrubbedStderr
    }
}

impl Write for ScrubbedStderr {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = scrub_known_secrets(&String::from_utf8_lossy(buf));
        // A closed stderr is not worth failing (or panicking) over.
        let _ = std::io::stderr().lock().write_all(text.as_bytes());
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let _ = std::io::stderr().lock().flush();
        Ok(())
    }
}
