//! Standard output of the commands (through the `println!`/`print!` defined here). A reader that goes away (`history | head -3`) ends the
//! output quietly, as in Unix tools, instead of the panic `println!` gives on EPIPE; the
//! command itself runs to its end (a migrator is never stopped half-way by a closed pipe).
//! Any other write error (a full disk) is kept and reported when the command ends.

use std::fmt;
use std::io::{ErrorKind, Write};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::Error;

/// Set once stdout has failed: nothing more is written.
static STOPPED: AtomicBool = AtomicBool::new(false);
/// The first write error that was not a closed pipe.
static FAILURE: Mutex<Option<std::io::Error>> = Mutex::new(None);

/// Writes formatted text to stdout (through the `println!` and `print!` of this module).
pub fn write(args: fmt::Arguments<'_>) {
    if STOPPED.load(Ordering::Relaxed) {
        return;
    }
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_fmt(args) {
        stop(e);
    }
}

fn stop(e: std::io::Error) {
    STOPPED.store(true, Ordering::Relaxed);
    if e.kind() != ErrorKind::BrokenPipe {
        let mut failure = FAILURE.lock().unwrap_or_else(|p| p.into_inner());
        failure.get_or_insert(e);
    }
}

/// Flushes stdout; the error of a failed write other than a closed pipe.
pub fn finish() -> Result<(), Error> {
    if !STOPPED.load(Ordering::Relaxed)
        && let Err(e) = std::io::stdout().lock().flush()
    {
        stop(e);
    }
    let failure = FAILURE.lock().unwrap_or_else(|p| p.into_inner()).take();
    match failure {
        Some(source) => Err(Error::Io {
            action: "write",
            path: "standard output".into(),
            source,
        }),
        None => Ok(()),
    }
}

/// `println!` that never panics on a closed stdout. It shadows std's `println!` in every
/// module of `cli` (declared after `output` in `cli/mod.rs`), so no command can forget it.
macro_rules! println {
    () => {
        $crate::cli::output::write(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::cli::output::write(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `print!` that never panics on a closed stdout; shadows std's like [`println!`].
macro_rules! print {
    ($($arg:tt)*) => {
        $crate::cli::output::write(format_args!($($arg)*))
    };
}
