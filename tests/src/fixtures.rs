//! In-test revisions: small migrations with real sea-query DDL, and a helper that pairs them with
//! revision metadata, so a test can build any revision graph without writing files.

use autogen::revision::RevisionMeta;
use autogen::runtime::{Migrations, Revision};
use sea_orm::ConnectionTrait;
use sea_orm_migration::sea_query::{ColumnDef, ForeignKey, ForeignKeyAction, Index, Table};
use sea_orm_migration::{DbErr, MigrationName, MigrationTrait, SchemaManager, async_trait};

/// Metadata for revision `id` with the given parents (message = id, fixed create date).
pub fn meta(id: &'static str, parents: &'static [&'static str]) -> RevisionMeta {
    RevisionMeta {
        id,
        down_revisions: parents,
        branch_labels: &[],
        depends_on: &[],
        replaces: &[],
        transactional: true,
        message: id,
        create_date: "2026-01-01 00:00:00 UTC",
    }
}

/// A revision `id` on top of `parents`, running `migration`.
pub fn rev(
    id: &'static str,
    parents: &'static [&'static str],
    migration: impl MigrationTrait + 'static,
) -> Revision {
    Revision::new(meta(id, parents), migration)
}

/// Validated migrations from revisions; panics on a bad graph (a test bug).
pub fn migrations(revisions: Vec<Revision>) -> Migrations {
    Migrations::new(revisions).expect("test revision graph is valid")
}

/// `up` creates table `table` (`id` primary key, `name`), `down` drops it.
pub struct CreateTable(pub &'static str);

impl MigrationName for CreateTable {
    fn name(&self) -> &str {
        self.0
    }
}

#[async_trait::async_trait]
impl MigrationTrait for CreateTable {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(self.0)
                    .col(ColumnDef::new("id").integer().not_null().primary_key())
                    .col(ColumnDef::new("name").string_len(100).null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(self.0).to_owned())
            .await
    }
}

/// The same SQL as [`CreateTable`], written differently: a file that was only reformatted.
pub struct CreateTableReformatted(pub &'static str);

impl MigrationName for CreateTableReformatted {
    fn name(&self) -> &str {
        self.0
    }
}

#[async_trait::async_trait]
impl MigrationTrait for CreateTableReformatted {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table.table(self.0);
        let mut id = ColumnDef::new("id");
        id.integer();
        id.not_null();
        id.primary_key();
        table.col(id);
        table.col(ColumnDef::new("name").string_len(100).null());
        manager.create_table(table).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut drop = Table::drop();
        drop.table(self.0);
        manager.drop_table(drop).await
    }
}

/// Like [`CreateTable`] but with one more column: the file was edited after it was applied.
pub struct CreateTableEdited(pub &'static str);

impl MigrationName for CreateTableEdited {
    fn name(&self) -> &str {
        self.0
    }
}

#[async_trait::async_trait]
impl MigrationTrait for CreateTableEdited {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(self.0)
                    .col(ColumnDef::new("id").integer().not_null().primary_key())
                    .col(ColumnDef::new("name").string_len(100).null())
                    .col(ColumnDef::new("added_later").integer().null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(self.0).to_owned())
            .await
    }
}

/// A child table of `parent` with a foreign key and an index: richer DDL for SQL comparisons.
pub struct CreateChild {
    /// The new table.
    pub table: &'static str,
    /// The table the foreign key points at (created by an earlier revision).
    pub parent: &'static str,
}

impl MigrationName for CreateChild {
    fn name(&self) -> &str {
        self.table
    }
}

#[async_trait::async_trait]
impl MigrationTrait for CreateChild {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(self.table)
                    .col(ColumnDef::new("id").integer().not_null().primary_key())
                    .col(ColumnDef::new("parent_id").integer().not_null())
                    .col(
                        ColumnDef::new("label")
                            .string_len(40)
                            .not_null()
                            .default("x"),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name(format!("fk_{}_parent", self.table))
                            .from_col("parent_id")
                            .to(self.parent, "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name(format!("idx_{}_label", self.table))
                    .table(self.table)
                    .col("label")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(self.table).to_owned())
            .await
    }
}

/// `up` creates table `0`, then runs invalid SQL as its second statement.
pub struct FailingSecondStatement(pub &'static str);

impl MigrationName for FailingSecondStatement {
    fn name(&self) -> &str {
        self.0
    }
}

#[async_trait::async_trait]
impl MigrationTrait for FailingSecondStatement {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        CreateTable(self.0).up(manager).await?;
        manager
            .get_connection()
            .execute_unprepared("CREATE TABLE broken (")
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        CreateTable(self.0).down(manager).await
    }
}

/// `up` runs each statement through `execute_unprepared`, the way hand-written sea-orm
/// migrations often do; `down` does nothing.
pub struct RawStatements(pub &'static str, pub &'static [&'static str]);

impl MigrationName for RawStatements {
    fn name(&self) -> &str {
        self.0
    }
}

#[async_trait::async_trait]
impl MigrationTrait for RawStatements {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for sql in self.1 {
            manager.get_connection().execute_unprepared(sql).await?;
        }
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Ok(())
    }
}

/// A revision without schema changes (merge points).
pub struct Noop(pub &'static str);

impl MigrationName for Noop {
    fn name(&self) -> &str {
        self.0
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Noop {
    async fn up(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Ok(())
    }
}
