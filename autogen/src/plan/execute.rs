//! Running planned steps against a live database (or the recording connection).

use sea_orm::{ConnectionTrait, DbBackend, DbErr};
use sea_orm_migration::SchemaManager;

use super::build::{Statement, statement};
use super::step::{Step, statements_for};

/// Runs the steps that apply to the manager's backend, in order.
pub async fn execute(steps: &[Step], manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let backend = manager.get_database_backend();
    for stmt in statements_for(steps, backend)
        .into_iter()
        .filter_map(statement)
    {
        run(stmt, manager).await?;
    }
    Ok(())
}

async fn run(stmt: Statement, manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    match stmt {
        Statement::CreateTable(s) => manager.create_table(s).await,
        Statement::DropTable(s) => manager.drop_table(s).await,
        Statement::RenameTable(s) => manager.rename_table(s).await,
        Statement::AlterTable(s) => manager.alter_table(s).await,
        Statement::CreateIndex(s) => manager.create_index(s).await,
        Statement::DropIndex(s) => manager.drop_index(s).await,
        Statement::CreateForeignKey(s) => manager.create_foreign_key(s).await,
        Statement::DropForeignKey(s) => manager.drop_foreign_key(s).await,
        // Through `execute_raw`, not `execute_unprepared`: only the former reaches the
        // connection's metric callback, which `--echo-sql` and MySQL progress counting read.
        Statement::Raw(sql) => manager
            .get_connection()
            .execute_raw(sea_orm::Statement::from_string(
                manager.get_database_backend(),
                sql,
            ))
            .await
            .map(|_| ()),
    }
}

/// The SQL the steps produce on `backend`, built without a connection.
pub fn sql_for(steps: &[Step], backend: DbBackend) -> Vec<String> {
    statements_for(steps, backend)
        .into_iter()
        .filter_map(statement)
        .map(|stmt| match stmt {
            Statement::CreateTable(s) => backend.build(&s).to_string(),
            Statement::DropTable(s) => backend.build(&s).to_string(),
            Statement::RenameTable(s) => backend.build(&s).to_string(),
            Statement::AlterTable(s) => backend.build(&s).to_string(),
            Statement::CreateIndex(s) => backend.build(&s).to_string(),
            Statement::DropIndex(s) => backend.build(&s).to_string(),
            Statement::CreateForeignKey(s) => backend.build(&s).to_string(),
            Statement::DropForeignKey(s) => backend.build(&s).to_string(),
            Statement::Raw(sql) => sql,
        })
        .collect()
}
