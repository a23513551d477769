//! alter with rebuild
//!
//! Revision ID: c0ffee000002
//! Revises: <base>
//! Create Date: 2026-01-01 00:00:00 UTC

use autogen::revision::RevisionMeta;
use sea_orm_migration::{DbErr, MigrationName, MigrationTrait, SchemaManager, async_trait};

use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend, Statement};
use sea_orm_migration::sea_query::{ColumnDef, Expr, Index, Table};

/// Revision metadata read by the migrator.
pub const REVISION: RevisionMeta = RevisionMeta {
    id: "c0ffee000002",
    down_revisions: &[],
    branch_labels: &[],
    depends_on: &[],
    replaces: &[],
    transactional: true,
    message: "alter with rebuild",
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
        // rename column item.qty -> quantity
        manager
            .alter_table(
                Table::alter()
                    .table("item")
                    .rename_column("qty", "quantity")
                    .to_owned(),
            )
            .await?;
        // drop column item.legacy (integer NULL)
        // WARNING: dropping column item.legacy deletes the data in it
        manager
            .alter_table(
                Table::alter()
                    .table("item")
                    .drop_column("legacy")
                    .to_owned(),
            )
            .await?;
        // alter column item.code: type varchar(50) -> varchar(200), NOT NULL -> NULL, default none -> 'none'
        // HAZARD: SQLite rebuilds table item: every row is copied into a new table (locks sqlite_rebuild, sqlite)
        // SQLite cannot alter "item" in place: rebuild it, keeping its rows.
        if manager.get_database_backend() == DbBackend::Sqlite {
            manager
                .create_table(
                    Table::create()
                        .table("_autogen_new_item")
                        .col(
                            ColumnDef::new("id")
                                .integer()
                                .not_null()
                                .auto_increment()
                                .primary_key(),
                        )
                        .col(
                            ColumnDef::new("code")
                                .string_len(200)
                                .null()
                                .default("none"),
                        )
                        .col(ColumnDef::new("quantity").big_integer().not_null())
                        .col(ColumnDef::new("note").text().null())
                        .col(
                            ColumnDef::new("created_at")
                                .date_time()
                                .not_null()
                                .default(Expr::current_timestamp()),
                        )
                        .col(ColumnDef::new("weight").float().null().default(0))
                        .to_owned(),
                )
                .await?;
            manager.get_connection().execute_raw(Statement::from_string(manager.get_database_backend(), r#"INSERT INTO "_autogen_new_item" ("id", "code", "quantity", "note") SELECT "id", "code", "quantity", "note" FROM "item""#)).await?;
            manager
                .drop_table(Table::drop().table("item").to_owned())
                .await?;
            manager
                .rename_table(
                    Table::rename()
                        .table("_autogen_new_item", "item")
                        .to_owned(),
                )
                .await?;
            manager
                .create_index(
                    Index::create()
                        .name("item_note_key")
                        .table("item")
                        .col("note")
                        .unique()
                        .to_owned(),
                )
                .await?;
            manager
                .create_index(
                    Index::create()
                        .name("idx-item-code")
                        .table("item")
                        .col("code")
                        .to_owned(),
                )
                .await?;
            manager
                .create_index(
                    Index::create()
                        .name("idx-item-quantity")
                        .table("item")
                        .col("quantity")
                        .to_owned(),
                )
                .await?;
        }
        match manager.get_database_backend() {
            DbBackend::MySql => {
                manager
                    .alter_table(
                        Table::alter()
                            .table("item")
                            .modify_column(
                                ColumnDef::new("code")
                                    .string_len(200)
                                    .null()
                                    .default("none"),
                            )
                            .to_owned(),
                    )
                    .await?;
            }
            DbBackend::Postgres => {
                manager
                    .alter_table(
                        Table::alter()
                            .table("item")
                            .modify_column(
                                ColumnDef::new("code")
                                    .string_len(200)
                                    .null()
                                    .default("none"),
                            )
                            .to_owned(),
                    )
                    .await?;
            }
            _ => {}
        }
        // alter column item.quantity: type integer -> bigint
        // HAZARD: changing the type of item.quantity rewrites every row of item under an exclusive lock (locks column_rewrite, postgres)
        // HAZARD: MODIFY COLUMN item.quantity copies the whole table item, blocking writes until done (locks mysql_table_copy, mysql)
        match manager.get_database_backend() {
            DbBackend::MySql => {
                manager
                    .alter_table(
                        Table::alter()
                            .table("item")
                            .modify_column(ColumnDef::new("quantity").big_integer().not_null())
                            .to_owned(),
                    )
                    .await?;
            }
            DbBackend::Postgres => {
                manager
                    .alter_table(
                        Table::alter()
                            .table("item")
                            .modify_column(ColumnDef::new("quantity").big_integer())
                            .to_owned(),
                    )
                    .await?;
            }
            _ => {}
        }
        // add column item.created_at (datetime NOT NULL DEFAULT CURRENT_TIMESTAMP)
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .alter_table(
                    Table::alter()
                        .table("item")
                        .add_column(
                            ColumnDef::new("created_at")
                                .date_time()
                                .not_null()
                                .default(Expr::current_timestamp()),
                        )
                        .to_owned(),
                )
                .await?;
        }
        // add column item.weight (float NULL DEFAULT 0)
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .alter_table(
                    Table::alter()
                        .table("item")
                        .add_column(ColumnDef::new("weight").float().null().default(0))
                        .to_owned(),
                )
                .await?;
        }
        // add index idx-item-quantity on item (quantity)
        // HAZARD: building index idx-item-quantity without CONCURRENTLY blocks writes to item until it finishes (locks index_locks_table, postgres)
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .create_index(
                    Index::create()
                        .name("idx-item-quantity")
                        .table("item")
                        .col("quantity")
                        .to_owned(),
                )
                .await?;
        }
        // add unique item_note_key on item (note)
        // HAZARD: adding unique (note) on item fails if existing rows hold duplicates (may-fail new_unique)
        // HAZARD: building index item_note_key without CONCURRENTLY blocks writes to item until it finishes (locks index_locks_table, postgres)
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .create_index(
                    Index::create()
                        .name("item_note_key")
                        .table("item")
                        .col("note")
                        .unique()
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // HAZARD: the downgrade recreates column item.legacy without its values: it restores the structure, not the data (irreversible drop_restores_structure_only)
        // drop unique item_note_key on item (note)
        // HAZARD: dropping unique (note) on item lets duplicates in; restoring it later may fail (irreversible drop_unique)
        // HAZARD: SQLite rebuilds table item: every row is copied into a new table (locks sqlite_rebuild, sqlite)
        // SQLite cannot alter "item" in place: rebuild it, keeping its rows.
        if manager.get_database_backend() == DbBackend::Sqlite {
            manager
                .create_table(
                    Table::create()
                        .table("_autogen_new_item")
                        .col(
                            ColumnDef::new("id")
                                .integer()
                                .not_null()
                                .auto_increment()
                                .primary_key(),
                        )
                        .col(ColumnDef::new("code").string_len(50).not_null())
                        .col(ColumnDef::new("qty").integer().not_null())
                        .col(ColumnDef::new("note").text().null())
                        .col(ColumnDef::new("legacy").integer().null())
                        .to_owned(),
                )
                .await?;
            manager.get_connection().execute_raw(Statement::from_string(manager.get_database_backend(), r#"INSERT INTO "_autogen_new_item" ("id", "code", "qty", "note") SELECT "id", "code", "quantity", "note" FROM "item""#)).await?;
            manager
                .drop_table(Table::drop().table("item").to_owned())
                .await?;
            manager
                .rename_table(
                    Table::rename()
                        .table("_autogen_new_item", "item")
                        .to_owned(),
                )
                .await?;
            manager
                .create_index(
                    Index::create()
                        .name("idx-item-code")
                        .table("item")
                        .col("code")
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
                        r#"ALTER TABLE "item" DROP CONSTRAINT IF EXISTS "item_note_key""#,
                    ))
                    .await?;
                manager
                    .get_connection()
                    .execute_raw(Statement::from_string(
                        manager.get_database_backend(),
                        r#"DROP INDEX IF EXISTS "item_note_key""#,
                    ))
                    .await?;
            }
            DbBackend::MySql => {
                manager
                    .drop_index(Index::drop().name("item_note_key").table("item").to_owned())
                    .await?;
            }
            _ => {}
        }
        // drop index idx-item-quantity on item (quantity)
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .drop_index(
                    Index::drop()
                        .name("idx-item-quantity")
                        .table("item")
                        .to_owned(),
                )
                .await?;
        }
        // drop column item.weight (float NULL DEFAULT 0)
        // WARNING: dropping column item.weight deletes the data in it
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .alter_table(
                    Table::alter()
                        .table("item")
                        .drop_column("weight")
                        .to_owned(),
                )
                .await?;
        }
        // drop column item.created_at (datetime NOT NULL DEFAULT CURRENT_TIMESTAMP)
        // WARNING: dropping column item.created_at deletes the data in it
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .alter_table(
                    Table::alter()
                        .table("item")
                        .drop_column("created_at")
                        .to_owned(),
                )
                .await?;
        }
        // alter column item.quantity: type bigint -> integer
        // WARNING: changing the type of item.quantity from bigint to integer may truncate or reject existing values
        // HAZARD: changing the type of item.quantity rewrites every row of item under an exclusive lock (locks column_rewrite, postgres)
        // HAZARD: MODIFY COLUMN item.quantity copies the whole table item, blocking writes until done (locks mysql_table_copy, mysql)
        match manager.get_database_backend() {
            DbBackend::MySql => {
                manager
                    .alter_table(
                        Table::alter()
                            .table("item")
                            .modify_column(ColumnDef::new("quantity").integer().not_null())
                            .to_owned(),
                    )
                    .await?;
            }
            DbBackend::Postgres => {
                manager
                    .alter_table(
                        Table::alter()
                            .table("item")
                            .modify_column(ColumnDef::new("quantity").integer())
                            .to_owned(),
                    )
                    .await?;
            }
            _ => {}
        }
        // alter column item.code: type varchar(200) -> varchar(50), NULL -> NOT NULL, default 'none' -> none
        // WARNING: changing the type of item.code from varchar(200) to varchar(50) may truncate or reject existing values
        // HAZARD: making item.code NOT NULL fails if any row holds NULL there (may-fail set_not_null)
        // HAZARD: changing the type of item.code rewrites every row of item under an exclusive lock (locks column_rewrite, postgres)
        // HAZARD: MODIFY COLUMN item.code copies the whole table item, blocking writes until done (locks mysql_table_copy, mysql)
        match manager.get_database_backend() {
            DbBackend::MySql => {
                manager
                    .alter_table(
                        Table::alter()
                            .table("item")
                            .modify_column(ColumnDef::new("code").string_len(50).not_null())
                            .to_owned(),
                    )
                    .await?;
            }
            DbBackend::Postgres => {
                manager
                    .get_connection()
                    .execute_raw(Statement::from_string(
                        manager.get_database_backend(),
                        r#"ALTER TABLE "item" ALTER COLUMN "code" DROP DEFAULT"#,
                    ))
                    .await?;
                manager
                    .alter_table(
                        Table::alter()
                            .table("item")
                            .modify_column(ColumnDef::new("code").string_len(50).not_null())
                            .to_owned(),
                    )
                    .await?;
            }
            _ => {}
        }
        // add column item.legacy (integer NULL)
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .alter_table(
                    Table::alter()
                        .table("item")
                        .add_column(ColumnDef::new("legacy").integer().null())
                        .to_owned(),
                )
                .await?;
        }
        // rename column item.quantity -> qty
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .alter_table(
                    Table::alter()
                        .table("item")
                        .rename_column("quantity", "qty")
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
