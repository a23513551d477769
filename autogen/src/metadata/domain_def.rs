//! A PostgreSQL domain declared in Rust ([`super::SchemaExtras::domains`]).

use crate::model::{Check, Domain};

/// A domain (`CREATE DOMAIN name AS base ..`). A column uses it with
/// `#[sea_orm(column_type = "custom(\"name\")")]`: on PostgreSQL the column's type is the
/// domain, on MySQL and SQLite (which have no domains) its base type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomainDef {
    /// Domain name.
    pub name: String,
    /// The base type in PostgreSQL's spelling (`text`, `varchar(80)`, `numeric(10,2)`).
    pub base: String,
    /// `DEFAULT` SQL expression.
    pub default: Option<String>,
    /// `NOT NULL`.
    pub not_null: bool,
    /// Named checks `(name, expression)`; the expression names the value `VALUE`.
    pub checks: Vec<(String, String)>,
    /// `COLLATE` name.
    pub collation: Option<String>,
}

impl DomainDef {
    /// A nullable domain over `base` (PostgreSQL's spelling), with no default and no check.
    pub fn new(name: impl Into<String>, base: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            base: base.into(),
            default: None,
            not_null: false,
            checks: Vec::new(),
            collation: None,
        }
    }

    /// The same domain with a `DEFAULT` (SQL text, e.g. `'n/a'` or `0`).
    pub fn default(mut self, sql: impl Into<String>) -> Self {
        self.default = Some(sql.into());
        self
    }

    /// The same domain, `NOT NULL`.
    pub fn not_null(mut self) -> Self {
        self.not_null = true;
        self
    }

    /// The same domain with a named `CHECK (expression)`, e.g. `VALUE LIKE '%@%'`.
    pub fn check(mut self, name: impl Into<String>, expression: impl Into<String>) -> Self {
        self.checks.push((name.into(), expression.into()));
        self
    }

    /// The same domain with a `COLLATE`.
    pub fn collate(mut self, collation: impl Into<String>) -> Self {
        self.collation = Some(collation.into());
        self
    }

    /// The model domain (its base type parsed as PostgreSQL prints it; not yet normalized).
    pub fn to_domain(&self) -> Domain {
        let mut d = Domain::new(
            self.name.clone(),
            crate::introspect::parse_postgres_type(&self.base),
        );
        d.default = self.default.clone();
        d.not_null = self.not_null;
        d.collation = self.collation.clone();
        for (name, expression) in &self.checks {
            d.checks.insert(
                name.clone(),
                Check {
                    name: name.clone(),
                    expression: expression.clone(),
                },
            );
        }
        d
    }
}
