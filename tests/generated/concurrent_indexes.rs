//! concurrent indexes
//!
//! Revision ID: c0ffee000007
//! Revises: <base>
//! Transactional: no (PostgreSQL runs it outside a transaction)
//! Create Date: 2026-01-01 00:00:00 UTC

use autogen::revision::RevisionMeta;
use sea_orm_migration::{DbErr, MigrationName, MigrationTrait, SchemaManager, async_trait};

use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend, Statement};
use sea_orm_migration::sea_query::{ColumnDef, Index, Table};

/// Revision metadata read by the migrator.
pub const REVISION: RevisionMeta = RevisionMeta {
    id: "c0ffee000007",
    down_revisions: &[],
    branch_labels: &[],
    depends_on: &[],
    replaces: &[],
    transactional: false,
    message: "concurrent indexes",
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
        // drop index idx-account-name on account (name), CONCURRENTLY on PostgreSQL
        manager
            .drop_index(
                Index::drop()
                    .name("idx-account-name")
                    .table("account")
                    .concurrently()
                    .to_owned(),
            )
            .await?;
        // add index idx-account-email on account (email), CONCURRENTLY on PostgreSQL
        manager
            .create_index(
                Index::create()
                    .name("idx-account-email")
                    .table("account")
                    .col("email")
                    .concurrently()
                    .to_owned(),
            )
            .await?;
        // add unique account_handle_key on account (handle), CONCURRENTLY on PostgreSQL
        // HAZARD: adding unique (handle) on account fails if existing rows hold duplicates (may-fail new_unique)
        manager
            .create_index(
                Index::create()
                    .name("account_handle_key")
                    .table("account")
                    .col("handle")
                    .unique()
                    .concurrently()
                    .to_owned(),
            )
            .await?;
        // add table "audit" (2 columns)
        manager
            .create_table(
                Table::create()
                    .table("audit")
                    .col(
                        ColumnDef::new("id")
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(ColumnDef::new("what").string_len(64).not_null())
                    .to_owned(),
            )
            .await?;
        // add index idx-audit-what on audit (what)
        manager
            .create_index(
                Index::create()
                    .name("idx-audit-what")
                    .table("audit")
                    .col("what")
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // drop index idx-audit-what on audit (what)
        // (dropped with table "audit" below)
        // drop table "audit"
        // WARNING: dropping table "audit" deletes all of its rows
        manager
            .drop_table(Table::drop().table("audit").to_owned())
            .await?;
        // drop unique account_handle_key on account (handle), CONCURRENTLY on PostgreSQL
        // HAZARD: dropping unique (handle) on account lets duplicates in; restoring it later may fail (irreversible drop_unique)
        // HAZARD: SQLite rebuilds table account: every row is copied into a new table (locks sqlite_rebuild, sqlite)
        // SQLite cannot alter "account" in place: rebuild it, keeping its rows.
        if manager.get_database_backend() == DbBackend::Sqlite {
            manager
                .create_table(
                    Table::create()
                        .table("_autogen_new_account")
                        .col(
                            ColumnDef::new("id")
                                .big_integer()
                                .not_null()
                                .auto_increment()
                                .primary_key(),
                        )
                        .col(ColumnDef::new("email").string_len(255).not_null())
                        .col(ColumnDef::new("handle").string_len(64).not_null())
                        .col(ColumnDef::new("name").string_len(100).null())
                        .to_owned(),
                )
                .await?;
            manager.get_connection().execute_raw(Statement::from_string(manager.get_database_backend(), r#"INSERT INTO "_autogen_new_account" ("id", "email", "handle", "name") SELECT "id", "email", "handle", "name" FROM "account""#)).await?;
            manager
                .drop_table(Table::drop().table("account").to_owned())
                .await?;
            manager
                .rename_table(
                    Table::rename()
                        .table("_autogen_new_account", "account")
                        .to_owned(),
                )
                .await?;
            manager
                .create_index(
                    Index::create()
                        .name("idx-account-name")
                        .table("account")
                        .col("name")
                        .to_owned(),
                )
                .await?;
        }
        match manager.get_database_backend() {
            DbBackend::Postgres => {
                manager
                    .get_connection()
                    .execute_raw(Statement::from_string(
                        manager.get_database_backend(),
                        r#"ALTER TABLE "account" DROP CONSTRAINT IF EXISTS "account_handle_key""#,
                    ))
                    .await?;
                manager
                    .get_connection()
                    .execute_raw(Statement::from_string(
                        manager.get_database_backend(),
                        r#"DROP INDEX CONCURRENTLY IF EXISTS "account_handle_key""#,
                    ))
                    .await?;
            }
            DbBackend::MySql => {
                manager
                    .drop_index(
                        Index::drop()
                            .name("account_handle_key")
                            .table("account")
                            .to_owned(),
                    )
                    .await?;
            }
            _ => {}
        }
        // drop index idx-account-email on account (email), CONCURRENTLY on PostgreSQL
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .drop_index(
                    Index::drop()
                        .name("idx-account-email")
                        .table("account")
                        .concurrently()
                        .to_owned(),
                )
                .await?;
        }
        // add index idx-account-name on account (name), CONCURRENTLY on PostgreSQL
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .create_index(
                    Index::create()
                        .name("idx-account-name")
                        .table("account")
                        .col("name")
                        .concurrently()
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
