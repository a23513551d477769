//! computed columns
//!
//! Revision ID: c0mputedc01s
//! Revises: <base>
//! Create Date: 2026-01-01 00:00:00 UTC

use autogen::revision::RevisionMeta;
use sea_orm_migration::{DbErr, MigrationName, MigrationTrait, SchemaManager, async_trait};

use autogen::plan::ColumnDefExt;
use autogen::plan::GeneratedAs;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend, Statement};
use sea_orm_migration::sea_query::{ColumnDef, Table};

/// Revision metadata read by the migrator.
pub const REVISION: RevisionMeta = RevisionMeta {
    id: "c0mputedc01s",
    down_revisions: &[],
    branch_labels: &[],
    depends_on: &[],
    replaces: &[],
    transactional: true,
    message: "computed columns",
    create_date: "2026-01-01 00:00:00 UTC",
};

/// The migration itself.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        REVISION.id
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // alter column line.total: GENERATED ALWAYS AS (price * qty) STORED -> GENERATED ALWAYS AS (price * qty + 1) STORED
        // HAZARD: the expression of generated column line.total cannot be altered in place (PostgreSQL 15, SQLite): the column is dropped and added again, recomputed for every row; indexes on it must be recreated (locks generated_recreated)
        // HAZARD: SQLite rebuilds table line: every row is copied into a new table (locks sqlite_rebuild, sqlite)
        // SQLite cannot alter "line" in place: rebuild it, keeping its rows.
        if manager.get_database_backend() == DbBackend::Sqlite {
            manager
                .create_table(
                    Table::create()
                        .table("_autogen_new_line")
                        .col(ColumnDef::new("id").integer().not_null().primary_key())
                        .col(ColumnDef::new("price").integer().not_null())
                        .col(ColumnDef::new("qty").integer().not_null())
                        .col(ColumnDef::new("total").integer().generated_as(
                            manager.get_database_backend(),
                            GeneratedAs::stored("price * qty + 1").not_null(),
                        ))
                        .col(ColumnDef::new("doubled").integer().generated_as(
                            manager.get_database_backend(),
                            GeneratedAs::virtual_("qty * 2"),
                        ))
                        .to_owned(),
                )
                .await?;
            manager.get_connection().execute_raw(Statement::from_string(manager.get_database_backend(), r#"INSERT INTO "_autogen_new_line" ("id", "price", "qty") SELECT "id", "price", "qty" FROM "line""#)).await?;
            manager
                .drop_table(Table::drop().table("line").to_owned())
                .await?;
            manager
                .rename_table(
                    Table::rename()
                        .table("_autogen_new_line", "line")
                        .to_owned(),
                )
                .await?;
        }
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .alter_table(Table::alter().table("line").drop_column("total").to_owned())
                .await?;
            manager
                .alter_table(
                    Table::alter()
                        .table("line")
                        .add_column(ColumnDef::new("total").integer().generated_as(
                            manager.get_database_backend(),
                            GeneratedAs::stored("price * qty + 1").not_null(),
                        ))
                        .to_owned(),
                )
                .await?;
        }
        // add column line.doubled (integer NULL GENERATED ALWAYS AS (qty * 2) VIRTUAL)
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .alter_table(
                    Table::alter()
                        .table("line")
                        .add_column(ColumnDef::new("doubled").integer().generated_as(
                            manager.get_database_backend(),
                            GeneratedAs::virtual_("qty * 2"),
                        ))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // drop column line.doubled (integer NULL GENERATED ALWAYS AS (qty * 2) VIRTUAL)
        manager
            .alter_table(
                Table::alter()
                    .table("line")
                    .drop_column("doubled")
                    .to_owned(),
            )
            .await?;
        // alter column line.total: GENERATED ALWAYS AS (price * qty + 1) STORED -> GENERATED ALWAYS AS (price * qty) STORED
        // HAZARD: the expression of generated column line.total cannot be altered in place (PostgreSQL 15, SQLite): the column is dropped and added again, recomputed for every row; indexes on it must be recreated (locks generated_recreated)
        // HAZARD: SQLite rebuilds table line: every row is copied into a new table (locks sqlite_rebuild, sqlite)
        // SQLite cannot alter "line" in place: rebuild it, keeping its rows.
        if manager.get_database_backend() == DbBackend::Sqlite {
            manager
                .create_table(
                    Table::create()
                        .table("_autogen_new_line")
                        .col(ColumnDef::new("id").integer().not_null().primary_key())
                        .col(ColumnDef::new("price").integer().not_null())
                        .col(ColumnDef::new("qty").integer().not_null())
                        .col(ColumnDef::new("total").integer().generated_as(
                            manager.get_database_backend(),
                            GeneratedAs::stored("price * qty").not_null(),
                        ))
                        .to_owned(),
                )
                .await?;
            manager.get_connection().execute_raw(Statement::from_string(manager.get_database_backend(), r#"INSERT INTO "_autogen_new_line" ("id", "price", "qty") SELECT "id", "price", "qty" FROM "line""#)).await?;
            manager
                .drop_table(Table::drop().table("line").to_owned())
                .await?;
            manager
                .rename_table(
                    Table::rename()
                        .table("_autogen_new_line", "line")
                        .to_owned(),
                )
                .await?;
        }
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .alter_table(Table::alter().table("line").drop_column("total").to_owned())
                .await?;
            manager
                .alter_table(
                    Table::alter()
                        .table("line")
                        .add_column(ColumnDef::new("total").integer().generated_as(
                            manager.get_database_backend(),
                            GeneratedAs::stored("price * qty").not_null(),
                        ))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
