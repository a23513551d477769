//! The name of a PostgreSQL schema or of a database (`--schema`, `--tenants`), checked once
//! where it enters: what reaches SQL goes through [`Backend::ident`], what reaches a URL
//! through [`crate::config::DatabaseUrl::with_database`].

use std::fmt;

use super::Backend;

/// A schema or database name: not empty, no NUL, no surrounding whitespace, at most 63 bytes.
///
/// 63 bytes is PostgreSQL's limit (`NAMEDATALEN - 1`): a longer identifier is silently cut
/// (<https://www.postgresql.org/docs/current/sql-syntax-lexical.html#SQL-SYNTAX-IDENTIFIERS>),
/// so `search_path` would name another schema; MySQL allows 64 characters
/// (<https://dev.mysql.com/doc/refman/8.0/en/identifier-length.html>), at least as many.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ObjectName(String);

/// The longest name accepted, in bytes.
pub const MAX_NAME_BYTES: usize = 63;

impl ObjectName {
    /// Checks `text`; the error says what is wrong, without the name when it is unprintable.
    pub fn parse(text: &str) -> Result<ObjectName, String> {
        if text.is_empty() {
            return Err("an empty name".into());
        }
        if text.contains('\0') {
            return Err("a name with a NUL character".into());
        }
        if text.trim() != text {
            return Err(format!("name {text:?} starts or ends with whitespace"));
        }
        if text.len() > MAX_NAME_BYTES {
            return Err(format!(
                "name {text:?} is {} bytes long (at most {MAX_NAME_BYTES}: PostgreSQL cuts longer names)",
                text.len()
            ));
        }
        Ok(ObjectName(text.to_string()))
    }

    /// The name as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The name as an SQL identifier of `backend`.
    pub fn ident(&self, backend: Backend) -> String {
        backend.ident(&self.0)
    }
}

impl fmt::Display for ObjectName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for ObjectName {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        ObjectName::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_checked() {
        assert_eq!(ObjectName::parse("tenant_1").unwrap().as_str(), "tenant_1");
        assert_eq!(
            ObjectName::parse("Odd \"name\"")
                .unwrap()
                .ident(Backend::Postgres),
            "\"Odd \"\"name\"\"\""
        );
        for bad in ["", " a", "a ", "a\0b", &"x".repeat(64)] {
            assert!(ObjectName::parse(bad).is_err(), "{bad:?}");
        }
        assert!(ObjectName::parse(&"x".repeat(63)).is_ok());
    }
}
