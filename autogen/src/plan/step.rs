//! The plan's vocabulary: schema statements, backend conditions and annotations.

use sea_orm::DbBackend;

use crate::model::{Column, ColumnType, ForeignKey, Table};

/// One planned statement, backend condition or annotation.
///
/// Every leaf statement is one that sea-query (or the database, for `Raw`) accepts on each
/// backend it can run on; the conditions keep the rest away from backends that cannot take it.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// A note for the reader (`// text` in a file; nothing when executed).
    Comment(String),
    /// A data-loss warning (`// WARNING: text` in a file; nothing when executed).
    Warning(String),
    /// A hazard line (`// WARNING: ...` or `// HAZARD: ...`, see `ops::Hazard::file_line`)
    /// for the backends it applies to (empty: all); nothing when executed.
    Hazard {
        /// The line, without `// `.
        text: String,
        /// Where it applies; a file for other backends only leaves it out.
        backends: Vec<DbBackend>,
    },
    /// `CREATE TABLE name` with the columns, keys, uniques and foreign keys of `table` (its
    /// non-unique indexes are separate `CreateIndex` steps).
    CreateTable {
        /// The shape to create.
        table: Table,
        /// The name to create it under (a temporary name during a SQLite rebuild).
        name: String,
        /// Table options written after the column list (a SQLite rebuild restates
        /// `WITHOUT ROWID`, PostgreSQL a partitioned table's `PARTITION BY`); empty otherwise.
        options: Vec<String>,
    },
    /// `DROP TABLE`.
    DropTable {
        /// Table name.
        name: String,
    },
    /// `ALTER TABLE .. RENAME TO`.
    RenameTable {
        /// Old name.
        from: String,
        /// New name.
        to: String,
    },
    /// `ALTER TABLE .. ADD COLUMN` with the whole definition.
    AddColumn {
        /// Table name.
        table: String,
        /// The new column.
        column: Column,
    },
    /// `ALTER TABLE .. DROP COLUMN`.
    DropColumn {
        /// Table name.
        table: String,
        /// Column name.
        column: String,
    },
    /// `ALTER TABLE .. RENAME COLUMN`.
    RenameColumn {
        /// Table name.
        table: String,
        /// Old name.
        from: String,
        /// New name.
        to: String,
    },
    /// MySQL `MODIFY COLUMN`, restating the whole target column.
    ModifyColumn {
        /// Table name.
        table: String,
        /// The column as it must end up.
        column: Column,
    },
    /// Postgres `ALTER COLUMN` parts in one statement: new type, nullability, new default.
    AlterColumnParts {
        /// Table name.
        table: String,
        /// Column name.
        column: String,
        /// New type, if it changes.
        col_type: Option<ColumnType>,
        /// New nullability, if it changes.
        nullable: Option<bool>,
        /// New default expression, if one is set (removing one is a `Raw` step).
        default: Option<String>,
    },
    /// `CREATE [UNIQUE] INDEX name ON table (columns)`.
    CreateIndex {
        /// Table name.
        table: String,
        /// Index name.
        name: String,
        /// Indexed columns in order.
        columns: Vec<String>,
        /// Whether it is a unique index.
        unique: bool,
        /// PostgreSQL: `CREATE INDEX CONCURRENTLY` (sea-query writes it only there).
        concurrently: bool,
    },
    /// `DROP INDEX` (named on its table for MySQL).
    DropIndex {
        /// Table name.
        table: String,
        /// Index name.
        name: String,
        /// PostgreSQL: `DROP INDEX CONCURRENTLY` (sea-query writes it only there).
        concurrently: bool,
    },
    /// `ALTER TABLE .. ADD CONSTRAINT .. FOREIGN KEY` (never on SQLite).
    AddForeignKey {
        /// Referencing table.
        table: String,
        /// The key.
        foreign_key: ForeignKey,
    },
    /// `ALTER TABLE .. DROP FOREIGN KEY | CONSTRAINT` (never on SQLite).
    DropForeignKey {
        /// Referencing table.
        table: String,
        /// Constraint name.
        name: String,
    },
    /// SQL sea-query cannot express, run as is.
    Raw(String),
    /// Steps that run only on one backend.
    OnlyOn(DbBackend, Vec<Step>),
    /// Steps that run on every backend but one.
    ExceptOn(DbBackend, Vec<Step>),
    /// One arm per listed backend, in order; unlisted backends do nothing.
    Match(Vec<(DbBackend, Vec<Step>)>),
}

impl Step {
    /// Whether this step is an annotation (no statement).
    pub fn is_note(&self) -> bool {
        matches!(
            self,
            Step::Comment(_) | Step::Warning(_) | Step::Hazard { .. }
        )
    }

    /// Whether this step can never run anything on `backend`.
    pub fn skips(&self, backend: DbBackend) -> bool {
        match self {
            Step::Comment(_) | Step::Warning(_) | Step::Hazard { .. } => true,
            Step::OnlyOn(b, _) => *b != backend,
            Step::ExceptOn(b, _) => *b == backend,
            Step::Match(arms) => arms.iter().all(|(b, _)| *b != backend),
            _ => false,
        }
    }
}

/// The statement steps that run on `backend`, conditions resolved, annotations dropped.
pub fn statements_for(steps: &[Step], backend: DbBackend) -> Vec<&Step> {
    let mut out = Vec::new();
    collect(steps, backend, &mut out);
    out
}

fn collect<'a>(steps: &'a [Step], backend: DbBackend, out: &mut Vec<&'a Step>) {
    for step in steps {
        match step {
            Step::Comment(_) | Step::Warning(_) | Step::Hazard { .. } => {}
            Step::OnlyOn(b, inner) => {
                if *b == backend {
                    collect(inner, backend, out);
                }
            }
            Step::ExceptOn(b, inner) => {
                if *b != backend {
                    collect(inner, backend, out);
                }
            }
            Step::Match(arms) => {
                if let Some((_, inner)) = arms.iter().find(|(b, _)| *b == backend) {
                    collect(inner, backend, out);
                }
            }
            leaf => out.push(leaf),
        }
    }
}
