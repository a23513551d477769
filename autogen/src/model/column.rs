//! Columns and their logical types.

use serde::{Deserialize, Serialize};

/// A column as the comparison sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    /// Column name, unquoted.
    pub name: String,
    /// Logical type (already normalized for the backend when compared).
    pub col_type: ColumnType,
    /// Whether NULL is allowed.
    pub nullable: bool,
    /// Server default as a normalized SQL expression, e.g. `0`, `'x'`, `CURRENT_TIMESTAMP`.
    pub default: Option<String>,
    /// Auto-increment / serial / identity.
    pub auto_increment: bool,
    /// PostgreSQL: serial or identity (and which), for an auto-increment column; `None`
    /// elsewhere (normalization fills in the default kind on PostgreSQL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity: Option<super::Identity>,
    /// Column comment (without any `renamed_from` hint).
    pub comment: Option<String>,
    /// `#[sea_orm(renamed_from = "...")]` hint from the entity; never introspected.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub renamed_from: Option<String>,
    /// MySQL `ON UPDATE CURRENT_TIMESTAMP`; `None` elsewhere (normalization clears it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_update: Option<super::OnUpdate>,
    /// The column's collation when it is not the default (MySQL: its table's; PostgreSQL:
    /// its type's; SQLite: any `COLLATE` written), read from the catalog, never from an entity. Not compared: it is kept
    /// through every statement that restates the column or its type (MySQL `MODIFY COLUMN`,
    /// PostgreSQL `ALTER COLUMN .. TYPE`), and reported as a notice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collation: Option<Collation>,
    /// A generated (computed) column's expression and kind; `None` for a plain column.
    /// Generated columns have no default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated: Option<super::Generated>,
}

/// A column collation, with the backend whose catalog named it: collation names are not
/// portable (`utf8mb4_bin` is MySQL's, `"C"` PostgreSQL's), so a file generated on one
/// backend restates it only when it runs there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Collation {
    /// The backend the name belongs to.
    pub backend: crate::backend::Backend,
    /// The collation's name, unquoted.
    pub name: String,
}

impl Collation {
    /// A MySQL/MariaDB collation (`utf8mb4_bin`).
    pub fn mysql(name: impl Into<String>) -> Collation {
        Collation {
            backend: crate::backend::Backend::MySql,
            name: name.into(),
        }
    }

    /// A SQLite collation (`NOCASE`), read from the column's `COLLATE` in `CREATE TABLE`.
    pub fn sqlite(name: impl Into<String>) -> Collation {
        Collation {
            backend: crate::backend::Backend::Sqlite,
            name: name.into(),
        }
    }

    /// A PostgreSQL collation (`C`, `en_US`, `und-x-icu`).
    pub fn postgres(name: impl Into<String>) -> Collation {
        Collation {
            backend: crate::backend::Backend::Postgres,
            name: name.into(),
        }
    }
}

impl Column {
    /// A NOT NULL column of `col_type` with nothing else set (no default, not
    /// auto-increment, no comment).
    pub fn new(name: impl Into<String>, col_type: ColumnType) -> Column {
        Column {
            name: name.into(),
            col_type,
            nullable: false,
            default: None,
            auto_increment: false,
            identity: None,
            comment: None,
            renamed_from: None,
            on_update: None,
            collation: None,
            generated: None,
        }
    }
}

/// Backend-neutral column types, a subset of sea-query's `ColumnType` that can be compared
/// and rendered back to sea-query builder calls.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ColumnType {
    /// 8-bit integer (MySQL tinyint other than tinyint(1)).
    TinyInteger,
    /// 16-bit integer.
    SmallInteger,
    /// 32-bit integer.
    Integer,
    /// 64-bit integer.
    BigInteger,
    /// MySQL `tinyint unsigned` (sea-query `TinyUnsigned`; `smallint` on PostgreSQL).
    TinyUnsigned,
    /// MySQL `smallint unsigned` (sea-query `SmallUnsigned`; `integer` on PostgreSQL).
    SmallUnsigned,
    /// MySQL `int unsigned` (sea-query `Unsigned`, an entity's `u32`; `bigint` on PostgreSQL).
    Unsigned,
    /// MySQL `bigint unsigned` (sea-query `BigUnsigned`, an entity's `u64`).
    BigUnsigned,
    /// Boolean (MySQL tinyint(1)).
    Boolean,
    /// 32-bit float.
    Float,
    /// 64-bit float.
    Double,
    /// Exact numeric with optional (precision, scale).
    Decimal(Option<(u32, u32)>),
    /// Fixed-length string.
    Char(Option<u32>),
    /// Variable-length string with optional length.
    String(Option<u32>),
    /// Unbounded text.
    Text,
    /// Date without time.
    Date,
    /// Time of day.
    Time,
    /// Timestamp without time zone (MySQL datetime).
    DateTime,
    /// Timestamp with time zone (MySQL timestamp).
    TimestampWithTimeZone,
    /// UUID.
    Uuid,
    /// JSON text.
    Json,
    /// Binary JSON (Postgres jsonb).
    JsonBinary,
    /// Binary large object.
    Blob,
    /// Fixed-length binary.
    Binary(u32),
    /// Variable-length binary.
    VarBinary(Option<u32>),
    /// A native enum: a named type on PostgreSQL (`CREATE TYPE .. AS ENUM`, listed in
    /// [`Schema::enums`](super::Schema::enums)), inline `ENUM(..)` on MySQL, text on SQLite.
    /// Values are exact: case- and order-sensitive.
    Enum {
        /// Type name (PostgreSQL); MySQL and SQLite keep none.
        name: String,
        /// Values in order.
        values: Vec<String>,
    },
    /// A PostgreSQL domain (listed in [`Schema::domains`](super::Schema::domains)), with its
    /// base type: compared by name, and on MySQL and SQLite normalized to the base type.
    Domain {
        /// Domain name.
        name: String,
        /// Its base type, as the domain declares it (what other backends use).
        base: Box<ColumnType>,
    },
    /// Anything else, as the backend's own lower-cased type name.
    Custom(String),
}

impl ColumnType {
    /// The type itself, or a domain's base type: what the values are.
    pub fn base(&self) -> &ColumnType {
        match self {
            ColumnType::Domain { base, .. } => base.base(),
            other => other,
        }
    }

    /// Whether a column of this type has a character set and collation (MySQL's string
    /// types: `char`, `varchar`, the `text` family, `enum` and `set`).
    pub fn has_collation(&self) -> bool {
        match self {
            ColumnType::Char(_) | ColumnType::String(_) | ColumnType::Text => true,
            ColumnType::Enum { .. } => true,
            ColumnType::Domain { base, .. } => base.has_collation(),
            ColumnType::Custom(t) => {
                let base = t.split(['(', ' ']).next().unwrap_or_default();
                matches!(
                    base,
                    "char"
                        | "varchar"
                        | "tinytext"
                        | "text"
                        | "mediumtext"
                        | "longtext"
                        | "enum"
                        | "set"
                )
            }
            _ => false,
        }
    }
}
