//! initial schema
//!
//! Revision ID: 3c1f0e9a7b21
//! Revises: <base>
//! Create Date: 2026-11-21 17:00:00 UTC

use autogen::revision::RevisionMeta;
use sea_orm_migration::sea_query::{ColumnDef, Expr, ForeignKey, ForeignKeyAction, Index, Table};
use sea_orm_migration::{DbErr, MigrationName, MigrationTrait, SchemaManager, async_trait};

/// Revision metadata read by the migrator.
pub const REVISION: RevisionMeta = RevisionMeta {
    id: "3c1f0e9a7b21",
    down_revisions: &[],
    branch_labels: &[],
    depends_on: &[],
    message: "initial schema",
    create_date: "2026-11-21 17:00:00 UTC",
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
        manager
            .create_table(
                Table::create()
                    .table("user")
                    .col(ColumnDef::new("id").uuid().not_null().primary_key())
                    .col(ColumnDef::new("email").string().not_null().unique_key())
                    .col(ColumnDef::new("hashed_password").string().not_null())
                    .col(ColumnDef::new("full_name").string().not_null())
                    .col(ColumnDef::new("avatar_url").string().null())
                    .col(ColumnDef::new("is_active").boolean().not_null().default(true))
                    .col(ColumnDef::new("is_verified").boolean().not_null().default(false))
                    .col(ColumnDef::new("is_superuser").boolean().not_null().default(false))
                    .col(
                        ColumnDef::new("created_at")
                            .timestamp_with_time_zone()
                            .not_null()
                            .default(Expr::current_timestamp()),
                    )
                    .col(
                        ColumnDef::new("updated_at")
                            .timestamp_with_time_zone()
                            .not_null()
                            .default(Expr::current_timestamp()),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("product")
                    .col(ColumnDef::new("id").uuid().not_null().primary_key())
                    .col(ColumnDef::new("name").string().not_null())
                    .col(ColumnDef::new("description").text().null())
                    .col(ColumnDef::new("sku").string().not_null().unique_key())
                    .col(ColumnDef::new("price").decimal_len(10, 2).not_null())
                    .col(ColumnDef::new("stock").integer().not_null().default(0))
                    .col(ColumnDef::new("owner_id").uuid().not_null())
                    .col(
                        ColumnDef::new("created_at")
                            .timestamp_with_time_zone()
                            .not_null()
                            .default(Expr::current_timestamp()),
                    )
                    .col(
                        ColumnDef::new("updated_at")
                            .timestamp_with_time_zone()
                            .not_null()
                            .default(Expr::current_timestamp()),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk-product-owner_id")
                            .from_col("owner_id")
                            .to("user", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("order")
                    .col(ColumnDef::new("id").big_integer().not_null().auto_increment().primary_key())
                    .col(ColumnDef::new("user_id").uuid().not_null())
                    .col(ColumnDef::new("total").decimal_len(10, 2).not_null())
                    .col(ColumnDef::new("status").string_len(16).not_null().default("pending"))
                    .col(
                        ColumnDef::new("created_at")
                            .timestamp_with_time_zone()
                            .not_null()
                            .default(Expr::current_timestamp()),
                    )
                    .foreign_key(ForeignKey::create().name("fk-order-user_id").from_col("user_id").to("user", "id"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("idx-order-user_id").table("order").col("user_id").to_owned())
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("order").to_owned()).await?;
        manager.drop_table(Table::drop().table("product").to_owned()).await?;
        manager.drop_table(Table::drop().table("user").to_owned()).await
    }
}
