//! hostile names
//!
//! Revision ID: c0ffee000005
//! Revises: <base>
//! Create Date: 2026-01-01 00:00:00 UTC

use autogen::revision::RevisionMeta;
use sea_orm_migration::{DbErr, MigrationName, MigrationTrait, SchemaManager, async_trait};

use autogen::backend::escaped_name;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend, Statement};
use sea_orm_migration::sea_query::{ColumnDef, ForeignKey, ForeignKeyAction, Index, Table};

/// Revision metadata read by the migrator.
pub const REVISION: RevisionMeta = RevisionMeta {
    id: "c0ffee000005",
    down_revisions: &[],
    branch_labels: &[],
    depends_on: &[],
    replaces: &[],
    transactional: true,
    message: "hostile names",
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
        // drop foreign key fk`; DROP TABLE canary; -- on log`" (ref) -> user (select)
        // HAZARD: SQLite rebuilds table log`": every row is copied into a new table (locks sqlite_rebuild, sqlite)
        // SQLite cannot alter "log`\"" in place: rebuild it, keeping its rows.
        if manager.get_database_backend() == DbBackend::Sqlite {
            manager
                .create_table(
                    Table::create()
                        .table("_autogen_new_log`\"")
                        .col(
                            ColumnDef::new("id")
                                .integer()
                                .not_null()
                                .auto_increment()
                                .primary_key(),
                        )
                        .col(ColumnDef::new("ref").integer().null())
                        .foreign_key(
                            ForeignKey::create()
                                .name(escaped_name(manager, "fk2\"`"))
                                .from_col("ref")
                                .to_tbl("user")
                                .to_col("select")
                                .on_delete(ForeignKeyAction::SetNull),
                        )
                        .to_owned(),
                )
                .await?;
            manager.get_connection().execute_raw(Statement::from_string(manager.get_database_backend(), r#"INSERT INTO "_autogen_new_log`""" ("id", "ref") SELECT "id", "ref" FROM "log`""""#)).await?;
            manager
                .drop_table(Table::drop().table("log`\"").to_owned())
                .await?;
            manager
                .rename_table(
                    Table::rename()
                        .table("_autogen_new_log`\"", "log`\"")
                        .to_owned(),
                )
                .await?;
        }
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .drop_foreign_key(
                    ForeignKey::drop()
                        .name(escaped_name(manager, "fk`; DROP TABLE canary; --"))
                        .table("log`\"")
                        .to_owned(),
                )
                .await?;
        }
        if manager.get_database_backend() == DbBackend::MySql {
            manager
                .drop_index(
                    Index::drop()
                        .name(escaped_name(manager, "fk`; DROP TABLE canary; --"))
                        .table("log`\"")
                        .to_owned(),
                )
                .await?;
        }
        // drop index ix"; DROP TABLE canary; -- on user (na"me`'\)
        manager
            .drop_index(
                Index::drop()
                    .name(escaped_name(manager, "ix\"; DROP TABLE canary; --"))
                    .table("user")
                    .to_owned(),
            )
            .await?;
        // add column user.note`  (varchar(40) NULL)
        manager
            .alter_table(
                Table::alter()
                    .table("user")
                    .add_column(
                        ColumnDef::new("note`\u{202e}")
                            .string_len(40)
                            .null()
                            .comment("it's a \\ \"note\" \u{202e}"),
                    )
                    .to_owned(),
            )
            .await?;
        if manager.get_database_backend() == DbBackend::Postgres {
            manager.get_connection().execute_raw(Statement::from_string(manager.get_database_backend(), "COMMENT ON COLUMN \"user\".\"note`\u{202e}\" IS 'it''s a \\ \"note\" \u{202e}'")).await?;
        }
        // add index ix "` on user (note` )
        // HAZARD: building index ix "` without CONCURRENTLY blocks writes to user until it finishes (locks index_locks_table, postgres)
        manager
            .create_index(
                Index::create()
                    .name(escaped_name(manager, "ix\u{202e}\"`"))
                    .table("user")
                    .col("note`\u{202e}")
                    .to_owned(),
            )
            .await?;
        // add unique uq`; DROP TABLE canary; -- on user (na"me`'\)
        // HAZARD: adding unique (na"me`'\) on user fails if existing rows hold duplicates (may-fail new_unique)
        // HAZARD: building index uq`; DROP TABLE canary; -- without CONCURRENTLY blocks writes to user until it finishes (locks index_locks_table, postgres)
        manager
            .create_index(
                Index::create()
                    .name(escaped_name(manager, "uq`; DROP TABLE canary; --"))
                    .table("user")
                    .col("na\"me`'\\")
                    .unique()
                    .to_owned(),
            )
            .await?;
        // add table "order; -- " (2 columns)
        manager
            .create_table(
                Table::create()
                    .table("order; --\u{202e}")
                    .col(
                        ColumnDef::new("id")
                            .integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(ColumnDef::new("user\"id").integer().null())
                    .index(
                        Index::create()
                            .name(escaped_name(manager, "ck\"`'"))
                            .col("user\"id")
                            .unique(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name(escaped_name(manager, "fk\"; DROP TABLE canary; --"))
                            .from_col("user\"id")
                            .to_tbl("user")
                            .to_col("select")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .comment("it's \"ours\" \\")
                    .to_owned(),
            )
            .await?;
        if manager.get_database_backend() == DbBackend::Postgres {
            manager
                .get_connection()
                .execute_raw(Statement::from_string(
                    manager.get_database_backend(),
                    "COMMENT ON TABLE \"order; --\u{202e}\" IS 'it''s \"ours\" \\'",
                ))
                .await?;
        }
        // add foreign key fk2"` on log`" (ref) -> user (select) ON DELETE SET NULL
        // HAZARD: adding foreign key fk2"` on log`" (ref) fails if existing rows reference missing user rows (may-fail new_foreign_key)
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .create_foreign_key(
                    ForeignKey::create()
                        .name(escaped_name(manager, "fk2\"`"))
                        .from_tbl("log`\"")
                        .from_col("ref")
                        .to_tbl("user")
                        .to_col("select")
                        .on_delete(ForeignKeyAction::SetNull)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // drop foreign key fk2"` on log`" (ref) -> user (select) ON DELETE SET NULL
        // HAZARD: SQLite rebuilds table log`": every row is copied into a new table (locks sqlite_rebuild, sqlite)
        // SQLite cannot alter "log`\"" in place: rebuild it, keeping its rows.
        if manager.get_database_backend() == DbBackend::Sqlite {
            manager
                .create_table(
                    Table::create()
                        .table("_autogen_new_log`\"")
                        .col(
                            ColumnDef::new("id")
                                .integer()
                                .not_null()
                                .auto_increment()
                                .primary_key(),
                        )
                        .col(ColumnDef::new("ref").integer().null())
                        .foreign_key(
                            ForeignKey::create()
                                .name(escaped_name(manager, "fk`; DROP TABLE canary; --"))
                                .from_col("ref")
                                .to_tbl("user")
                                .to_col("select"),
                        )
                        .to_owned(),
                )
                .await?;
            manager.get_connection().execute_raw(Statement::from_string(manager.get_database_backend(), r#"INSERT INTO "_autogen_new_log`""" ("id", "ref") SELECT "id", "ref" FROM "log`""""#)).await?;
            manager
                .drop_table(Table::drop().table("log`\"").to_owned())
                .await?;
            manager
                .rename_table(
                    Table::rename()
                        .table("_autogen_new_log`\"", "log`\"")
                        .to_owned(),
                )
                .await?;
        }
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .drop_foreign_key(
                    ForeignKey::drop()
                        .name(escaped_name(manager, "fk2\"`"))
                        .table("log`\"")
                        .to_owned(),
                )
                .await?;
        }
        if manager.get_database_backend() == DbBackend::MySql {
            manager
                .drop_index(
                    Index::drop()
                        .name(escaped_name(manager, "fk2\"`"))
                        .table("log`\"")
                        .to_owned(),
                )
                .await?;
        }
        // drop table "order; -- "
        // WARNING: dropping table "order; -- " deletes all of its rows
        manager
            .drop_table(Table::drop().table("order; --\u{202e}").to_owned())
            .await?;
        // drop unique uq`; DROP TABLE canary; -- on user (na"me`'\)
        // HAZARD: dropping unique (na"me`'\) on user lets duplicates in; restoring it later may fail (irreversible drop_unique)
        // HAZARD: SQLite rebuilds table user: every row is copied into a new table (locks sqlite_rebuild, sqlite)
        // SQLite cannot alter "user" in place: rebuild it, keeping its rows.
        if manager.get_database_backend() == DbBackend::Sqlite {
            manager
                .create_table(
                    Table::create()
                        .table("_autogen_new_user")
                        .col(
                            ColumnDef::new("select")
                                .integer()
                                .not_null()
                                .auto_increment()
                                .primary_key(),
                        )
                        .col(ColumnDef::new("na\"me`'\\").string_len(40).null())
                        .to_owned(),
                )
                .await?;
            manager.get_connection().execute_raw(Statement::from_string(manager.get_database_backend(), r#"INSERT INTO "_autogen_new_user" ("select", "na""me`'\") SELECT "select", "na""me`'\" FROM "user""#)).await?;
            manager
                .drop_table(Table::drop().table("user").to_owned())
                .await?;
            manager
                .rename_table(
                    Table::rename()
                        .table("_autogen_new_user", "user")
                        .to_owned(),
                )
                .await?;
            manager
                .create_index(
                    Index::create()
                        .name(escaped_name(manager, "ix\"; DROP TABLE canary; --"))
                        .table("user")
                        .col("na\"me`'\\")
                        .to_owned(),
                )
                .await?;
        }
        match manager.get_database_backend() {
            DbBackend::Postgres => {
                manager.get_connection().execute_raw(Statement::from_string(manager.get_database_backend(), r#"ALTER TABLE "user" DROP CONSTRAINT IF EXISTS "uq`; DROP TABLE canary; --""#)).await?;
                manager
                    .get_connection()
                    .execute_raw(Statement::from_string(
                        manager.get_database_backend(),
                        r#"DROP INDEX IF EXISTS "uq`; DROP TABLE canary; --""#,
                    ))
                    .await?;
            }
            DbBackend::MySql => {
                manager
                    .drop_index(
                        Index::drop()
                            .name(escaped_name(manager, "uq`; DROP TABLE canary; --"))
                            .table("user")
                            .to_owned(),
                    )
                    .await?;
            }
            _ => {}
        }
        // drop index ix "` on user (note` )
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .drop_index(
                    Index::drop()
                        .name(escaped_name(manager, "ix\u{202e}\"`"))
                        .table("user")
                        .to_owned(),
                )
                .await?;
        }
        // drop column user.note`  (varchar(40) NULL)
        // WARNING: dropping column user.note`  deletes the data in it
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .alter_table(
                    Table::alter()
                        .table("user")
                        .drop_column("note`\u{202e}")
                        .to_owned(),
                )
                .await?;
        }
        // add index ix"; DROP TABLE canary; -- on user (na"me`'\)
        // HAZARD: building index ix"; DROP TABLE canary; -- without CONCURRENTLY blocks writes to user until it finishes (locks index_locks_table, postgres)
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .create_index(
                    Index::create()
                        .name(escaped_name(manager, "ix\"; DROP TABLE canary; --"))
                        .table("user")
                        .col("na\"me`'\\")
                        .to_owned(),
                )
                .await?;
        }
        // add foreign key fk`; DROP TABLE canary; -- on log`" (ref) -> user (select)
        // HAZARD: adding foreign key fk`; DROP TABLE canary; -- on log`" (ref) fails if existing rows reference missing user rows (may-fail new_foreign_key)
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .create_foreign_key(
                    ForeignKey::create()
                        .name(escaped_name(manager, "fk`; DROP TABLE canary; --"))
                        .from_tbl("log`\"")
                        .from_col("ref")
                        .to_tbl("user")
                        .to_col("select")
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
