//! v2, generated on mysql
//!
//! Revision ID: c0ffee00cb03
//! Revises: c0ffee00cb00
//! Create Date: 2026-01-01 00:00:00 UTC

use autogen::revision::RevisionMeta;
use sea_orm_migration::{DbErr, MigrationName, MigrationTrait, SchemaManager, async_trait};

use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend, Statement};
use sea_orm_migration::sea_query::{ColumnDef, Index, Table};

/// Revision metadata read by the migrator.
pub const REVISION: RevisionMeta = RevisionMeta {
    id: "c0ffee00cb03",
    down_revisions: &["c0ffee00cb00"],
    branch_labels: &[],
    depends_on: &[],
    replaces: &[],
    transactional: true,
    message: "v2, generated on mysql",
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
        // alter column article.code: type varchar(20) -> varchar(40)
        // HAZARD: SQLite rebuilds table article: every row is copied into a new table (locks sqlite_rebuild, sqlite)
        // SQLite cannot alter "article" in place: rebuild it, keeping its rows.
        if manager.get_database_backend() == DbBackend::Sqlite {
            manager
                .create_table(
                    Table::create()
                        .table("_autogen_new_article")
                        .col(
                            ColumnDef::new("id")
                                .integer()
                                .not_null()
                                .auto_increment()
                                .primary_key(),
                        )
                        .col(ColumnDef::new("title").string().not_null())
                        .col(
                            ColumnDef::new("code")
                                .string_len(40)
                                .not_null()
                                .comment("public code"),
                        )
                        .col(ColumnDef::new("score").integer().not_null())
                        .col(
                            ColumnDef::new("summary")
                                .string()
                                .null()
                                .comment("short form"),
                        )
                        .col(ColumnDef::new("contact").string_len(120).null())
                        .to_owned(),
                )
                .await?;
            manager.get_connection().execute_raw(Statement::from_string(manager.get_database_backend(), r#"INSERT INTO "_autogen_new_article" ("id", "title", "code", "score") SELECT "id", "title", "code", "score" FROM "article""#)).await?;
            manager
                .drop_table(Table::drop().table("article").to_owned())
                .await?;
            manager
                .rename_table(
                    Table::rename()
                        .table("_autogen_new_article", "article")
                        .to_owned(),
                )
                .await?;
            manager
                .create_index(
                    Index::create()
                        .name("idx-article-score")
                        .table("article")
                        .col("score")
                        .to_owned(),
                )
                .await?;
        }
        match manager.get_database_backend() {
            DbBackend::MySql => {
                manager
                    .alter_table(
                        Table::alter()
                            .table("article")
                            .modify_column(
                                ColumnDef::new("code")
                                    .string_len(40)
                                    .not_null()
                                    .comment("public code"),
                            )
                            .to_owned(),
                    )
                    .await?;
            }
            DbBackend::Postgres => {
                manager
                    .alter_table(
                        Table::alter()
                            .table("article")
                            .modify_column(ColumnDef::new("code").string_len(40))
                            .to_owned(),
                    )
                    .await?;
            }
            _ => {}
        }
        // add column article.summary (varchar NULL)
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .alter_table(
                    Table::alter()
                        .table("article")
                        .add_column(
                            ColumnDef::new("summary")
                                .string()
                                .null()
                                .comment("short form"),
                        )
                        .to_owned(),
                )
                .await?;
        }
        if manager.get_database_backend() == DbBackend::Postgres {
            manager
                .get_connection()
                .execute_raw(Statement::from_string(
                    manager.get_database_backend(),
                    r#"COMMENT ON COLUMN "article"."summary" IS 'short form'"#,
                ))
                .await?;
        }
        // add column article.contact (varchar(120) NULL)
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .alter_table(
                    Table::alter()
                        .table("article")
                        .add_column(ColumnDef::new("contact").string_len(120).null())
                        .to_owned(),
                )
                .await?;
        }
        // add index idx-article-score on article (score)
        // HAZARD: building index idx-article-score without CONCURRENTLY blocks writes to article until it finishes (locks index_locks_table, postgres)
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .create_index(
                    Index::create()
                        .name("idx-article-score")
                        .table("article")
                        .col("score")
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // drop index idx-article-score on article (score)
        manager
            .drop_index(
                Index::drop()
                    .name("idx-article-score")
                    .table("article")
                    .to_owned(),
            )
            .await?;
        // drop column article.contact (varchar(120) NULL)
        // WARNING: dropping column article.contact deletes the data in it
        manager
            .alter_table(
                Table::alter()
                    .table("article")
                    .drop_column("contact")
                    .to_owned(),
            )
            .await?;
        // drop column article.summary (varchar NULL)
        // WARNING: dropping column article.summary deletes the data in it
        manager
            .alter_table(
                Table::alter()
                    .table("article")
                    .drop_column("summary")
                    .to_owned(),
            )
            .await?;
        // alter column article.code: type varchar(40) -> varchar(20)
        // WARNING: changing the type of article.code from varchar(40) to varchar(20) may truncate or reject existing values
        // HAZARD: changing the type of article.code rewrites every row of article under an exclusive lock (locks column_rewrite, postgres)
        // HAZARD: MODIFY COLUMN article.code copies the whole table article, blocking writes until done (locks mysql_table_copy, mysql)
        // HAZARD: SQLite rebuilds table article: every row is copied into a new table (locks sqlite_rebuild, sqlite)
        // SQLite cannot alter "article" in place: rebuild it, keeping its rows.
        if manager.get_database_backend() == DbBackend::Sqlite {
            manager
                .create_table(
                    Table::create()
                        .table("_autogen_new_article")
                        .col(
                            ColumnDef::new("id")
                                .integer()
                                .not_null()
                                .auto_increment()
                                .primary_key(),
                        )
                        .col(ColumnDef::new("title").string().not_null())
                        .col(
                            ColumnDef::new("code")
                                .string_len(20)
                                .not_null()
                                .comment("public code"),
                        )
                        .col(ColumnDef::new("score").integer().not_null())
                        .to_owned(),
                )
                .await?;
            manager.get_connection().execute_raw(Statement::from_string(manager.get_database_backend(), r#"INSERT INTO "_autogen_new_article" ("id", "title", "code", "score") SELECT "id", "title", "code", "score" FROM "article""#)).await?;
            manager
                .drop_table(Table::drop().table("article").to_owned())
                .await?;
            manager
                .rename_table(
                    Table::rename()
                        .table("_autogen_new_article", "article")
                        .to_owned(),
                )
                .await?;
        }
        match manager.get_database_backend() {
            DbBackend::MySql => {
                manager
                    .alter_table(
                        Table::alter()
                            .table("article")
                            .modify_column(
                                ColumnDef::new("code")
                                    .string_len(20)
                                    .not_null()
                                    .comment("public code"),
                            )
                            .to_owned(),
                    )
                    .await?;
            }
            DbBackend::Postgres => {
                manager
                    .alter_table(
                        Table::alter()
                            .table("article")
                            .modify_column(ColumnDef::new("code").string_len(20))
                            .to_owned(),
                    )
                    .await?;
            }
            _ => {}
        }
        Ok(())
    }
}
