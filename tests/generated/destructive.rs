//! destructive
//!
//! Revision ID: c0ffee000004
//! Revises: <base>
//! Create Date: 2026-01-01 00:00:00 UTC

use autogen::revision::RevisionMeta;
use sea_orm_migration::{DbErr, MigrationName, MigrationTrait, SchemaManager, async_trait};

use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend, Statement};
use sea_orm_migration::sea_query::{ColumnDef, Index, Table};

/// Revision metadata read by the migrator.
pub const REVISION: RevisionMeta = RevisionMeta {
    id: "c0ffee000004",
    down_revisions: &[],
    branch_labels: &[],
    depends_on: &[],
    replaces: &[],
    transactional: true,
    message: "destructive",
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
        // drop index idx-old_log-id on old_log (id)
        // (dropped with table "old_log" below)
        // drop table "old_log"
        // WARNING: dropping table "old_log" deletes all of its rows
        manager
            .drop_table(Table::drop().table("old_log").to_owned())
            .await?;
        // drop unique doc_title_key on doc (title)
        // HAZARD: dropping unique (title) on doc lets duplicates in; restoring it later may fail (irreversible drop_unique)
        // HAZARD: SQLite rebuilds table doc: every row is copied into a new table (locks sqlite_rebuild, sqlite)
        // SQLite cannot alter "doc" in place: rebuild it, keeping its rows.
        if manager.get_database_backend() == DbBackend::Sqlite {
            manager
                .create_table(
                    Table::create()
                        .table("_autogen_new_doc")
                        .col(ColumnDef::new("a").integer().not_null())
                        .col(ColumnDef::new("b").integer().not_null())
                        .col(ColumnDef::new("title").string_len(20).not_null())
                        .col(ColumnDef::new("body").text().not_null())
                        .primary_key(Index::create().col("a").col("b"))
                        .comment("All the documents")
                        .to_owned(),
                )
                .await?;
            manager.get_connection().execute_raw(Statement::from_string(manager.get_database_backend(), r#"INSERT INTO "_autogen_new_doc" ("a", "b", "title", "body") SELECT "a", "b", "title", "body" FROM "doc""#)).await?;
            manager
                .drop_table(Table::drop().table("doc").to_owned())
                .await?;
            manager
                .rename_table(Table::rename().table("_autogen_new_doc", "doc").to_owned())
                .await?;
        }
        match manager.get_database_backend() {
            DbBackend::Postgres => {
                manager
                    .get_connection()
                    .execute_raw(Statement::from_string(
                        manager.get_database_backend(),
                        r#"ALTER TABLE "doc" DROP CONSTRAINT IF EXISTS "doc_title_key""#,
                    ))
                    .await?;
                manager
                    .get_connection()
                    .execute_raw(Statement::from_string(
                        manager.get_database_backend(),
                        r#"DROP INDEX IF EXISTS "doc_title_key""#,
                    ))
                    .await?;
            }
            DbBackend::MySql => {
                manager
                    .drop_index(Index::drop().name("doc_title_key").table("doc").to_owned())
                    .await?;
            }
            _ => {}
        }
        // drop column doc.gone (integer NULL)
        // WARNING: dropping column doc.gone deletes the data in it
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .alter_table(Table::alter().table("doc").drop_column("gone").to_owned())
                .await?;
        }
        // alter comment on table "doc": "Documents" -> "All the documents"
        match manager.get_database_backend() {
            DbBackend::Postgres => {
                manager
                    .get_connection()
                    .execute_raw(Statement::from_string(
                        manager.get_database_backend(),
                        r#"COMMENT ON TABLE "doc" IS 'All the documents'"#,
                    ))
                    .await?;
            }
            DbBackend::MySql => {
                manager
                    .get_connection()
                    .execute_raw(Statement::from_string(
                        manager.get_database_backend(),
                        r#"ALTER TABLE `doc` COMMENT = 'All the documents'"#,
                    ))
                    .await?;
            }
            _ => {}
        }
        // alter column doc.body: default '' -> none, comment "the text" -> none
        match manager.get_database_backend() {
            DbBackend::MySql => {
                manager
                    .alter_table(
                        Table::alter()
                            .table("doc")
                            .modify_column(ColumnDef::new("body").text().not_null())
                            .to_owned(),
                    )
                    .await?;
            }
            DbBackend::Postgres => {
                manager
                    .get_connection()
                    .execute_raw(Statement::from_string(
                        manager.get_database_backend(),
                        r#"ALTER TABLE "doc" ALTER COLUMN "body" DROP DEFAULT"#,
                    ))
                    .await?;
                manager
                    .get_connection()
                    .execute_raw(Statement::from_string(
                        manager.get_database_backend(),
                        r#"COMMENT ON COLUMN "doc"."body" IS NULL"#,
                    ))
                    .await?;
            }
            _ => {}
        }
        // alter column doc.title: type varchar(200) -> varchar(20), NULL -> NOT NULL
        // WARNING: changing the type of doc.title from varchar(200) to varchar(20) may truncate or reject existing values
        // HAZARD: making doc.title NOT NULL fails if any row holds NULL there (may-fail set_not_null)
        // HAZARD: changing the type of doc.title rewrites every row of doc under an exclusive lock (locks column_rewrite, postgres)
        // HAZARD: MODIFY COLUMN doc.title copies the whole table doc, blocking writes until done (locks mysql_table_copy, mysql)
        match manager.get_database_backend() {
            DbBackend::MySql => {
                manager
                    .alter_table(
                        Table::alter()
                            .table("doc")
                            .modify_column(ColumnDef::new("title").string_len(20).not_null())
                            .to_owned(),
                    )
                    .await?;
            }
            DbBackend::Postgres => {
                manager
                    .alter_table(
                        Table::alter()
                            .table("doc")
                            .modify_column(ColumnDef::new("title").string_len(20).not_null())
                            .to_owned(),
                    )
                    .await?;
            }
            _ => {}
        }
        // alter primary key on doc: (a) -> (a, b)
        // HAZARD: replacing the primary key (a) of doc drops its uniqueness guarantee; restoring it later may fail on duplicates (irreversible replace_primary_key)
        match manager.get_database_backend() {
            DbBackend::Postgres => {
                manager
                    .get_connection()
                    .execute_raw(Statement::from_string(
                        manager.get_database_backend(),
                        r#"ALTER TABLE "doc" DROP CONSTRAINT "doc_pkey""#,
                    ))
                    .await?;
                manager
                    .get_connection()
                    .execute_raw(Statement::from_string(
                        manager.get_database_backend(),
                        r#"ALTER TABLE "doc" ADD CONSTRAINT "pk-doc" PRIMARY KEY ("a", "b")"#,
                    ))
                    .await?;
            }
            DbBackend::MySql => {
                manager
                    .get_connection()
                    .execute_raw(Statement::from_string(
                        manager.get_database_backend(),
                        r#"ALTER TABLE `doc` DROP PRIMARY KEY, ADD PRIMARY KEY (`a`, `b`)"#,
                    ))
                    .await?;
            }
            _ => {}
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // HAZARD: the downgrade recreates table "old_log" empty: it restores the structure, not the rows (irreversible drop_restores_structure_only)
        // HAZARD: the downgrade recreates column doc.gone without its values: it restores the structure, not the data (irreversible drop_restores_structure_only)
        // alter primary key on doc: (a, b) -> (a)
        // HAZARD: replacing the primary key (a, b) of doc drops its uniqueness guarantee; restoring it later may fail on duplicates (irreversible replace_primary_key)
        // HAZARD: SQLite rebuilds table doc: every row is copied into a new table (locks sqlite_rebuild, sqlite)
        // SQLite cannot alter "doc" in place: rebuild it, keeping its rows.
        if manager.get_database_backend() == DbBackend::Sqlite {
            manager
                .create_table(
                    Table::create()
                        .table("_autogen_new_doc")
                        .col(ColumnDef::new("a").integer().not_null().primary_key())
                        .col(ColumnDef::new("b").integer().not_null())
                        .col(ColumnDef::new("title").string_len(200).null())
                        .col(
                            ColumnDef::new("body")
                                .text()
                                .not_null()
                                .default("")
                                .comment("the text"),
                        )
                        .col(ColumnDef::new("gone").integer().null())
                        .comment("Documents")
                        .to_owned(),
                )
                .await?;
            manager.get_connection().execute_raw(Statement::from_string(manager.get_database_backend(), r#"INSERT INTO "_autogen_new_doc" ("a", "b", "title", "body") SELECT "a", "b", "title", "body" FROM "doc""#)).await?;
            manager
                .drop_table(Table::drop().table("doc").to_owned())
                .await?;
            manager
                .rename_table(Table::rename().table("_autogen_new_doc", "doc").to_owned())
                .await?;
            manager
                .create_index(
                    Index::create()
                        .name("doc_title_key")
                        .table("doc")
                        .col("title")
                        .unique()
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
                        r#"ALTER TABLE "doc" DROP CONSTRAINT "pk-doc""#,
                    ))
                    .await?;
                manager
                    .get_connection()
                    .execute_raw(Statement::from_string(
                        manager.get_database_backend(),
                        r#"ALTER TABLE "doc" ADD PRIMARY KEY ("a")"#,
                    ))
                    .await?;
            }
            DbBackend::MySql => {
                manager
                    .get_connection()
                    .execute_raw(Statement::from_string(
                        manager.get_database_backend(),
                        r#"ALTER TABLE `doc` DROP PRIMARY KEY, ADD PRIMARY KEY (`a`)"#,
                    ))
                    .await?;
            }
            _ => {}
        }
        // alter column doc.title: type varchar(20) -> varchar(200), NOT NULL -> NULL
        match manager.get_database_backend() {
            DbBackend::MySql => {
                manager
                    .alter_table(
                        Table::alter()
                            .table("doc")
                            .modify_column(ColumnDef::new("title").string_len(200).null())
                            .to_owned(),
                    )
                    .await?;
            }
            DbBackend::Postgres => {
                manager
                    .alter_table(
                        Table::alter()
                            .table("doc")
                            .modify_column(ColumnDef::new("title").string_len(200).null())
                            .to_owned(),
                    )
                    .await?;
            }
            _ => {}
        }
        // alter column doc.body: default none -> '', comment none -> "the text"
        match manager.get_database_backend() {
            DbBackend::MySql => {
                manager
                    .alter_table(
                        Table::alter()
                            .table("doc")
                            .modify_column(
                                ColumnDef::new("body")
                                    .text()
                                    .not_null()
                                    .default("")
                                    .comment("the text"),
                            )
                            .to_owned(),
                    )
                    .await?;
            }
            DbBackend::Postgres => {
                manager
                    .alter_table(
                        Table::alter()
                            .table("doc")
                            .modify_column(ColumnDef::new("body").default(""))
                            .to_owned(),
                    )
                    .await?;
                manager
                    .get_connection()
                    .execute_raw(Statement::from_string(
                        manager.get_database_backend(),
                        r#"COMMENT ON COLUMN "doc"."body" IS 'the text'"#,
                    ))
                    .await?;
            }
            _ => {}
        }
        // alter comment on table "doc": "All the documents" -> "Documents"
        match manager.get_database_backend() {
            DbBackend::Postgres => {
                manager
                    .get_connection()
                    .execute_raw(Statement::from_string(
                        manager.get_database_backend(),
                        r#"COMMENT ON TABLE "doc" IS 'Documents'"#,
                    ))
                    .await?;
            }
            DbBackend::MySql => {
                manager
                    .get_connection()
                    .execute_raw(Statement::from_string(
                        manager.get_database_backend(),
                        r#"ALTER TABLE `doc` COMMENT = 'Documents'"#,
                    ))
                    .await?;
            }
            _ => {}
        }
        // add column doc.gone (integer NULL)
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .alter_table(
                    Table::alter()
                        .table("doc")
                        .add_column(ColumnDef::new("gone").integer().null())
                        .to_owned(),
                )
                .await?;
        }
        // add unique doc_title_key on doc (title)
        // HAZARD: adding unique (title) on doc fails if existing rows hold duplicates (may-fail new_unique)
        // HAZARD: building index doc_title_key without CONCURRENTLY blocks writes to doc until it finishes (locks index_locks_table, postgres)
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .create_index(
                    Index::create()
                        .name("doc_title_key")
                        .table("doc")
                        .col("title")
                        .unique()
                        .to_owned(),
                )
                .await?;
        }
        // add table "old_log" (1 column)
        manager
            .create_table(
                Table::create()
                    .table("old_log")
                    .col(
                        ColumnDef::new("id")
                            .integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .to_owned(),
            )
            .await?;
        // add index idx-old_log-id on old_log (id)
        manager
            .create_index(
                Index::create()
                    .name("idx-old_log-id")
                    .table("old_log")
                    .col("id")
                    .to_owned(),
            )
            .await?;
        Ok(())
    }
}
