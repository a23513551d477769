//! Ops as a migration: run them through the real migrator, or capture their SQL offline.

use sea_orm_migration::{DbErr, MigrationName, MigrationTrait, SchemaManager, async_trait};

use crate::model::Schema;
use crate::model::apply::apply_all;
use crate::ops::{Op, reverse_all};

use super::execute::execute;
use super::planner::plan;

/// A migration whose `up` executes the plan of `ops` from `before`, and whose `down` executes
/// the plan of the reversed ops from the schema `up` leaves.
#[derive(Debug, Clone)]
pub struct OpsMigration {
    /// Name reported to sea-orm-migration.
    pub name: String,
    /// Upgrade ops, in order.
    pub ops: Vec<Op>,
    /// The schema the upgrade starts from (needed to rebuild SQLite tables).
    pub before: Schema,
}

impl OpsMigration {
    /// A migration named `name` for `ops` starting from `before`.
    pub fn new(name: impl Into<String>, ops: Vec<Op>, before: Schema) -> Self {
        Self {
            name: name.into(),
            ops,
            before,
        }
    }

    /// The schema `up` leaves.
    pub fn after(&self) -> Schema {
        let mut after = self.before.clone();
        apply_all(&mut after, &self.ops);
        after
    }
}

impl MigrationName for OpsMigration {
    fn name(&self) -> &str {
        &self.name
    }
}

#[async_trait::async_trait]
impl MigrationTrait for OpsMigration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        execute(&plan(&self.ops, &self.before), manager).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        execute(&plan(&reverse_all(&self.ops), &self.after()), manager).await
    }
}
