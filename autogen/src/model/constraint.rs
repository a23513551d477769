//! Keys, indexes and foreign keys.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A primary key (single or composite).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrimaryKey {
    /// Constraint name where the backend keeps one; ignored by comparison.
    pub name: Option<String>,
    /// Key columns in key order.
    pub columns: Vec<String>,
}

/// A unique constraint or unique index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unique {
    /// Name; ignored by comparison because backends generate different names.
    pub name: String,
    /// Columns in order.
    pub columns: Vec<String>,
}

/// A non-unique index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Index {
    /// Index name.
    pub name: String,
    /// Indexed columns in order.
    pub columns: Vec<String>,
}

/// A check constraint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    /// Constraint name; empty for an unnamed SQLite check (matched by expression then).
    pub name: String,
    /// The boolean expression as SQL text, without `CHECK (..)`; compared normalized.
    pub expression: String,
}

/// An index the column model cannot express (expression, partial, GiST/GIN/BRIN/hash, operator
/// classes, sort order, `INCLUDE`, `NULLS NOT DISTINCT`, FULLTEXT/SPATIAL, prefix lengths),
/// kept as its `CREATE INDEX` statement in the dialect of the backend it was read from, and
/// compared by that statement's canonical form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DefinedIndex {
    /// Index name (case-sensitive).
    pub name: String,
    /// The backend whose dialect `sql` is written in; other backends skip it, with a comment.
    pub backend: crate::backend::Backend,
    /// The whole `CREATE [UNIQUE|FULLTEXT|SPATIAL] INDEX .. ON ..` statement.
    pub sql: String,
    /// The same index in the other backends' dialects, when it was declared on the entity
    /// ([`crate::metadata::IndexDef`]), so that a file generated on one backend creates it on
    /// the others too. An index read from a database has none (its SQL is one backend's own);
    /// a backend missing here skips the index with a comment. Never compared.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub elsewhere: BTreeMap<crate::backend::Backend, String>,
}

impl DefinedIndex {
    /// An index read from `backend`, kept as its statement.
    pub fn read(name: String, backend: crate::backend::Backend, sql: String) -> Self {
        Self {
            name,
            backend,
            sql,
            elsewhere: BTreeMap::new(),
        }
    }

    /// The statement that creates the index on `backend`, if it has one there.
    pub fn sql_for(&self, backend: crate::backend::Backend) -> Option<&str> {
        if backend == self.backend {
            Some(&self.sql)
        } else {
            self.elsewhere.get(&backend).map(String::as_str)
        }
    }
}

/// Referential action of a foreign key.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub enum FkAction {
    /// NO ACTION (the SQL default).
    #[default]
    NoAction,
    /// RESTRICT.
    Restrict,
    /// CASCADE.
    Cascade,
    /// SET NULL.
    SetNull,
    /// SET DEFAULT.
    SetDefault,
}

/// When a foreign key is checked: `NOT DEFERRABLE` (the SQL default), or deferrable and
/// checked at the end of each statement (`INITIALLY IMMEDIATE`) or of the transaction
/// (`INITIALLY DEFERRED`). PostgreSQL and SQLite; MySQL/MariaDB have no deferrable keys.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub enum Deferrable {
    /// `NOT DEFERRABLE`.
    #[default]
    No,
    /// `DEFERRABLE INITIALLY IMMEDIATE`.
    InitiallyImmediate,
    /// `DEFERRABLE INITIALLY DEFERRED`.
    InitiallyDeferred,
}

impl Deferrable {
    /// The clause, as PostgreSQL and SQLite spell it.
    pub fn sql(self) -> &'static str {
        match self {
            Self::No => "NOT DEFERRABLE",
            Self::InitiallyImmediate => "DEFERRABLE INITIALLY IMMEDIATE",
            Self::InitiallyDeferred => "DEFERRABLE INITIALLY DEFERRED",
        }
    }

    /// Whether this is the default, `NOT DEFERRABLE`.
    pub fn is_no(&self) -> bool {
        *self == Self::No
    }
}

/// A foreign key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForeignKey {
    /// Constraint name; a different name on the same columns is a drop and an add, except
    /// on SQLite, which keeps no names (see [`super::Schema::fk_names_unkept`]).
    pub name: String,
    /// Referencing columns.
    pub columns: Vec<String>,
    /// Referenced table.
    pub ref_table: String,
    /// Referenced columns.
    pub ref_columns: Vec<String>,
    /// ON DELETE action.
    pub on_delete: FkAction,
    /// ON UPDATE action.
    pub on_update: FkAction,
    /// Deferrability (PostgreSQL, SQLite; always `No` on MySQL).
    #[serde(default, skip_serializing_if = "Deferrable::is_no")]
    pub deferrable: Deferrable,
}
