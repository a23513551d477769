//! Naming what a failed statement waited for: a lock another session holds, or the statement
//! timeout. Recognised by SQLSTATE / error number where the driver error is still in the
//! source chain, and by the servers' (English) messages where it was flattened into text.

use std::error::Error as _;
use std::time::Duration;

use sea_orm::{DbErr, RuntimeErr};

use super::error::RuntimeError;

/// Lock waits that ran out: PostgreSQL 55P03 `lock_not_available` ("canceling statement due
/// to lock timeout"), MySQL 1205 `ER_LOCK_WAIT_TIMEOUT` (metadata and row locks), SQLite
/// `SQLITE_BUSY` / `SQLITE_LOCKED` (codes 5 and 6).
const LOCK_CODES: &[&str] = &["55P03", "HY000:1205", "5", "6", "517", "262"];
const LOCK_TEXTS: &[&str] = &[
    "due to lock timeout",
    "lock wait timeout exceeded",
    "database is locked",
    "database table is locked",
];

/// Statements cut off by their time limit: PostgreSQL 57014 (also used for a user's cancel,
/// hence the text check), MariaDB 1969 `ER_STATEMENT_TIMEOUT`, MySQL 3024, SQLite
/// `SQLITE_INTERRUPT` (9, raised by our progress handler; its whole message is "interrupted").
const STATEMENT_TEXTS: &[&str] = &[
    "due to statement timeout",
    "max_statement_time exceeded",
    "maximum statement execution time exceeded",
    "(code: 9) interrupted",
];
const SQLITE_INTERRUPTED: &str = "interrupted";

/// Wraps `err` in [`RuntimeError::TableLockTimeout`] or [`RuntimeError::StatementTimeout`]
/// when that is what happened; returns it unchanged otherwise.
pub(crate) fn classify(
    err: RuntimeError,
    lock_timeout: Duration,
    statement_timeout: Option<Duration>,
) -> RuntimeError {
    let (codes, messages) = describe(&err);
    let text = messages.join(" ");
    let has_code = |list: &[&str]| codes.iter().any(|c| list.contains(&c.as_str()));
    let has_text = |list: &[&str]| list.iter().any(|t| text.contains(t));
    if has_code(LOCK_CODES) || has_text(LOCK_TEXTS) {
        return RuntimeError::TableLockTimeout {
            seconds: lock_timeout.as_secs(),
            source: Box::new(err),
        };
    }
    if let Some(limit) = statement_timeout
        && (has_text(STATEMENT_TEXTS) || messages.iter().any(|m| m == SQLITE_INTERRUPTED))
    {
        return RuntimeError::StatementTimeout {
            seconds: limit.as_secs_f64(),
            source: Box::new(err),
        };
    }
    err
}

/// Database error codes found in the source chain (MySQL as `SQLSTATE:number`), and the
/// message of each error of the chain, in lower case.
fn describe(err: &RuntimeError) -> (Vec<String>, Vec<String>) {
    let mut codes = Vec::new();
    let mut messages = vec![err.to_string().to_lowercase()];
    let mut next: Option<&(dyn std::error::Error + 'static)> = err.source();
    while let Some(e) = next {
        messages.push(e.to_string().to_lowercase());
        let sqlx = match (e.downcast_ref::<DbErr>(), e.downcast_ref::<RuntimeErr>()) {
            #[cfg(any(feature = "postgres", feature = "mysql", feature = "sqlite"))]
            (Some(DbErr::Exec(RuntimeErr::SqlxError(s))), _)
            | (Some(DbErr::Query(RuntimeErr::SqlxError(s))), _)
            | (_, Some(RuntimeErr::SqlxError(s))) => Some(s.as_ref()),
            _ => e.downcast_ref::<sqlx::Error>(),
        };
        if let Some(db) = sqlx.and_then(|s| s.as_database_error()) {
            if let Some(code) = db.code() {
                codes.push(code.into_owned());
            }
            codes.extend(mysql_number(db));
        }
        next = e.source();
    }
    (codes, messages)
}

/// MySQL's error number, as `HY000:number` (its SQLSTATE alone is often just HY000).
fn mysql_number(db: &dyn sqlx::error::DatabaseError) -> Option<String> {
    #[cfg(feature = "mysql")]
    if let Some(my) = db.try_downcast_ref::<sqlx::mysql::MySqlDatabaseError>() {
        return Some(format!("HY000:{}", my.number()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn db(reason: &str) -> RuntimeError {
        RuntimeError::RolledBack {
            revision: "r1".into(),
            source: reason.into(),
        }
    }

    /// The servers' own messages, as `DbError` keeps them.
    #[test]
    fn names_lock_waits_and_statement_timeouts_from_server_messages() {
        let lock = Duration::from_secs(2);
        let statement = Some(Duration::from_secs(3));
        for reason in [
            "canceling statement due to lock timeout",
            "Lock wait timeout exceeded; try restarting transaction",
            "database is locked",
        ] {
            let e = classify(db(reason), lock, statement);
            assert!(matches!(e, RuntimeError::TableLockTimeout { .. }), "{e}");
            assert!(e.to_string().contains("table lock"), "{e}");
            assert!(std::error::Error::source(&e).is_some(), "keeps its cause");
            assert!(e.to_string().contains("2s"), "{e}");
        }
        for reason in [
            "canceling statement due to statement timeout",
            "Query execution was interrupted (max_statement_time exceeded)",
            "interrupted",
        ] {
            let e = classify(db(reason), lock, statement);
            assert!(matches!(e, RuntimeError::StatementTimeout { .. }), "{e}");
            assert!(e.to_string().contains("--statement-timeout (3s)"), "{e}");
        }
        let other = classify(db("syntax error at or near \"x\""), lock, statement);
        assert!(matches!(other, RuntimeError::RolledBack { .. }));
        let no_limit = classify(db("interrupted"), lock, None);
        assert!(matches!(no_limit, RuntimeError::RolledBack { .. }));
    }
}
