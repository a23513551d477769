//! PostgreSQL: a failed `CREATE [UNIQUE] INDEX CONCURRENTLY` leaves the index behind, marked
//! invalid (`pg_index.indisvalid = false`): never used by queries, still updated by every
//! write, and in the way of the rerun. The report names it and how to recover:
//! <https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY>.

use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};

use super::db_error::DbError;
use super::error::RuntimeError;
use super::progress::Progress;
use crate::backend::Backend;

/// A concurrent build that failed and left its index behind, invalid.
#[derive(Debug, thiserror::Error)]
#[error(
    "revision {revision} failed {progress} and left invalid index {indexes} (pg_index.indisvalid = false: not used by queries, still maintained by writes); {recovery}"
)]
pub struct InvalidIndexLeft {
    /// The revision.
    pub revision: String,
    /// How far it got.
    pub progress: Progress,
    /// The invalid indexes, quoted, with their tables.
    pub indexes: String,
    /// What to do.
    pub recovery: String,
    /// The server's error.
    #[source]
    pub source: DbError,
}

/// The invalid indexes of the current schema, as `(index, table)`.
const INVALID_INDEXES: &str = "SELECT c.relname AS index_name, t.relname AS table_name \
     FROM pg_index i \
     JOIN pg_class c ON c.oid = i.indexrelid \
     JOIN pg_class t ON t.oid = i.indrelid \
     JOIN pg_namespace n ON n.oid = c.relnamespace \
     WHERE NOT i.indisvalid AND n.nspname = current_schema() \
     ORDER BY 1";

/// Turns a partly applied revision whose concurrent build failed into the error that names
/// the invalid index it left, and how to recover; any other error is returned as it is.
/// `planned` are the revision's statements (only indexes they build concurrently count) and
/// `parent` the revision to `stamp` when nothing before the failing statement ran.
pub async fn explain(
    conn: &DatabaseConnection,
    error: RuntimeError,
    planned: &[String],
    parent: &str,
) -> RuntimeError {
    let RuntimeError::PartiallyApplied {
        revision,
        progress,
        source,
    } = error
    else {
        return error;
    };
    let found = invalid_indexes(conn, planned).await;
    if found.is_empty() {
        return RuntimeError::PartiallyApplied {
            revision,
            progress,
            source,
        };
    }
    let names: Vec<String> = found
        .iter()
        .map(|(index, table)| format!("{} on table {table}", Backend::Postgres.ident(index)))
        .collect();
    let drops: Vec<String> = found
        .iter()
        .map(|(index, _)| {
            format!(
                "`DROP INDEX CONCURRENTLY {};`",
                Backend::Postgres.ident(index)
            )
        })
        .collect();
    let stamp = if progress.statement() == Some(1) {
        format!("`stamp {parent}` (nothing before it ran; this clears the failed marker)")
    } else {
        "`stamp` the revision whose schema you reached (this clears the failed marker)".into()
    };
    RuntimeError::InvalidIndex(Box::new(InvalidIndexLeft {
        recovery: format!(
            "recover: {}, fix what made the build fail (the database message ends this line), {stamp}, then run `upgrade` again",
            drops.join(" ")
        ),
        revision,
        progress,
        indexes: names.join(", "),
        source,
    }))
}

/// The invalid indexes `planned` builds concurrently; none when the catalog cannot be read
/// (the original error is then reported alone).
async fn invalid_indexes(conn: &DatabaseConnection, planned: &[String]) -> Vec<(String, String)> {
    let query = Statement::from_string(conn.get_database_backend(), INVALID_INDEXES);
    let Ok(rows) = conn.query_all_raw(query).await else {
        return Vec::new();
    };
    rows.iter()
        .filter_map(|row| {
            let index: String = row.try_get("", "index_name").ok()?;
            let table: String = row.try_get("", "table_name").ok()?;
            Some((index, table))
        })
        .filter(|(index, _)| {
            let quoted = Backend::Postgres.ident(index);
            planned
                .iter()
                .any(|stmt| stmt.contains("CONCURRENTLY") && stmt.contains(&quoted))
        })
        .collect()
}
