//! Declared column type → [`ColumnType`]: the inverse of sea-query's SQLite renderer.
//!
//! SQLite keeps the declared type text verbatim, and sea-query declares its own spellings
//! (`uuid_text`, `datetime_text`, `real(10, 2)`, ...), so exactly those map back. Any other
//! declared type is `Custom`: sea-query would not declare it that way.
//!
//! `Custom` holds SQL text, but SQLite reports a declared type with its quotes removed
//! (`a "x""); DROP TABLE y; --"` reads back as `x"); DROP TABLE y; --`). A declared type
//! that is not plain words with an optional `(n[, m])` is therefore quoted again.

use crate::backend::Backend;
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
        // sea-query declares an enum as `enum_text`: SQLite has no enums, it is text.
        ("enum_text", None) => ColumnType::Text,
        ("jsonb_text", None) => ColumnType::JsonBinary,
        ("uuid_text", None) => ColumnType::Uuid,
        _ => ColumnType::Custom(sql_text(&lower)),
    }
}

/// The declared type as SQL text: as it is when it is plain (`int unsigned`,
/// `numeric(10, 2)`), else one quoted identifier, which SQLite accepts as a type name.
fn sql_text(ty: &str) -> String {
    let (words, args) = match ty.split_once('(') {
        Some((w, rest)) => (w.trim_end(), Some(rest)),
        None => (ty, None),
    };
    let plain_words = !words.is_empty()
        && words
            .split(' ')
            .all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'));
    let plain_args = args.is_none_or(|a| {
        a.strip_suffix(')').is_some_and(|inner| {
            inner
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ' ' | ',' | '+' | '-'))
        })
    });
    if plain_words && plain_args && !ty.contains("--") {
        // `numeric(10,2)` and `numeric(10, 2)` declare the same type; keep sea-query's spacing.
        match args {
            Some(a) => {
                let inner: Vec<&str> = a[..a.len() - 1].split(',').map(str::trim).collect();
                format!("{words}({})", inner.join(", "))
            }
            None => ty.to_string(),
        }
    } else {
        Backend::Sqlite.ident(ty)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_dequotes_declared_types_so_odd_ones_are_quoted_again() {
        for (declared, sql) in [
            ("x\"); DROP TABLE y; --", "\"x\"\"); drop table y; --\""),
            ("int(--1)", "\"int(--1)\""),
            ("int), b int", "\"int), b int\""),
            ("numeric(10, 2)", "numeric(10, 2)"),
            ("NUMERIC(10,2)", "numeric(10, 2)"),
            ("decimal( 8 ,3 )", "decimal(8, 3)"),
            ("INT UNSIGNED", "int unsigned"),
        ] {
            assert_eq!(
                parse_type(declared),
                ColumnType::Custom(sql.into()),
                "{declared}"
            );
        }
    }
}
