//! Revision metadata, written as a literal in every migration file.

/// Static metadata of one revision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RevisionMeta {
    /// Revision id (12 lowercase hex characters for generated ids; any `[A-Za-z0-9_]+` is allowed).
    pub id: &'static str,
    /// Parent revisions: empty for a base, two or more for a merge.
    pub down_revisions: &'static [&'static str],
    /// Branch labels, usable as `label@head`.
    pub branch_labels: &'static [&'static str],
    /// Extra dependencies that must be applied first, without being parents.
    pub depends_on: &'static [&'static str],
    /// The revisions this one replaces (`squash`), oldest first: a database whose version
    /// table records the last of them is at this revision (see `revision::squash`).
    pub replaces: &'static [&'static str],
    /// Whether PostgreSQL runs it inside a transaction (SQLite always does; MySQL commits DDL
    /// as it goes). `false` for a revision that builds or drops indexes `CONCURRENTLY`, which
    /// PostgreSQL refuses inside one; its progress is then recorded as on MySQL:
    /// <https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY>.
    pub transactional: bool,
    /// Human message.
    pub message: &'static str,
    /// Creation timestamp, `YYYY-MM-DD HH:MM:SS UTC`.
    pub create_date: &'static str,
}
