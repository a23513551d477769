//! Version rows of squashed ranges (see `revision::squash`): a database that records the end
//! of a range that a squash replaces is at the squash, and the migrator writes that down
//! before it plans anything, so every later step (checksums, downgrades, `stamp`) deals with
//! the squash's one row.

use std::collections::BTreeSet;

use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait};

use super::error::RuntimeError;
use super::version_table::{self, RevisionState};

/// The rows to write so that the version table records `in_view` (the applied set in the
/// view's ids) instead of `applied`: squashes to insert, replaced revisions to delete.
pub fn replacements(
    applied: &BTreeSet<String>,
    in_view: &BTreeSet<String>,
) -> (Vec<String>, Vec<String>) {
    let insert = in_view.difference(applied).cloned().collect();
    let delete = applied.difference(in_view).cloned().collect();
    (insert, delete)
}

/// Inserts each squash with its checksum and deletes the rows it replaces, in one transaction
/// (the version table is transactional on every backend, MySQL's InnoDB included).
pub async fn record(
    conn: &DatabaseConnection,
    insert: &[(String, String)],
    delete: &[String],
) -> Result<(), RuntimeError> {
    let failed = |e| RuntimeError::db("cannot record a squashed revision in the version table", e);
    let txn = conn.begin().await.map_err(failed)?;
    for (id, checksum) in insert {
        let stmt =
            version_table::insert_statement(id, checksum, RevisionState::Applied, None, None);
        txn.execute(&stmt).await.map_err(failed)?;
    }
    for id in delete {
        txn.execute(&version_table::delete_statement(id))
            .await
            .map_err(failed)?;
    }
    txn.commit().await.map_err(failed)?;
    Ok(())
}
