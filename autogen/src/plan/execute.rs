//! Running planned steps against a live database (or the recording connection).

use sea_orm::{DbBackend, DbErr};
use sea_orm_migration::SchemaManager;

use crate::backend::Backend;

use super::build::statement;
use super::step::{Step, statements_for};

/// Runs the steps that apply to the manager's backend, in order.
pub async fn execute(steps: &[Step], manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let backend = manager.get_database_backend();
    for stmt in statements_for(steps, backend)
        .into_iter()
        .filter_map(statement)
    {
        stmt.run(manager).await?;
    }
    Ok(())
}

/// The SQL the steps produce on `backend`, built without a connection.
pub fn sql_for(steps: &[Step], backend: DbBackend) -> Vec<String> {
    statements_for(steps, backend)
        .into_iter()
        .filter_map(statement)
        .map(|stmt| stmt.sql(Backend::of(backend)))
        .collect()
}
