//! Records the statements a connection executes: for `--echo-sql`, for counting how far a
//! MySQL revision got, and for comparing offline SQL with what really ran.
//!
//! It is fed by sea-orm's metric callback, which sea-orm 2.0.4 does not call for
//! `execute_unprepared`: raw SQL run that way is executed but not recorded (not echoed, and not
//! counted in a MySQL "failed at statement N"). Migrations built from `SchemaManager` calls and
//! `execute(Statement)` are recorded in full.

use std::io::Write;
use std::sync::Mutex;
use std::time::Duration;

use sea_orm::Statement;

/// One executed statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedStatement {
    /// SQL with parameters inlined.
    pub sql: String,
    /// Whether the database rejected it.
    pub failed: bool,
}

/// A thread-safe log of executed statements.
#[derive(Debug, Default)]
pub struct Recorder {
    echo: bool,
    log: Mutex<Vec<RecordedStatement>>,
    /// The revision being run and the log position where it started, for statement events.
    revision: Mutex<Option<(String, usize)>>,
}

impl Recorder {
    /// A recorder that optionally echoes each statement to stderr.
    pub fn new(echo: bool) -> Self {
        Self {
            echo,
            log: Mutex::new(Vec::new()),
            revision: Mutex::new(None),
        }
    }

    /// Appends a statement.
    pub fn record(&self, statement: &Statement, failed: bool) {
        let sql = statement.to_string();
        if self.echo {
            // A closed stderr must not stop a migrator half-way.
            let _ = writeln!(std::io::stderr(), "{sql};");
        }
        self.log
            .lock()
            .expect("recorder poisoned")
            .push(RecordedStatement { sql, failed });
    }

    /// Marks the start of revision `id`: later statements are numbered from 1 within it.
    pub fn set_revision(&self, id: &str) {
        let start = self.len();
        *self.revision.lock().expect("recorder poisoned") = Some((id.to_string(), start));
    }

    /// [`Recorder::record`], then one `autogen::statement` event (debug level) with the
    /// revision, the statement's index within it and its duration: what `--log-format json`
    /// shows a log aggregator. The SQL is not in the event (data migrations may hold secrets).
    pub fn record_timed(&self, statement: &Statement, failed: bool, elapsed: Duration) {
        self.record(statement, failed);
        let count = self.len();
        let current = self.revision.lock().expect("recorder poisoned").clone();
        let (revision, index) = match current {
            Some((id, start)) => (id, count - start),
            None => (String::new(), count),
        };
        tracing::debug!(
            target: "autogen::statement",
            revision = revision.as_str(),
            statement = index,
            duration_ms = elapsed.as_secs_f64() * 1000.0,
            failed,
            "statement"
        );
    }

    /// Number of statements recorded so far.
    pub fn len(&self) -> usize {
        self.log.lock().expect("recorder poisoned").len()
    }

    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Statements recorded since position `from`.
    pub fn since(&self, from: usize) -> Vec<RecordedStatement> {
        self.log.lock().expect("recorder poisoned")[from..].to_vec()
    }

    /// Everything recorded.
    pub fn all(&self) -> Vec<RecordedStatement> {
        self.since(0)
    }
}
