//! add order
//!
//! Revision ID: 680c9dba15ef
//! Revises: 75a0c80e6bb5
//! Create Date: 2026-11-21 17:25:50 UTC

use autogen::revision::RevisionMeta;
use sea_orm_migration::{DbErr, MigrationName, MigrationTrait, SchemaManager, async_trait};

use sea_orm_migration::sea_query::{ColumnDef, Expr, ForeignKey, Table};

/// Revision metadata read by the migrator.
pub const REVISION: RevisionMeta = RevisionMeta {
    id: "680c9dba15ef",
    down_revisions: &["75a0c80e6bb5"],
    branch_labels: &[],
    depends_on: &[],
    replaces: &[],
    transactional: true,
    message: "add order",
    create_date: "2026-11-21 17:25:50 UTC",
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
        // add table "order" (5 columns)
        manager
            .create_table(
                Table::create()
                    .table("order")
                    .col(
                        ColumnDef::new("id")
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(ColumnDef::new("user_id").uuid().not_null())
                    .col(ColumnDef::new("total").decimal_len(10, 2).not_null())
                    .col(
                        ColumnDef::new("status")
                            .string_len(16)
                            .not_null()
                            .default("pending"),
                    )
                    .col(
                        ColumnDef::new("created_at")
                            .timestamp_with_time_zone()
                            .not_null()
                            .default(Expr::current_timestamp()),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk-order-user_id")
                            .from_col("user_id")
                            .to_tbl("user")
                            .to_col("id"),
                    )
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // drop table "order"
        // WARNING: dropping table "order" deletes all of its rows
        manager
            .drop_table(Table::drop().table("order").to_owned())
            .await?;
        Ok(())
    }
}
