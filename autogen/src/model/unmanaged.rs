//! Objects read from a database that the tool does not manage: reported, never dropped.

use std::fmt;

use serde::{Deserialize, Serialize};

/// What kind of object an [`Unmanaged`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum UnmanagedKind {
    /// A view.
    View,
    /// A PostgreSQL materialized view.
    MaterializedView,
    /// A trigger on a table.
    Trigger,
    /// A partition of a partitioned table (the parent is managed).
    Partition,
    /// An index of a kind the model cannot express (expression, partial, method, ...).
    Index,
    /// A check constraint.
    Check,
    /// A PostgreSQL exclusion constraint (`EXCLUDE USING gist (..)`).
    Exclusion,
    /// A column whose charset or collation differs from its table's default.
    Collation,
    /// A column attribute the model cannot express (`ON UPDATE CURRENT_TIMESTAMP`, ...).
    ColumnAttribute,
    /// A column of a user-defined type (enum, domain, composite) that the tool never creates.
    UserType,
    /// A foreign-key option declared for columns that carry no foreign key.
    ForeignKeyOption,
    /// A table option the model cannot express (SQLite `WITHOUT ROWID`, `STRICT`).
    TableOption,
}

impl UnmanagedKind {
    /// The kind as a reader says it.
    pub fn label(self) -> &'static str {
        match self {
            Self::View => "view",
            Self::MaterializedView => "materialized view",
            Self::Trigger => "trigger",
            Self::Partition => "partition",
            Self::Index => "index",
            Self::Check => "check constraint",
            Self::Exclusion => "exclusion constraint",
            Self::Collation => "column collation",
            Self::ColumnAttribute => "column attribute",
            Self::UserType => "column type",
            Self::ForeignKeyOption => "foreign key option",
            Self::TableOption => "table option",
        }
    }

    /// Parses [`label`](Self::label) back (catalog queries return the label).
    pub fn from_label(label: &str) -> Option<Self> {
        [
            Self::View,
            Self::MaterializedView,
            Self::Trigger,
            Self::Partition,
            Self::Index,
            Self::Check,
            Self::Exclusion,
            Self::Collation,
            Self::ColumnAttribute,
            Self::UserType,
            Self::ForeignKeyOption,
            Self::TableOption,
        ]
        .into_iter()
        .find(|k| k.label() == label)
    }
}

/// One object the tool read but does not manage.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Unmanaged {
    /// What it is.
    pub kind: UnmanagedKind,
    /// The table it belongs to (none for a view).
    pub table: Option<String>,
    /// Its name (the column name for column-level kinds).
    pub name: String,
    /// What the catalog says about it (definition, method, collation), for the notice.
    pub detail: Option<String>,
    /// Its full SQL definition where the backend keeps one (SQLite), to recreate it.
    pub sql: Option<String>,
}

impl fmt::Display for Unmanaged {
    /// One line: `notice: index "ix" on "t" (USING gist (..)) is not managed; left in place`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "notice: {} {:?}", self.kind.label(), self.name)?;
        if let Some(table) = &self.table {
            write!(f, " on {table:?}")?;
        }
        if let Some(detail) = &self.detail {
            let one_line: String = detail.split_whitespace().collect::<Vec<_>>().join(" ");
            write!(f, " ({one_line})")?;
        }
        write!(f, " is not managed by autogen; left as it is")
    }
}
