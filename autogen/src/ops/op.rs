//! The `Op` enum: one schema operation.

use serde::{Deserialize, Serialize};

use crate::model::{
    Check, Column, DefinedIndex, Domain, EnumType, ForeignKey, Index, PrimaryKey, Table, Unique,
};

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
    /// PostgreSQL: the kind of auto-increment (serial, identity by default or always) or
    /// its step changed.
    Identity,
    /// MySQL: `ON UPDATE CURRENT_TIMESTAMP` added, removed or its precision changed.
    OnUpdate,
    /// A generated column's expression or kind changed, or a column became generated or
    /// plain: planned as drop + add (PostgreSQL 15 and SQLite cannot alter an expression).
    Generated,
}

/// One schema operation.
// `AlterColumn` carries two whole columns; a migration holds a handful of ops, so boxing them
// would buy nothing but noise in every match.
#[allow(clippy::large_enum_variant)]
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
    AddIndex {
        table: String,
        index: Index,
        /// PostgreSQL: built `CONCURRENTLY` (see [`Op::concurrently`]).
        #[serde(default, skip_serializing_if = "is_false")]
        concurrently: bool,
    },
    /// Drop a non-unique index.
    DropIndex {
        table: String,
        index: Index,
        /// PostgreSQL: dropped `CONCURRENTLY`.
        #[serde(default, skip_serializing_if = "is_false")]
        concurrently: bool,
    },
    /// Add a unique constraint (a unique index).
    AddUnique {
        table: String,
        unique: Unique,
        /// PostgreSQL: its index built `CONCURRENTLY`.
        #[serde(default, skip_serializing_if = "is_false")]
        concurrently: bool,
    },
    /// Drop a unique constraint.
    DropUnique {
        table: String,
        unique: Unique,
        /// PostgreSQL: its index dropped `CONCURRENTLY`.
        #[serde(default, skip_serializing_if = "is_false")]
        concurrently: bool,
    },
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
    /// Change only when a foreign key is checked (`DEFERRABLE ..`); `from` and `to` differ in
    /// nothing else. PostgreSQL `ALTER CONSTRAINT`, the rebuild on SQLite, nothing on MySQL.
    AlterForeignKey {
        table: String,
        from: ForeignKey,
        to: ForeignKey,
    },
    /// Replace the primary key (either side may be absent).
    AlterPrimaryKey {
        table: String,
        from: Option<PrimaryKey>,
        to: Option<PrimaryKey>,
    },
    /// Rename a column, from a `#[sea_orm(renamed_from = "...")]` hint; the database carries the
    /// column's data, indexes and constraints along.
    RenameColumn {
        table: String,
        from: String,
        to: String,
    },
    /// Rename a table (an accepted rename candidate or `--rename old=new`); the database
    /// carries its data, keys and indexes along, and repoints foreign keys into it.
    RenameTable { from: String, to: String },
    /// Create an index kept as SQL.
    AddDefinedIndex { table: String, index: DefinedIndex },
    /// Drop an index kept as SQL.
    DropDefinedIndex { table: String, index: DefinedIndex },
    /// Add a check constraint.
    AddCheck { table: String, check: Check },
    /// Drop a check constraint.
    DropCheck { table: String, check: Check },
    /// Create a native enum type (PostgreSQL; nothing elsewhere, where enums are inline).
    CreateEnum(EnumType),
    /// Drop a native enum type once no column uses it; carries it for the reverse.
    DropEnum(EnumType),
    /// Change the values of a native enum type.
    AlterEnum {
        /// Type name.
        name: String,
        /// Values before, in order.
        from: Vec<String>,
        /// Values after, in order.
        to: Vec<String>,
    },
    /// Create a domain (PostgreSQL; nothing elsewhere, where its columns have its base type).
    CreateDomain(Domain),
    /// Drop a domain once no column uses it; carries it for the reverse.
    DropDomain(Domain),
    /// Change a domain's default, `NOT NULL` or checks (a base type change is a hazard);
    /// carries both definitions.
    AlterDomain {
        /// The domain before.
        from: Domain,
        /// The domain after (same name).
        to: Domain,
    },
    /// Change a table's comment (either side may be absent).
    SetTableComment {
        table: String,
        from: Option<String>,
        to: Option<String>,
    },
}

fn is_false(b: &bool) -> bool {
    !b
}

impl Op {
    /// Whether PostgreSQL builds or drops this op's index `CONCURRENTLY` (outside a
    /// transaction, without blocking writes).
    pub fn concurrently(&self) -> bool {
        match self {
            Op::AddIndex { concurrently, .. }
            | Op::DropIndex { concurrently, .. }
            | Op::AddUnique { concurrently, .. }
            | Op::DropUnique { concurrently, .. } => *concurrently,
            _ => false,
        }
    }

    /// The name of the table this op works on; empty for a schema-level object (an enum type).
    pub fn table(&self) -> &str {
        match self {
            Op::CreateEnum(_) | Op::DropEnum(_) | Op::AlterEnum { .. } => "",
            Op::CreateDomain(_) | Op::DropDomain(_) | Op::AlterDomain { .. } => "",
            Op::AddTable(t) | Op::DropTable(t) => &t.name,
            Op::RenameTable { to, .. } => to,
            Op::AddColumn { table, .. }
            | Op::DropColumn { table, .. }
            | Op::AlterColumn { table, .. }
            | Op::AddIndex { table, .. }
            | Op::DropIndex { table, .. }
            | Op::AddUnique { table, .. }
            | Op::DropUnique { table, .. }
            | Op::AddForeignKey { table, .. }
            | Op::DropForeignKey { table, .. }
            | Op::AlterForeignKey { table, .. }
            | Op::AlterPrimaryKey { table, .. }
            | Op::RenameColumn { table, .. }
            | Op::AddDefinedIndex { table, .. }
            | Op::DropDefinedIndex { table, .. }
            | Op::AddCheck { table, .. }
            | Op::DropCheck { table, .. }
            | Op::SetTableComment { table, .. } => table,
        }
    }
}
