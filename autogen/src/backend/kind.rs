//! The three supported databases as one exhaustive enum.

use std::fmt;

use sea_orm::DbBackend;

/// A supported database. Parsed once, from the URL scheme (see [`crate::config::DatabaseUrl`]).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Backend {
    /// PostgreSQL (and compatible servers).
    Postgres,
    /// MySQL or MariaDB.
    MySql,
    /// SQLite.
    Sqlite,
}

impl Backend {
    /// Every backend, in a fixed order.
    pub const ALL: [Backend; 3] = [Backend::Postgres, Backend::MySql, Backend::Sqlite];

    /// sea-orm's name for it.
    pub fn db(self) -> DbBackend {
        match self {
            Backend::Postgres => DbBackend::Postgres,
            Backend::MySql => DbBackend::MySql,
            Backend::Sqlite => DbBackend::Sqlite,
        }
    }

    /// Ours for sea-orm's. sea-orm's enum is `#[non_exhaustive]`, but it is built here with
    /// exactly these three drivers.
    pub fn of(db: DbBackend) -> Backend {
        match db {
            DbBackend::Postgres => Backend::Postgres,
            DbBackend::MySql => Backend::MySql,
            _ => Backend::Sqlite,
        }
    }

    /// Lower-case display name (`postgres`, `mysql`, `sqlite`).
    pub fn name(self) -> &'static str {
        match self {
            Backend::Postgres => "postgres",
            Backend::MySql => "mysql",
            Backend::Sqlite => "sqlite",
        }
    }

    /// Longest identifier the server keeps (PostgreSQL truncates at 63 bytes, MySQL refuses
    /// more than 64 characters; SQLite has no limit).
    pub fn max_identifier_len(self) -> Option<usize> {
        match self {
            Backend::Postgres => Some(63),
            Backend::MySql => Some(64),
            Backend::Sqlite => None,
        }
    }
}

impl From<Backend> for DbBackend {
    fn from(b: Backend) -> DbBackend {
        b.db()
    }
}

impl fmt::Display for Backend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
