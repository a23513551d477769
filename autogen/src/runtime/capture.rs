//! Runs migration code against a recording connection that never touches a database.

use sea_orm::{DatabaseConnection, DbBackend, MockDatabase, MockExecResult};
use sea_orm_migration::{MigrationTrait, SchemaManager};

use super::db_error::DbError;
use super::error::RuntimeError;

/// Generous buffers: the mock connection needs one canned result per call.
const MOCK_RESULTS: usize = 4096;

/// Which side of a migration to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// `up`.
    Up,
    /// `down`.
    Down,
}

/// The SQL statements `up` (or `down`) of `migration` emits on `backend`, in order.
pub async fn capture_sql(
    backend: DbBackend,
    migration: &dyn MigrationTrait,
    side: Side,
    revision: &str,
) -> Result<Vec<String>, RuntimeError> {
    let conn = recording_connection(backend);
    let manager = SchemaManager::new(&conn);
    let result = match side {
        Side::Up => migration.up(&manager).await,
        Side::Down => migration.down(&manager).await,
    };
    drop(manager);
    result.map_err(|e| RuntimeError::Capture {
        revision: revision.to_string(),
        source: DbError::from(&e),
    })?;
    Ok(conn
        .into_transaction_log()
        .into_iter()
        .flat_map(|txn| txn.statements().to_vec())
        .map(|stmt| stmt.to_string())
        .collect())
}

fn recording_connection(backend: DbBackend) -> DatabaseConnection {
    MockDatabase::new(backend)
        .append_exec_results((0..MOCK_RESULTS).map(|_| MockExecResult::default()))
        .append_query_results::<std::collections::BTreeMap<String, sea_orm::Value>, _, _>(
            (0..MOCK_RESULTS).map(|_| Vec::new()),
        )
        .into_connection()
}
