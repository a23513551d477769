//! PostgreSQL domains (`CREATE DOMAIN`): a named base type with a default, `NOT NULL` and
//! named checks, that columns use as their type
//! (<https://www.postgresql.org/docs/15/sql-createdomain.html>).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Check, ColumnType};

/// A PostgreSQL domain. MySQL and SQLite have none: there a column of a domain is a column of
/// its base type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Domain {
    /// Domain name, unquoted.
    pub name: String,
    /// The base type (normalized like a column's type).
    pub base: ColumnType,
    /// `DEFAULT` expression (normalized like a column's default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
    /// `NOT NULL`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub not_null: bool,
    /// Named `CHECK (..)` constraints keyed by name; `VALUE` is the checked value. Compared
    /// by canonical expression (see [`crate::normalize::checks`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub checks: BTreeMap<String, Check>,
    /// `COLLATE` when it is not the base type's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collation: Option<String>,
}

impl Domain {
    /// A domain over `base` with no default, nullable, no check.
    pub fn new(name: impl Into<String>, base: ColumnType) -> Domain {
        Domain {
            name: name.into(),
            base,
            default: None,
            not_null: false,
            checks: BTreeMap::new(),
            collation: None,
        }
    }

    /// The column type of a column of this domain.
    pub fn column_type(&self) -> ColumnType {
        ColumnType::Domain {
            name: self.name.clone(),
            base: Box::new(self.base.clone()),
        }
    }
}
