//! Declared column type → [`ColumnType`]: the inverse of sea-query's SQLite renderer.
//!
//! SQLite keeps the declared type text verbatim, and sea-query declares its own spellings
//! (`uuid_text`, `datetime_text`, `real(10, 2)`, ...), so exactly those map back. Any other
//! declared type is `Custom`: sea-query would not declare it that way.

use crate::introspect::type_args::split;
use crate::model::ColumnType;

/// Maps a declared SQLite type to a column type (case-insensitively).
pub fn parse_type(ty: &str) -> ColumnType {
    let lower = ty.trim().to_ascii_lowercase();
    let t = split(&lower);
    match (t.name, t.args.as_deref()) {
        ("char", None) => ColumnType::Char(None),
        ("char", Some([n])) => ColumnType::Char(Some(*n)),
        ("varchar", None) => ColumnType::String(None),
        ("varchar", Some([n])) => ColumnType::String(Some(*n)),
        ("text", None) => ColumnType::Text,
        ("tinyint", None) => ColumnType::TinyInteger,
        ("smallint", None) => ColumnType::SmallInteger,
        // sea-query declares both Integer and BigInteger as `integer`.
        ("integer", None) => ColumnType::Integer,
        ("float", None) => ColumnType::Float,
        ("double", None) => ColumnType::Double,
        ("real", Some([p, s])) => ColumnType::Decimal(Some((*p, *s))),
        ("real_decimal", None) => ColumnType::Decimal(None),
        ("date_text", None) => ColumnType::Date,
        ("time_text", None) => ColumnType::Time,
        ("datetime_text", None) => ColumnType::DateTime,
        ("timestamp_with_timezone_text", None) => ColumnType::TimestampWithTimeZone,
        ("blob", Some([n])) => ColumnType::Binary(*n),
        ("blob", None) => ColumnType::Blob,
        ("varbinary_blob", None) => ColumnType::VarBinary(None),
        ("varbinary_blob", Some([n])) => ColumnType::VarBinary(Some(*n)),
        ("boolean", None) => ColumnType::Boolean,
        ("json_text", None) => ColumnType::Json,
        ("jsonb_text", None) => ColumnType::JsonBinary,
        ("uuid_text", None) => ColumnType::Uuid,
        _ => ColumnType::Custom(lower),
    }
}
