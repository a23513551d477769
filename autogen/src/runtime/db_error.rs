//! A database error as one clean line: the server's own message, without driver wrapping or
//! the server-source suffix PostgreSQL adds.

use std::fmt;

use sea_orm::{DbErr, RuntimeErr};

/// The message of a failed database call, kept as the `source` of a [`super::RuntimeError`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DbError {
    message: String,
}

impl DbError {
    /// An error with this message (collapsed to one line).
    pub fn new(message: impl fmt::Display) -> Self {
        DbError {
            message: clean(&message.to_string()),
        }
    }

    /// The message.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for DbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DbError {}

impl From<&sqlx::Error> for DbError {
    fn from(err: &sqlx::Error) -> Self {
        match err {
            // The server's message; sqlx's Display of a PostgreSQL error appends
            // " at line N", a line of the server's C source, which means nothing to users.
            sqlx::Error::Database(db) => DbError::new(db.message()),
            other => DbError::new(other),
        }
    }
}

impl From<sqlx::Error> for DbError {
    fn from(err: sqlx::Error) -> Self {
        DbError::from(&err)
    }
}

impl From<&DbErr> for DbError {
    fn from(err: &DbErr) -> Self {
        match err {
            // sea-orm has the variant only with a driver (a build without any still compiles:
            // `cargo check -p migration`).
            #[cfg(any(feature = "postgres", feature = "mysql", feature = "sqlite"))]
            DbErr::Exec(RuntimeErr::SqlxError(e))
            | DbErr::Query(RuntimeErr::SqlxError(e))
            | DbErr::Conn(RuntimeErr::SqlxError(e)) => DbError::from(e.as_ref()),
            other => DbError::new(other),
        }
    }
}

impl From<DbErr> for DbError {
    fn from(err: DbErr) -> Self {
        DbError::from(&err)
    }
}

impl From<String> for DbError {
    fn from(message: String) -> Self {
        DbError::new(message)
    }
}

impl From<&str> for DbError {
    fn from(message: &str) -> Self {
        DbError::new(message)
    }
}

/// One line, and no trailing ` at line N` (the form sqlx gives PostgreSQL errors when they
/// reach us already formatted, e.g. inside a migration's own `DbErr::Custom`).
fn clean(message: &str) -> String {
    let line = message.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.rsplit_once(" at line ") {
        Some((head, n)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => {
            head.to_string()
        }
        _ => line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postgres_source_line_suffix_is_dropped() {
        assert_eq!(
            DbError::new("Execution Error: relation \"x\" already exists at line 1161").message(),
            "Execution Error: relation \"x\" already exists"
        );
        assert_eq!(DbError::new("a\n  b at line x").message(), "a b at line x");
    }
}
