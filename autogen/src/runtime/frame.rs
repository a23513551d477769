//! How a revision is wrapped on each backend, described once: the PRAGMAs, `BEGIN`, the
//! version-table write, `COMMIT`, and MySQL's progress markers. The online runner executes
//! this description ([`super::migrator`]); offline `--sql` and `diff --sql` print it
//! ([`super::script`]). Neither spells the wrapping out on its own.

use sea_orm::Statement;

use super::capture::Side;
use super::version_table::{self, RevisionState};
use crate::backend::Backend;

/// The version-table bookkeeping of one revision run.
#[derive(Debug, Clone, Copy)]
pub struct Record<'a> {
    /// Revision id.
    pub id: &'a str,
    /// Which side runs.
    pub side: Side,
    /// Checksum of the revision's `up` on this backend.
    pub checksum: &'a str,
    /// The statements `up` runs, one per line, kept in the version row (`None` on `down`).
    pub applied_sql: Option<&'a str>,
}

/// One element of a wrapped revision, in execution order.
#[derive(Debug, Clone)]
pub enum Frame {
    /// A statement run as is (a PRAGMA, a version-table write, a MySQL marker).
    Sql(Statement),
    /// Start of the transaction the revision commits in.
    Begin,
    /// The revision's own statements (of the `n`-th revision of the frames, from 0).
    Body(usize),
    /// SQLite: `PRAGMA foreign_key_check` must return no rows before the commit, because the
    /// revision ran with foreign keys off.
    ForeignKeyCheck,
    /// End of the transaction.
    Commit,
}

impl Frame {
    /// The SQL text of a frame that is one fixed statement (`None` for a body).
    pub fn sql(&self) -> Option<String> {
        match self {
            Frame::Sql(stmt) => Some(stmt.to_string()),
            Frame::Begin => Some("BEGIN".into()),
            Frame::Commit => Some("COMMIT".into()),
            Frame::ForeignKeyCheck => Some(FOREIGN_KEY_CHECK.into()),
            Frame::Body(_) => None,
        }
    }
}

/// SQLite's check that no row violates a foreign key.
pub const FOREIGN_KEY_CHECK: &str = "PRAGMA foreign_key_check";

/// The frames of one revision on `backend`; `record` is `None` for a script that is not a
/// revision (`diff --sql`), which writes no version row.
///
/// - PostgreSQL: `BEGIN`, body, version row, `COMMIT`: DDL is transactional.
/// - SQLite: the same inside `PRAGMA foreign_keys = OFF/ON` (table rebuilds drop and recreate
///   tables; with enforcement on, the drop would cascade), checked before the commit.
/// - MySQL: DDL commits as it goes, so the row is written first as `running` and replaced when
///   the body ends; a migrator killed in between leaves `running` for the next one to report.
///   Frames after `Commit` always run, also after a failure.
/// - PostgreSQL, a revision that is not `transactional` (`CREATE INDEX CONCURRENTLY` cannot
///   run in a transaction): as MySQL, so a failure is recorded with its statement number.
pub fn frames(backend: Backend, record: Option<Record<'_>>, transactional: bool) -> Vec<Frame> {
    wrap(backend, &[record], transactional)
}

/// The frames of several revisions in one transaction (`upgrade --single-transaction`, as
/// Alembic's default `transaction_per_migration = False`): the wrapping of [`frames`] once,
/// each revision's body followed by its version row inside it. Only for backends with
/// transactional DDL, and revisions that are `transactional`.
pub fn frames_in_one_transaction(backend: Backend, records: &[Record<'_>]) -> Vec<Frame> {
    let records: Vec<Option<Record<'_>>> = records.iter().copied().map(Some).collect();
    wrap(backend, &records, true)
}

/// Whether `backend` can run a `transactional` revision inside a transaction at all.
pub fn in_transaction(backend: Backend, transactional: bool) -> bool {
    match backend {
        Backend::MySql => false,
        Backend::Postgres => transactional,
        Backend::Sqlite => true,
    }
}

/// The wrapping of `revisions` (in order; [`Frame::Body`] `i` is the body of the `i`-th).
fn wrap(backend: Backend, revisions: &[Option<Record<'_>>], transactional: bool) -> Vec<Frame> {
    let db = backend.db();
    let build = |stmt: &dyn sea_orm::StatementBuilder| Frame::Sql(stmt.build(&db));
    let mut out = Vec::new();
    if !in_transaction(backend, transactional) {
        for (i, record) in revisions.iter().enumerate() {
            if let Some(r) = record {
                out.push(match r.side {
                    Side::Up => build(&version_table::insert_statement(
                        r.id,
                        r.checksum,
                        RevisionState::Running,
                        None,
                        r.applied_sql,
                    )),
                    Side::Down => build(&version_table::update_state_statement(
                        r.id,
                        RevisionState::Running,
                        None,
                    )),
                });
            }
            out.push(Frame::Body(i));
            if let Some(r) = record {
                out.push(match r.side {
                    Side::Up => build(&version_table::update_state_statement(
                        r.id,
                        RevisionState::Applied,
                        None,
                    )),
                    Side::Down => build(&version_table::delete_statement(r.id)),
                });
            }
        }
        return out;
    }
    let sqlite = backend == Backend::Sqlite;
    let pragma = |on: bool| {
        let value = if on { "ON" } else { "OFF" };
        Frame::Sql(Statement::from_string(
            db,
            format!("PRAGMA foreign_keys = {value}"),
        ))
    };
    if sqlite {
        out.push(pragma(false));
    }
    out.push(Frame::Begin);
    for (i, record) in revisions.iter().enumerate() {
        out.push(Frame::Body(i));
        if let Some(r) = record {
            out.push(match r.side {
                Side::Up => build(&version_table::insert_statement(
                    r.id,
                    r.checksum,
                    RevisionState::Applied,
                    None,
                    r.applied_sql,
                )),
                Side::Down => build(&version_table::delete_statement(r.id)),
            });
        }
    }
    if sqlite {
        out.push(Frame::ForeignKeyCheck);
    }
    out.push(Frame::Commit);
    if sqlite {
        out.push(pragma(true));
    }
    out
}

/// The statement that records a MySQL revision as failed at `statement` (1-based, when known).
pub fn failed_marker(backend: Backend, id: &str, statement: Option<i64>) -> Statement {
    backend.db().build(&version_table::update_state_statement(
        id,
        RevisionState::Failed,
        statement,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(backend: Backend, record: Option<Record<'_>>) -> Vec<String> {
        frames(backend, record, true)
            .iter()
            .map(|f| f.sql().unwrap_or_else(|| "<body>".into()))
            .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
            .collect()
    }

    #[test]
    fn each_backend_wraps_a_revision_its_own_way() {
        let r = Record {
            id: "abc",
            side: Side::Up,
            checksum: "00",
            applied_sql: None,
        };
        assert_eq!(
            shape(Backend::Postgres, Some(r)),
            [
                "BEGIN",
                "<body>",
                "INSERT INTO \"autogen_version\"",
                "COMMIT"
            ]
        );
        assert_eq!(
            shape(Backend::Sqlite, Some(r)),
            [
                "PRAGMA foreign_keys =",
                "BEGIN",
                "<body>",
                "INSERT INTO \"autogen_version\"",
                "PRAGMA foreign_key_check",
                "COMMIT",
                "PRAGMA foreign_keys ="
            ]
        );
        assert_eq!(
            shape(Backend::MySql, Some(r)),
            [
                "INSERT INTO `autogen_version`",
                "<body>",
                "UPDATE `autogen_version` SET"
            ]
        );
        assert_eq!(shape(Backend::MySql, None), ["<body>"]);
    }

    #[test]
    fn a_non_transactional_revision_is_recorded_as_on_mysql_on_postgres_only() {
        let r = Record {
            id: "abc",
            side: Side::Up,
            checksum: "00",
            applied_sql: None,
        };
        let shape = |backend| {
            frames(backend, Some(r), false)
                .iter()
                .map(|f| f.sql().unwrap_or_else(|| "<body>".into()))
                .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            shape(Backend::Postgres),
            [
                "INSERT INTO \"autogen_version\"",
                "<body>",
                "UPDATE \"autogen_version\" SET"
            ]
        );
        assert_eq!(shape(Backend::Sqlite)[1], "BEGIN");
    }

    #[test]
    fn one_transaction_wraps_every_revision_once_with_a_row_after_each_body() {
        let r = |id| Record {
            id,
            side: Side::Up,
            checksum: "00",
            applied_sql: None,
        };
        let shape = |backend| {
            frames_in_one_transaction(backend, &[r("a"), r("b")])
                .iter()
                .map(|f| match f {
                    Frame::Body(i) => format!("<body {i}>"),
                    f => f.sql().unwrap_or_default(),
                })
                .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            shape(Backend::Postgres),
            [
                "BEGIN",
                "<body 0>",
                "INSERT INTO \"autogen_version\"",
                "<body 1>",
                "INSERT INTO \"autogen_version\"",
                "COMMIT"
            ]
        );
        let sqlite = shape(Backend::Sqlite);
        assert_eq!(
            sqlite.first().map(String::as_str),
            Some("PRAGMA foreign_keys =")
        );
        assert_eq!(sqlite.iter().filter(|s| *s == "BEGIN").count(), 1);
        assert_eq!(sqlite.iter().filter(|s| *s == "COMMIT").count(), 1);
        assert_eq!(sqlite[sqlite.len() - 3], "PRAGMA foreign_key_check");
    }
}
