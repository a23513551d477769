//! Column builder calls that depend on the backend a migration runs on, for the column kinds
//! sea-query cannot state portably: an unsigned auto-increment key, a PostgreSQL serial or
//! `GENERATED ALWAYS` identity (sea-query's `auto_increment()` is always `BY DEFAULT` there),
//! MySQL's `ON UPDATE CURRENT_TIMESTAMP` and column `COLLATE` (sea-query has neither:
//! they go into the column's `extra` text, on MySQL only), and a generated column's clause
//! (see [`super::generated`]).
//!
//! sea-query 1.0.2 renders `unsigned()` as `int UNSIGNED` on MySQL and as `bigint` on
//! PostgreSQL, but panics on `unsigned().auto_increment()` there (identity columns exist only
//! for smallint, integer and bigint). A generated file therefore writes
//! `.unsigned_key(manager.get_database_backend(), UnsignedWidth::Int)`, which picks the
//! unsigned type on MySQL and SQLite and the signed type sea-query maps it to on PostgreSQL, so
//! the column is what the entity's `u32` key is on every backend.

use sea_orm::DbBackend;
use sea_orm::sea_query::{Alias, ColumnDef, ColumnType as Sq};

use crate::model::{ColumnType, Identity, IdentityKind, OnUpdate};

use super::GeneratedAs;

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

    /// Auto-increment of a given PostgreSQL kind: `serial` (the type becomes `serial`,
    /// `smallserial` or `bigserial`) or an identity with its `ALWAYS`/`BY DEFAULT` and step;
    /// plain `auto_increment()` on the other backends.
    fn auto_increment_as(
        &mut self,
        backend: DbBackend,
        kind: IdentityKind,
        increment: Option<i64>,
    ) -> &mut Self;

    /// MySQL: `ON UPDATE CURRENT_TIMESTAMP[(precision)]`; nothing on the other backends.
    fn mysql_on_update(&mut self, backend: DbBackend, precision: Option<u32>) -> &mut Self;

    /// `COLLATE <name>` on the backend whose catalog named the collation (on MySQL it names
    /// its character set too); nothing on the others, where the name means nothing. The name
    /// is quoted as an identifier.
    fn collate(&mut self, backend: DbBackend, collation: crate::model::Collation) -> &mut Self;

    /// A generated column: `GENERATED ALWAYS AS (..)` with its nullability, as `backend`
    /// takes them (see [`GeneratedAs`]). Replaces `null()`/`not_null()` on such a column.
    fn generated_as(&mut self, backend: DbBackend, clause: GeneratedAs) -> &mut Self;

    /// PostgreSQL: the column's type is the domain `name` (quoted as an identifier), in place
    /// of the base type set before; MySQL and SQLite have no domains and keep the base type.
    fn domain(&mut self, backend: DbBackend, name: impl AsRef<str>) -> &mut Self;
}

/// Appends `text` to the column's `extra` SQL (sea-query writes it after `AUTO_INCREMENT` and
/// before `COMMENT`, where MySQL and MariaDB take any column attribute).
fn append_extra(def: &mut ColumnDef, text: String) -> &mut ColumnDef {
    let extra = match &def.get_column_spec().extra {
        Some(before) => format!("{before} {text}"),
        None => text,
    };
    def.extra(extra)
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

    fn auto_increment_as(
        &mut self,
        backend: DbBackend,
        kind: IdentityKind,
        increment: Option<i64>,
    ) -> &mut Self {
        if backend != DbBackend::Postgres {
            return self.auto_increment();
        }
        if kind == IdentityKind::Serial {
            // A serial's step is its sequence's, which CREATE TABLE cannot set: a non-default
            // step shows up as a difference in the next check rather than silently.
            let serial = match self.get_column_type() {
                Some(Sq::SmallInteger) => "smallserial",
                Some(Sq::Integer) => "serial",
                Some(Sq::BigInteger) => "bigserial",
                _ => return self.auto_increment(),
            };
            return self.custom(Alias::new(serial));
        }
        self.extra(super::identity::identity_clause(Identity {
            kind,
            increment,
        }))
    }

    fn mysql_on_update(&mut self, backend: DbBackend, precision: Option<u32>) -> &mut Self {
        if backend != DbBackend::MySql {
            return self;
        }
        append_extra(self, OnUpdate { precision }.sql())
    }

    fn collate(&mut self, backend: DbBackend, collation: crate::model::Collation) -> &mut Self {
        if collation.backend.db() != backend {
            return self;
        }
        append_extra(
            self,
            format!("COLLATE {}", collation.backend.ident(&collation.name)),
        )
    }

    fn generated_as(&mut self, backend: DbBackend, clause: GeneratedAs) -> &mut Self {
        clause.apply(self, backend)
    }

    fn domain(&mut self, backend: DbBackend, name: impl AsRef<str>) -> &mut Self {
        if backend != DbBackend::Postgres {
            return self;
        }
        self.custom(Alias::new(
            crate::backend::Backend::Postgres.ident(name.as_ref()),
        ))
    }
}
