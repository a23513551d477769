//! column kinds
//!
//! Revision ID: c0lumnk1nd5a
//! Revises: <base>
//! Create Date: 2026-01-01 00:00:00 UTC

use autogen::revision::RevisionMeta;
use sea_orm_migration::{DbErr, MigrationName, MigrationTrait, SchemaManager, async_trait};

use autogen::plan::ColumnDefExt;
use autogen::plan::UnsignedWidth;
use sea_orm_migration::sea_query::{ColumnDef, ForeignKey, Table};

/// Revision metadata read by the migrator.
pub const REVISION: RevisionMeta = RevisionMeta {
    id: "c0lumnk1nd5a",
    down_revisions: &[],
    branch_labels: &[],
    depends_on: &[],
    replaces: &[],
    transactional: true,
    message: "column kinds",
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
        // add table "parent" (2 columns)
        manager
            .create_table(
                Table::create()
                    .table("parent")
                    .col(
                        ColumnDef::new("id")
                            .unsigned_key(manager.get_database_backend(), UnsignedWidth::Int)
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(ColumnDef::new("score").small_unsigned().null())
                    .to_owned(),
            )
            .await?;
        // add table "child" (3 columns)
        manager
            .create_table(
                Table::create()
                    .table("child")
                    .col(
                        ColumnDef::new("id")
                            .unsigned_key(manager.get_database_backend(), UnsignedWidth::Big)
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(ColumnDef::new("parent_id").unsigned().not_null())
                    .col(ColumnDef::new("flags").tiny_unsigned().null())
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk-child-parent_id")
                            .from_col("parent_id")
                            .to_tbl("parent")
                            .to_col("id"),
                    )
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // drop table "child"
        // WARNING: dropping table "child" deletes all of its rows
        manager
            .drop_table(Table::drop().table("child").to_owned())
            .await?;
        // drop table "parent"
        // WARNING: dropping table "parent" deletes all of its rows
        manager
            .drop_table(Table::drop().table("parent").to_owned())
            .await?;
        Ok(())
    }
}
