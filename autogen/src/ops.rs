//! The operations that turn one schema into another.
//!
//! Every drop carries the whole object it drops, so [`Op::reverse`] is total and a downgrade is
//! always the upgrade reversed.

use serde::{Deserialize, Serialize};

use crate::model::{Column, ForeignKey, Index, PrimaryKey, Table, Unique};

/// What changed in an `AlterColumn`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnChange {
    /// The type changed.
    Type,
    /// Nullability changed.
    Nullable,
    /// The server default changed.
    Default,
    /// The comment changed.
    Comment,
}

/// One schema operation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Op {
    /// Create a table with its columns, primary key, uniques and foreign keys (indexes follow as
    /// separate `AddIndex` ops).
    AddTable(Table),
    /// Drop a table; carries the whole table for the reverse.
    DropTable(Table),
    /// Add a column to an existing table.
    AddColumn { table: String, column: Column },
    /// Drop a column; carries the column for the reverse.
    DropColumn { table: String, column: Column },
    /// Change a column; carries both definitions in full (MySQL MODIFY needs the whole target).
    AlterColumn {
        table: String,
        from: Column,
        to: Column,
        changes: Vec<ColumnChange>,
    },
    /// Create a non-unique index.
    AddIndex { table: String, index: Index },
    /// Drop a non-unique index.
    DropIndex { table: String, index: Index },
    /// Add a unique constraint.
    AddUnique { table: String, unique: Unique },
    /// Drop a unique constraint.
    DropUnique { table: String, unique: Unique },
    /// Add a foreign key.
    AddForeignKey {
        table: String,
        foreign_key: ForeignKey,
    },
    /// Drop a foreign key.
    DropForeignKey {
        table: String,
        foreign_key: ForeignKey,
    },
    /// Replace the primary key (either side may be absent).
    AlterPrimaryKey {
        table: String,
        from: Option<PrimaryKey>,
        to: Option<PrimaryKey>,
    },
}
