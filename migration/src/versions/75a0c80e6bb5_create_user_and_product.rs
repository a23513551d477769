//! create user and product
//!
//! Revision ID: 75a0c80e6bb5
//! Revises: <base>
//! Create Date: 2026-11-21 17:25:46 UTC

use autogen::revision::RevisionMeta;
use sea_orm_migration::{DbErr, MigrationName, MigrationTrait, SchemaManager, async_trait};

use sea_orm_migration::sea_query::{ColumnDef, Expr, ForeignKey, ForeignKeyAction, Index, Table};

/// Revision metadata read by the migrator.
pub const REVISION: RevisionMeta = RevisionMeta {
    id: "75a0c80e6bb5",
    down_revisions: &[],
    branch_labels: &[],
    depends_on: &[],
    replaces: &[],
    transactional: true,
    message: "create user and product",
    create_date: "2026-11-21 17:25:46 UTC",
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
        // add table "user" (10 columns)
        manager
            .create_table(
                Table::create()
                    .table("user")
                    .col(ColumnDef::new("id").uuid().not_null().primary_key())
                    .col(ColumnDef::new("email").string().not_null())
                    .col(ColumnDef::new("hashed_password").string().not_null())
                    .col(ColumnDef::new("full_name").string().not_null())
                    .col(ColumnDef::new("avatar_url").string().null())
                    .col(
                        ColumnDef::new("is_active")
                            .boolean()
                            .not_null()
                            .default(true),
                    )
                    .col(
                        ColumnDef::new("is_verified")
                            .boolean()
                            .not_null()
                            .default(false),
                    )
                    .col(
                        ColumnDef::new("is_superuser")
                            .boolean()
                            .not_null()
                            .default(false),
                    )
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
                    .index(Index::create().name("user_email_key").col("email").unique())
                    .to_owned(),
            )
            .await?;
        // add table "product" (9 columns)
        manager
            .create_table(
                Table::create()
                    .table("product")
                    .col(ColumnDef::new("id").uuid().not_null().primary_key())
                    .col(ColumnDef::new("name").string().not_null())
                    .col(ColumnDef::new("description").text().null())
                    .col(ColumnDef::new("sku").string().not_null())
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
                    .index(Index::create().name("product_sku_key").col("sku").unique())
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk-product-owner_id")
                            .from_col("owner_id")
                            .to_tbl("user")
                            .to_col("id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // drop table "product"
        // WARNING: dropping table "product" deletes all of its rows
        manager
            .drop_table(Table::drop().table("product").to_owned())
            .await?;
        // drop table "user"
        // WARNING: dropping table "user" deletes all of its rows
        manager
            .drop_table(Table::drop().table("user").to_owned())
            .await?;
        Ok(())
    }
}
