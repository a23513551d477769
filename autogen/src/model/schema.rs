//! The schema and table containers.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{
    Check, Column, DefinedIndex, Domain, ForeignKey, Index, PrimaryKey, Unique, Unmanaged,
};

/// A whole schema: every managed table, keyed by table name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schema {
    /// Tables keyed by name.
    pub tables: BTreeMap<String, Table>,
    /// Objects read but not managed (views, triggers, partitions, ...): reported, never
    /// dropped; a SQLite rebuild recreates the ones it would otherwise lose.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unmanaged: Vec<Unmanaged>,
    /// Native enum types (PostgreSQL `CREATE TYPE .. AS ENUM`), keyed by name. Empty on MySQL
    /// and SQLite, whose enums live inline in the column type.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub enums: BTreeMap<String, EnumType>,
    /// Domains (PostgreSQL `CREATE DOMAIN`), keyed by name. Empty on MySQL and SQLite, where
    /// a column of a domain is a column of its base type.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub domains: BTreeMap<String, Domain>,
    /// Set by normalization for SQLite, which keeps no foreign-key names (sea-query writes
    /// none in `CREATE TABLE`): compare then matches foreign keys by columns alone.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub fk_names_unkept: bool,
}

/// A PostgreSQL enum type: its name and its values in order.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EnumType {
    /// Type name, unquoted.
    pub name: String,
    /// Values in sort order; exact (case-sensitive).
    pub values: Vec<String>,
}

/// One table and everything attached to it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    /// Table name, unquoted.
    pub name: String,
    /// Columns in declaration (ordinal) order.
    pub columns: Vec<Column>,
    /// The primary key, if any.
    pub primary_key: Option<PrimaryKey>,
    /// Unique constraints (and unique indexes), keyed by their comma-joined column list,
    /// because generated names differ between backends.
    pub uniques: BTreeMap<String, Unique>,
    /// Non-unique indexes keyed by name.
    pub indexes: BTreeMap<String, Index>,
    /// Foreign keys keyed by their comma-joined column list.
    pub foreign_keys: BTreeMap<String, ForeignKey>,
    /// Table comment.
    pub comment: Option<String>,
    /// Check constraints keyed by [`check_key`] (the name, or the expression of an unnamed one).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub checks: BTreeMap<String, Check>,
    /// Indexes kept as SQL (see [`DefinedIndex`]), keyed by name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub defined_indexes: BTreeMap<String, DefinedIndex>,
    /// MySQL: the indexes InnoDB made itself for foreign keys, keyed by name. Normalization
    /// moves them here from `indexes` (they exist because the key does, whether or not anyone
    /// declared them); they are not compared, and a plan that drops the key for good drops
    /// the index by this name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fk_indexes: BTreeMap<String, Index>,
    /// PostgreSQL: a partitioned table's key as the catalog prints it (`RANGE (created_at)`),
    /// read from the catalog, never from an entity. Not compared (partitioning cannot be
    /// altered, and the partitions are unmanaged), but a table created from a database's
    /// shape (`diff` between databases, the downgrade of a drop) is created partitioned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partition_by: Option<String>,
    /// Rename hint: the table's name in the database before this revision (an accepted rename
    /// candidate or `--rename old=new`); never introspected, never carried by ops.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renamed_from: Option<String>,
}

impl Schema {
    /// The unmanaged objects that belong to `table`.
    pub fn unmanaged_on<'a>(&'a self, table: &'a str) -> impl Iterator<Item = &'a Unmanaged> {
        self.unmanaged
            .iter()
            .filter(move |u| u.table.as_deref() == Some(table))
    }

    /// Every `(table, column)` whose type is the enum `name`.
    pub fn enum_users(&self, name: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for t in self.tables.values() {
            for c in &t.columns {
                if matches!(&c.col_type, super::ColumnType::Enum { name: n, .. } if n == name) {
                    out.push((t.name.clone(), c.name.clone()));
                }
            }
        }
        out
    }

    /// Every `(table, column)` whose type is the domain `name`.
    pub fn domain_users(&self, name: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for t in self.tables.values() {
            for c in &t.columns {
                if matches!(&c.col_type, super::ColumnType::Domain { name: n, .. } if n == name) {
                    out.push((t.name.clone(), c.name.clone()));
                }
            }
        }
        out
    }

    /// Adds a table, replacing any table with the same name.
    pub fn insert(&mut self, table: Table) {
        self.tables.insert(table.name.clone(), table);
    }
}

impl Table {
    /// An empty table with the given name.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            ..Self::default()
        }
    }

    /// Looks a column up by name.
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }
}

/// The key of a check in [`Table::checks`]: its name, or `(expression)` when it has none.
pub fn check_key(check: &Check) -> String {
    if check.name.is_empty() {
        format!("({})", check.expression)
    } else {
        check.name.clone()
    }
}

/// The key used for column-set maps: the column names joined by commas.
pub fn column_key(columns: &[String]) -> String {
    columns.join(",")
}
