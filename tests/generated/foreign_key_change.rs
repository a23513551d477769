//! foreign key change
//!
//! Revision ID: c0ffee000003
//! Revises: <base>
//! Create Date: 2026-01-01 00:00:00 UTC

use autogen::revision::RevisionMeta;
use sea_orm_migration::{DbErr, MigrationName, MigrationTrait, SchemaManager, async_trait};

use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend, Statement};
use sea_orm_migration::sea_query::{ColumnDef, ForeignKey, ForeignKeyAction, Index, Table};

/// Revision metadata read by the migrator.
pub const REVISION: RevisionMeta = RevisionMeta {
    id: "c0ffee000003",
    down_revisions: &[],
    branch_labels: &[],
    depends_on: &[],
    replaces: &[],
    transactional: true,
    message: "foreign key change",
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
        // drop foreign key fk-child-old_id on child (old_id) -> parent (id)
        // HAZARD: SQLite rebuilds table child: every row is copied into a new table (locks sqlite_rebuild, sqlite)
        // SQLite cannot alter "child" in place: rebuild it, keeping its rows.
        if manager.get_database_backend() == DbBackend::Sqlite {
            manager
                .create_table(
                    Table::create()
                        .table("_autogen_new_child")
                        .col(
                            ColumnDef::new("id")
                                .integer()
                                .not_null()
                                .auto_increment()
                                .primary_key(),
                        )
                        .col(ColumnDef::new("parent_id").integer().null())
                        .col(ColumnDef::new("other_id").integer().null())
                        .col(ColumnDef::new("old_id").integer().null())
                        .foreign_key(
                            ForeignKey::create()
                                .name("fk-child-other_id")
                                .from_col("other_id")
                                .to_tbl("parent")
                                .to_col("id")
                                .on_delete(ForeignKeyAction::Restrict),
                        )
                        .foreign_key(
                            ForeignKey::create()
                                .name("fk-child-parent_id")
                                .from_col("parent_id")
                                .to_tbl("parent")
                                .to_col("id")
                                .on_delete(ForeignKeyAction::Cascade)
                                .on_update(ForeignKeyAction::SetNull),
                        )
                        .to_owned(),
                )
                .await?;
            manager.get_connection().execute_raw(Statement::from_string(manager.get_database_backend(), r#"INSERT INTO "_autogen_new_child" ("id", "parent_id", "other_id", "old_id") SELECT "id", "parent_id", "other_id", "old_id" FROM "child""#)).await?;
            manager
                .drop_table(Table::drop().table("child").to_owned())
                .await?;
            manager
                .rename_table(
                    Table::rename()
                        .table("_autogen_new_child", "child")
                        .to_owned(),
                )
                .await?;
        }
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .drop_foreign_key(
                    ForeignKey::drop()
                        .name("fk-child-old_id")
                        .table("child")
                        .to_owned(),
                )
                .await?;
        }
        if manager.get_database_backend() == DbBackend::MySql {
            manager
                .drop_index(
                    Index::drop()
                        .name("fk-child-old_id")
                        .table("child")
                        .to_owned(),
                )
                .await?;
        }
        // drop foreign key fk-child-parent_id on child (parent_id) -> parent (id)
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .drop_foreign_key(
                    ForeignKey::drop()
                        .name("fk-child-parent_id")
                        .table("child")
                        .to_owned(),
                )
                .await?;
        }
        // add foreign key fk-child-other_id on child (other_id) -> parent (id) ON DELETE RESTRICT
        // HAZARD: adding foreign key fk-child-other_id on child (other_id) fails if existing rows reference missing parent rows (may-fail new_foreign_key)
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .create_foreign_key(
                    ForeignKey::create()
                        .name("fk-child-other_id")
                        .from_tbl("child")
                        .from_col("other_id")
                        .to_tbl("parent")
                        .to_col("id")
                        .on_delete(ForeignKeyAction::Restrict)
                        .to_owned(),
                )
                .await?;
        }
        // add foreign key fk-child-parent_id on child (parent_id) -> parent (id) ON DELETE CASCADE ON UPDATE SET NULL
        // HAZARD: adding foreign key fk-child-parent_id on child (parent_id) fails if existing rows reference missing parent rows (may-fail new_foreign_key)
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .create_foreign_key(
                    ForeignKey::create()
                        .name("fk-child-parent_id")
                        .from_tbl("child")
                        .from_col("parent_id")
                        .to_tbl("parent")
                        .to_col("id")
                        .on_delete(ForeignKeyAction::Cascade)
                        .on_update(ForeignKeyAction::SetNull)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // drop foreign key fk-child-parent_id on child (parent_id) -> parent (id) ON DELETE CASCADE ON UPDATE SET NULL
        // HAZARD: SQLite rebuilds table child: every row is copied into a new table (locks sqlite_rebuild, sqlite)
        // SQLite cannot alter "child" in place: rebuild it, keeping its rows.
        if manager.get_database_backend() == DbBackend::Sqlite {
            manager
                .create_table(
                    Table::create()
                        .table("_autogen_new_child")
                        .col(
                            ColumnDef::new("id")
                                .integer()
                                .not_null()
                                .auto_increment()
                                .primary_key(),
                        )
                        .col(ColumnDef::new("parent_id").integer().null())
                        .col(ColumnDef::new("other_id").integer().null())
                        .col(ColumnDef::new("old_id").integer().null())
                        .foreign_key(
                            ForeignKey::create()
                                .name("fk-child-old_id")
                                .from_col("old_id")
                                .to_tbl("parent")
                                .to_col("id"),
                        )
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
            manager.get_connection().execute_raw(Statement::from_string(manager.get_database_backend(), r#"INSERT INTO "_autogen_new_child" ("id", "parent_id", "other_id", "old_id") SELECT "id", "parent_id", "other_id", "old_id" FROM "child""#)).await?;
            manager
                .drop_table(Table::drop().table("child").to_owned())
                .await?;
            manager
                .rename_table(
                    Table::rename()
                        .table("_autogen_new_child", "child")
                        .to_owned(),
                )
                .await?;
        }
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .drop_foreign_key(
                    ForeignKey::drop()
                        .name("fk-child-parent_id")
                        .table("child")
                        .to_owned(),
                )
                .await?;
        }
        // drop foreign key fk-child-other_id on child (other_id) -> parent (id) ON DELETE RESTRICT
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .drop_foreign_key(
                    ForeignKey::drop()
                        .name("fk-child-other_id")
                        .table("child")
                        .to_owned(),
                )
                .await?;
        }
        if manager.get_database_backend() == DbBackend::MySql {
            manager
                .drop_index(
                    Index::drop()
                        .name("fk-child-other_id")
                        .table("child")
                        .to_owned(),
                )
                .await?;
        }
        // add foreign key fk-child-parent_id on child (parent_id) -> parent (id)
        // HAZARD: adding foreign key fk-child-parent_id on child (parent_id) fails if existing rows reference missing parent rows (may-fail new_foreign_key)
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .create_foreign_key(
                    ForeignKey::create()
                        .name("fk-child-parent_id")
                        .from_tbl("child")
                        .from_col("parent_id")
                        .to_tbl("parent")
                        .to_col("id")
                        .to_owned(),
                )
                .await?;
        }
        // add foreign key fk-child-old_id on child (old_id) -> parent (id)
        // HAZARD: adding foreign key fk-child-old_id on child (old_id) fails if existing rows reference missing parent rows (may-fail new_foreign_key)
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .create_foreign_key(
                    ForeignKey::create()
                        .name("fk-child-old_id")
                        .from_tbl("child")
                        .from_col("old_id")
                        .to_tbl("parent")
                        .to_col("id")
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
