//! `--tenants <spec>` (or `tenants` in `autogen.toml`), parsed once into a [`TenantSpec`]:
//!
//! - `acme,globex,shop_*`: names and globs (`*`, `?`, `[abc]`, as `--tables`), comma
//!   separated; a glob is matched against the server's schemas or databases;
//! - `sql:SELECT ...`: a query whose first column names the tenants, run on the configured
//!   database in a read-only transaction.
//!
//! Which kind of object a name is, a PostgreSQL schema or a database, is a [`TenantKind`].

use std::fmt;

use glob::Pattern;

use crate::backend::{Backend, ObjectName};

/// The prefix of a query spec.
pub const SQL_PREFIX: &str = "sql:";

/// Which tenants to run on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TenantSpec {
    /// Names and globs, in the order written.
    Names(Vec<Selector>),
    /// `sql:<query>`: the first column of each row is a tenant.
    Query(String),
}

/// One item of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selector {
    /// A name, taken as it is (not looked up first: a missing one fails as that tenant).
    Exact(ObjectName),
    /// A glob, matched against the server's catalog; it must match at least one.
    Glob(Pattern),
}

/// Whether a tenant is a schema of the configured database or a database of its server.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Deserialize, serde::Serialize,
)]
#[serde(rename_all = "lowercase")]
pub enum TenantKind {
    /// A PostgreSQL schema: the session's `search_path` is set to it.
    Schema,
    /// A database of the server: the URL with its database replaced.
    Database,
}

impl TenantKind {
    /// The kind `backend` takes unless one is given: schemas on PostgreSQL, databases on
    /// MySQL/MariaDB. `None` on SQLite, which has neither.
    pub fn default_for(backend: Backend) -> Option<TenantKind> {
        match backend {
            Backend::Postgres => Some(TenantKind::Schema),
            Backend::MySql => Some(TenantKind::Database),
            Backend::Sqlite => None,
        }
    }

    /// `schema` or `database`.
    pub fn name(self) -> &'static str {
        match self {
            TenantKind::Schema => "schema",
            TenantKind::Database => "database",
        }
    }

    /// Whether `backend` has tenants of this kind; the error is the reason it has not.
    pub fn check(self, backend: Backend) -> Result<(), String> {
        match (self, backend) {
            (_, Backend::Sqlite) => {
                Err("tenants need PostgreSQL or MySQL/MariaDB; the database is SQLite".into())
            }
            (TenantKind::Schema, Backend::MySql) => Err(
                "MySQL/MariaDB has no schemas inside a database: use --tenant-kind database".into(),
            ),
            _ => Ok(()),
        }
    }
}

impl fmt::Display for TenantKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl TenantSpec {
    /// Parses a spec; the error says what is wrong (one line, without the query text).
    pub fn parse(text: &str) -> Result<TenantSpec, String> {
        let text = text.trim();
        if let Some(query) = text
            .get(..SQL_PREFIX.len())
            .filter(|p| p.eq_ignore_ascii_case(SQL_PREFIX))
            .map(|_| text[SQL_PREFIX.len()..].trim())
        {
            if query.is_empty() {
                return Err(format!("`{SQL_PREFIX}` without a query"));
            }
            return Ok(TenantSpec::Query(query.to_string()));
        }
        if text.is_empty() {
            return Err("empty (give names, globs or sql:<query>)".into());
        }
        let mut items = Vec::new();
        for (i, item) in text.split(',').map(str::trim).enumerate() {
            if item.is_empty() {
                return Err(format!("item {} of the list is empty", i + 1));
            }
            let selector = if item.contains(['*', '?', '[']) {
                Selector::Glob(
                    Pattern::new(item).map_err(|e| format!("invalid glob '{item}': {e}"))?,
                )
            } else {
                Selector::Exact(ObjectName::parse(item)?)
            };
            if !items.contains(&selector) {
                items.push(selector);
            }
        }
        Ok(TenantSpec::Names(items))
    }

    /// Whether resolving needs the server (a glob or a query).
    pub fn needs_catalog(&self) -> bool {
        match self {
            TenantSpec::Query(_) => true,
            TenantSpec::Names(items) => items.iter().any(|s| matches!(s, Selector::Glob(_))),
        }
    }
}

impl TryFrom<String> for TenantSpec {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        TenantSpec::parse(&text)
    }
}

impl<'de> serde::Deserialize<'de> for TenantSpec {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        TenantSpec::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(spec: &TenantSpec) -> Vec<String> {
        match spec {
            TenantSpec::Names(items) => items
                .iter()
                .map(|s| match s {
                    Selector::Exact(n) => format!("={n}"),
                    Selector::Glob(p) => format!("~{}", p.as_str()),
                })
                .collect(),
            TenantSpec::Query(q) => vec![format!("sql {q}")],
        }
    }

    #[test]
    fn lists_globs_and_queries() {
        let spec = TenantSpec::parse(" acme, shop_* ,acme,t[0-9]").unwrap();
        assert_eq!(names(&spec), ["=acme", "~shop_*", "~t[0-9]"]);
        assert!(spec.needs_catalog());
        assert!(!TenantSpec::parse("a,b").unwrap().needs_catalog());
        let spec = TenantSpec::parse("SQL: select name from tenants").unwrap();
        assert_eq!(names(&spec), ["sql select name from tenants"]);
    }

    #[test]
    fn bad_specs_say_why() {
        for (text, expected) in [
            ("", "empty"),
            ("a,,b", "item 2 of the list is empty"),
            ("a,", "item 2 of the list is empty"),
            ("sql:  ", "`sql:` without a query"),
            ("[a", "invalid glob '[a'"),
            (&"x".repeat(70), "bytes long"),
        ] {
            let err = TenantSpec::parse(text).unwrap_err();
            assert!(err.contains(expected), "{text:?}: {err}");
        }
    }

    #[test]
    fn kinds_per_backend() {
        assert_eq!(
            TenantKind::default_for(Backend::Postgres),
            Some(TenantKind::Schema)
        );
        assert_eq!(
            TenantKind::default_for(Backend::MySql),
            Some(TenantKind::Database)
        );
        assert!(TenantKind::Schema.check(Backend::MySql).is_err());
        assert!(TenantKind::Database.check(Backend::Postgres).is_ok());
        assert!(TenantKind::Database.check(Backend::Sqlite).is_err());
    }
}
