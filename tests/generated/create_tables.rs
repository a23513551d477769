//! create tables
//!
//! Revision ID: c0ffee000001
//! Revises: <base>
//! Create Date: 2026-01-01 00:00:00 UTC

use autogen::revision::RevisionMeta;
use sea_orm_migration::{DbErr, MigrationName, MigrationTrait, SchemaManager, async_trait};

use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend, Statement};
use sea_orm_migration::sea_query::{
    Alias, ColumnDef, Expr, ForeignKey, ForeignKeyAction, Index, Table,
};

/// Revision metadata read by the migrator.
pub const REVISION: RevisionMeta = RevisionMeta {
    id: "c0ffee000001",
    down_revisions: &[],
    branch_labels: &[],
    depends_on: &[],
    replaces: &[],
    transactional: true,
    message: "create tables",
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
        // add table "user" (9 columns)
        manager
            .create_table(
                Table::create()
                    .table("user")
                    .col(
                        ColumnDef::new("id")
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(ColumnDef::new("email").string_len(255).not_null())
                    .col(
                        ColumnDef::new("bio")
                            .text()
                            .null()
                            .comment("About me, in the user's words"),
                    )
                    .col(
                        ColumnDef::new("created_at")
                            .timestamp_with_time_zone()
                            .not_null()
                            .default(Expr::current_timestamp()),
                    )
                    .col(ColumnDef::new("score").double().not_null().default(1.5_f64))
                    .col(ColumnDef::new("active").boolean().not_null().default(true))
                    .col(
                        ColumnDef::new("nickname")
                            .string_len(32)
                            .not_null()
                            .default("it's me"),
                    )
                    .col(
                        ColumnDef::new("slots")
                            .integer()
                            .not_null()
                            .default(Expr::cust("1 + 1")),
                    )
                    .col(ColumnDef::new("tags").custom(Alias::new("text")).null())
                    .index(Index::create().name("user_email_key").col("email").unique())
                    .comment("Registered users")
                    .to_owned(),
            )
            .await?;
        if manager.get_database_backend() == DbBackend::Postgres {
            manager
                .get_connection()
                .execute_raw(Statement::from_string(
                    manager.get_database_backend(),
                    r#"COMMENT ON TABLE "user" IS 'Registered users'"#,
                ))
                .await?;
            manager
                .get_connection()
                .execute_raw(Statement::from_string(
                    manager.get_database_backend(),
                    r#"COMMENT ON COLUMN "user"."bio" IS 'About me, in the user''s words'"#,
                ))
                .await?;
        }
        // add table "order" (4 columns)
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
                    .col(ColumnDef::new("user_id").big_integer().not_null())
                    .col(ColumnDef::new("total").decimal_len(10, 2).not_null())
                    .col(
                        ColumnDef::new("status")
                            .string_len(16)
                            .not_null()
                            .default("pending"),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk-order-user_id")
                            .from_col("user_id")
                            .to_tbl("user")
                            .to_col("id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // add index idx-order-user_id-status on order (user_id, status)
        manager
            .create_index(
                Index::create()
                    .name("idx-order-user_id-status")
                    .table("order")
                    .col("user_id")
                    .col("status")
                    .to_owned(),
            )
            .await?;
        // add table "order_line" (4 columns)
        manager
            .create_table(
                Table::create()
                    .table("order_line")
                    .col(ColumnDef::new("order_id").big_integer().not_null())
                    .col(ColumnDef::new("line").integer().not_null())
                    .col(ColumnDef::new("sku").char_len(8).not_null())
                    .col(ColumnDef::new("data").json().null())
                    .primary_key(Index::create().col("order_id").col("line"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk-order_line-order")
                            .from_col("order_id")
                            .to_tbl("order")
                            .to_col("id")
                            .on_delete(ForeignKeyAction::Cascade)
                            .on_update(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // add table "person" (2 columns)
        manager
            .create_table(
                Table::create()
                    .table("person")
                    .col(
                        ColumnDef::new("id")
                            .integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(ColumnDef::new("team_id").integer().null())
                    .to_owned(),
            )
            .await?;
        // add table "team" (2 columns)
        manager
            .create_table(
                Table::create()
                    .table("team")
                    .col(
                        ColumnDef::new("id")
                            .integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(ColumnDef::new("captain_id").integer().null())
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk-team-captain")
                            .from_col("captain_id")
                            .to_tbl("person")
                            .to_col("id")
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        // add foreign key fk-person-team on person (team_id) -> team (id)
        // SQLite cannot alter "person" in place: rebuild it, keeping its rows.
        if manager.get_database_backend() == DbBackend::Sqlite {
            manager
                .create_table(
                    Table::create()
                        .table("_autogen_new_person")
                        .col(
                            ColumnDef::new("id")
                                .integer()
                                .not_null()
                                .auto_increment()
                                .primary_key(),
                        )
                        .col(ColumnDef::new("team_id").integer().null())
                        .foreign_key(
                            ForeignKey::create()
                                .name("fk-person-team")
                                .from_col("team_id")
                                .to_tbl("team")
                                .to_col("id"),
                        )
                        .to_owned(),
                )
                .await?;
            manager.get_connection().execute_raw(Statement::from_string(manager.get_database_backend(), r#"INSERT INTO "_autogen_new_person" ("id", "team_id") SELECT "id", "team_id" FROM "person""#)).await?;
            manager
                .drop_table(Table::drop().table("person").to_owned())
                .await?;
            manager
                .rename_table(
                    Table::rename()
                        .table("_autogen_new_person", "person")
                        .to_owned(),
                )
                .await?;
        }
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .create_foreign_key(
                    ForeignKey::create()
                        .name("fk-person-team")
                        .from_tbl("person")
                        .from_col("team_id")
                        .to_tbl("team")
                        .to_col("id")
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // drop foreign key fk-person-team on person (team_id) -> team (id)
        // HAZARD: SQLite rebuilds table person: every row is copied into a new table (locks sqlite_rebuild, sqlite)
        if manager.get_database_backend() != DbBackend::Sqlite {
            manager
                .drop_foreign_key(
                    ForeignKey::drop()
                        .name("fk-person-team")
                        .table("person")
                        .to_owned(),
                )
                .await?;
        }
        // drop table "team"
        // WARNING: dropping table "team" deletes all of its rows
        manager
            .drop_table(Table::drop().table("team").to_owned())
            .await?;
        // drop table "person"
        // WARNING: dropping table "person" deletes all of its rows
        manager
            .drop_table(Table::drop().table("person").to_owned())
            .await?;
        // drop table "order_line"
        // WARNING: dropping table "order_line" deletes all of its rows
        manager
            .drop_table(Table::drop().table("order_line").to_owned())
            .await?;
        // drop index idx-order-user_id-status on order (user_id, status)
        // (dropped with table "order" below)
        // drop table "order"
        // WARNING: dropping table "order" deletes all of its rows
        manager
            .drop_table(Table::drop().table("order").to_owned())
            .await?;
        // drop table "user"
        // WARNING: dropping table "user" deletes all of its rows
        manager
            .drop_table(Table::drop().table("user").to_owned())
            .await?;
        Ok(())
    }
}
