//! Collapsing column types that a backend stores identically into one canonical type.
//!
//! Each rule is derived from sea-query 1.0.2's renderer (`backend/*/table.rs`) and from what
//! the catalog reports back: two types that render to the same stored type are one type.

use sea_orm::DbBackend;

use crate::introspect::{parse_mysql_type, parse_postgres_type, parse_sqlite_type};
use crate::model::ColumnType;

/// Returns the canonical type of `ty` on `backend`.
pub(crate) fn normalize_type(backend: DbBackend, ty: ColumnType) -> ColumnType {
    let ty = match only_postgres_has_domains(backend, ty) {
        ColumnType::Domain { name, base } => {
            return ColumnType::Domain {
                name,
                base: Box::new(normalize_type(backend, *base)),
            };
        }
        other => other,
    };
    match backend {
        DbBackend::Postgres => {
            let ty = custom_spelling_of_known_type(ty, parse_postgres_type);
            let ty = postgres_unsigned_is_signed(ty);
            let ty = postgres_tinyint_is_smallint(ty);
            let ty = postgres_binary_types_are_bytea(ty);
            postgres_bare_char_is_char_1(ty)
        }
        DbBackend::MySql => {
            let ty = custom_spelling_of_known_type(ty, parse_mysql_type);
            let ty = mysql_json_binary_is_json(ty);
            let ty = mysql_binary_16_is_uuid(ty);
            let ty = mysql_enum_is_inline(ty);
            mysql_fills_in_default_lengths(ty)
        }
        DbBackend::Sqlite => {
            let ty = custom_spelling_of_known_type(ty, parse_sqlite_type);
            let ty = sqlite_unsigned_is_signed(ty);
            let ty = sqlite_enum_is_text(ty);
            sqlite_bigint_is_integer(ty)
        }
        _ => ty,
    }
}

/// MySQL and SQLite have no domains: a column of one has the domain's base type.
fn only_postgres_has_domains(backend: DbBackend, ty: ColumnType) -> ColumnType {
    match ty {
        ColumnType::Domain { base, .. } if backend != DbBackend::Postgres => {
            only_postgres_has_domains(backend, *base)
        }
        other => other,
    }
}

/// All backends: a `Custom` type whose text the catalog reads back as a model type (e.g.
/// `Custom("timestamptz")` on Postgres, `Custom("tinyint(1)")` on MySQL) is that type.
fn custom_spelling_of_known_type(ty: ColumnType, parse: fn(&str) -> ColumnType) -> ColumnType {
    match ty {
        ColumnType::Custom(text) => parse(&text),
        other => other,
    }
}

/// Postgres has no unsigned integers: sea-query renders `TinyUnsigned` as `smallint`,
/// `SmallUnsigned` as `integer` and `Unsigned`/`BigUnsigned` as `bigint` (each wide enough for
/// the unsigned range, except `BigUnsigned`).
fn postgres_unsigned_is_signed(ty: ColumnType) -> ColumnType {
    match ty {
        ColumnType::TinyUnsigned => ColumnType::SmallInteger,
        ColumnType::SmallUnsigned => ColumnType::Integer,
        ColumnType::Unsigned | ColumnType::BigUnsigned => ColumnType::BigInteger,
        other => other,
    }
}

/// SQLite has no unsigned integers: sea-query declares `TinyUnsigned` as `tinyint`,
/// `SmallUnsigned` as `smallint`, `Unsigned` and `BigUnsigned` as `integer`.
fn sqlite_unsigned_is_signed(ty: ColumnType) -> ColumnType {
    match ty {
        ColumnType::TinyUnsigned => ColumnType::TinyInteger,
        ColumnType::SmallUnsigned => ColumnType::SmallInteger,
        ColumnType::Unsigned | ColumnType::BigUnsigned => ColumnType::Integer,
        other => other,
    }
}

/// Postgres has no 1-byte integer: sea-query renders TinyInteger as `smallint`.
fn postgres_tinyint_is_smallint(ty: ColumnType) -> ColumnType {
    match ty {
        ColumnType::TinyInteger => ColumnType::SmallInteger,
        other => other,
    }
}

/// Postgres has one binary type: sea-query renders Binary(n), VarBinary(n) and Blob all as
/// `bytea`, which keeps no length.
fn postgres_binary_types_are_bytea(ty: ColumnType) -> ColumnType {
    match ty {
        ColumnType::Binary(_) | ColumnType::VarBinary(_) => ColumnType::Blob,
        other => other,
    }
}

/// Postgres stores a bare `char` (sea-query's Char(None)) as `character(1)`.
fn postgres_bare_char_is_char_1(ty: ColumnType) -> ColumnType {
    match ty {
        ColumnType::Char(None) => ColumnType::Char(Some(1)),
        other => other,
    }
}

/// MySQL has no binary JSON: sea-query renders JsonBinary as `json`.
fn mysql_json_binary_is_json(ty: ColumnType) -> ColumnType {
    match ty {
        ColumnType::JsonBinary => ColumnType::Json,
        other => other,
    }
}

/// MySQL has no uuid type: sea-query renders Uuid as `binary(16)`, so Binary(16) and Uuid
/// are the same column.
fn mysql_binary_16_is_uuid(ty: ColumnType) -> ColumnType {
    match ty {
        ColumnType::Binary(16) => ColumnType::Uuid,
        other => other,
    }
}

/// MySQL stores lengths sea-query leaves out: `varchar(255)` and `varbinary(255)` for
/// String/VarBinary without length, `char` as `char(1)`, `decimal` as `decimal(10,0)`.
fn mysql_fills_in_default_lengths(ty: ColumnType) -> ColumnType {
    match ty {
        ColumnType::String(None) => ColumnType::String(Some(255)),
        ColumnType::VarBinary(None) => ColumnType::VarBinary(Some(255)),
        ColumnType::Char(None) => ColumnType::Char(Some(1)),
        ColumnType::Decimal(None) => ColumnType::Decimal(Some((10, 0))),
        other => other,
    }
}

/// MySQL has no named enum types: an enum is its inline `enum('a','b')`, in the spelling the
/// catalog reads back (values exact, case-sensitive, in order; the type name is not kept).
fn mysql_enum_is_inline(ty: ColumnType) -> ColumnType {
    match ty {
        ColumnType::Enum { values, .. } => {
            let quoted: Vec<String> = values
                .iter()
                .map(|v| format!("'{}'", v.replace('\'', "''")))
                .collect();
            parse_mysql_type(&format!("enum({})", quoted.join(",")))
        }
        other => other,
    }
}

/// SQLite has no enums: an enum column is text.
fn sqlite_enum_is_text(ty: ColumnType) -> ColumnType {
    match ty {
        ColumnType::Enum { .. } => ColumnType::Text,
        other => other,
    }
}

/// SQLite: sea-query declares both Integer and BigInteger as `integer` (one 64-bit
/// storage class).
fn sqlite_bigint_is_integer(ty: ColumnType) -> ColumnType {
    match ty {
        ColumnType::BigInteger => ColumnType::Integer,
        other => other,
    }
}
