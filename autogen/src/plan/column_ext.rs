//! Column builder calls that depend on the backend a migration runs on, for the one column
//! kind sea-query cannot state portably: an unsigned auto-increment key.
//!
//! sea-query 1.0.2 renders `unsigned()` as `int UNSIGNED` on MySQL and as `bigint` on
//! PostgreSQL, but panics on `unsigned().auto_increment()` there (identity columns exist only
//! for smallint, integer and bigint). A generated file therefore writes
//! `.unsigned_key(manager.get_database_backend(), UnsignedWidth::Int)`, which picks the
//! unsigned type on MySQL and SQLite and the signed type sea-query maps it to on PostgreSQL, so
//! the column is what the entity's `u32` key is on every backend.

use sea_orm::DbBackend;
use sea_orm::sea_query::ColumnDef;

use crate::model::ColumnType;

/// The width of an unsigned integer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsignedWidth {
    /// `tinyint unsigned`.
    Tiny,
    /// `smallint unsigned`.
    Small,
    /// `int unsigned` (an entity's `u32`).
    Int,
    /// `bigint unsigned` (an entity's `u64`).
    Big,
}

impl UnsignedWidth {
    /// The width of an unsigned model type.
    pub fn of(ty: &ColumnType) -> Option<Self> {
        Some(match ty {
            ColumnType::TinyUnsigned => Self::Tiny,
            ColumnType::SmallUnsigned => Self::Small,
            ColumnType::Unsigned => Self::Int,
            ColumnType::BigUnsigned => Self::Big,
            _ => return None,
        })
    }

    /// The variant's name, as a generated file spells it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Tiny => "Tiny",
            Self::Small => "Small",
            Self::Int => "Int",
            Self::Big => "Big",
        }
    }
}

/// Backend-dependent column calls (see the module documentation).
pub trait ColumnDefExt {
    /// An unsigned type for an auto-increment key: unsigned on MySQL and SQLite, the signed
    /// type sea-query renders the unsigned one as on PostgreSQL.
    fn unsigned_key(&mut self, backend: DbBackend, width: UnsignedWidth) -> &mut Self;
}

impl ColumnDefExt for ColumnDef {
    fn unsigned_key(&mut self, backend: DbBackend, width: UnsignedWidth) -> &mut Self {
        match (backend, width) {
            (DbBackend::Postgres, UnsignedWidth::Tiny) => self.small_integer(),
            (DbBackend::Postgres, UnsignedWidth::Small) => self.integer(),
            (DbBackend::Postgres, UnsignedWidth::Int | UnsignedWidth::Big) => self.big_integer(),
            (_, UnsignedWidth::Tiny) => self.tiny_unsigned(),
            (_, UnsignedWidth::Small) => self.small_unsigned(),
            (_, UnsignedWidth::Int) => self.unsigned(),
            (_, UnsignedWidth::Big) => self.big_unsigned(),
        }
    }
}
