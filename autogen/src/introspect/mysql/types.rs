//! `COLUMNS.COLUMN_TYPE` → [`ColumnType`]: the inverse of sea-query's MySQL renderer.

use crate::introspect::type_args::split;
use crate::model::ColumnType;

/// Maps a MySQL/MariaDB column type (e.g. `int(11)`, `tinyint(1)`, `decimal(10,2)`) to a
/// column type. Integer display widths are dropped (MariaDB and MySQL 5.7 print them, MySQL
/// 8.0.19+ does not), except `tinyint(1)`, which is how `bool` is stored. Unsigned/zerofill
/// and types the model lacks become `Custom`.
pub fn parse_type(ty: &str) -> ColumnType {
    if let Some(canonical) = enum_or_set(ty) {
        return ColumnType::Custom(canonical);
    }
    let lower = ty.trim().to_ascii_lowercase();
    if lower == "tinyint(1)" || lower == "bool" || lower == "boolean" {
        // sea-query renders Boolean as `bool`, which MySQL stores as tinyint(1).
        return ColumnType::Boolean;
    }
    let lower = drop_display_width(&lower);
    if let Some(ty) = unsigned_integer(&lower) {
        return ty;
    }
    if lower.ends_with(" unsigned") || lower.ends_with(" zerofill") {
        return ColumnType::Custom(lower);
    }
    let t = split(&lower);
    match (t.name, t.args.as_deref()) {
        ("tinyint", None) => ColumnType::TinyInteger,
        ("smallint", None) => ColumnType::SmallInteger,
        ("int" | "integer", None) => ColumnType::Integer,
        ("bigint", None) => ColumnType::BigInteger,
        ("float", None) => ColumnType::Float,
        ("double", None) => ColumnType::Double,
        ("decimal" | "numeric", None) => ColumnType::Decimal(None),
        ("decimal" | "numeric", Some([p])) => ColumnType::Decimal(Some((*p, 0))),
        ("decimal" | "numeric", Some([p, s])) => ColumnType::Decimal(Some((*p, *s))),
        ("char", None) => ColumnType::Char(None),
        ("char", Some([n])) => ColumnType::Char(Some(*n)),
        ("varchar", Some([n])) => ColumnType::String(Some(*n)),
        ("text", None) => ColumnType::Text,
        ("date", None) => ColumnType::Date,
        ("time", None) => ColumnType::Time,
        ("datetime", None) => ColumnType::DateTime,
        // sea-query renders TimestampWithTimeZone as `timestamp`.
        ("timestamp", None) => ColumnType::TimestampWithTimeZone,
        // sea-query renders Uuid as binary(16), so binary(16) reads back as Uuid.
        ("binary", Some([16])) => ColumnType::Uuid,
        ("binary", Some([n])) => ColumnType::Binary(*n),
        ("varbinary", Some([n])) => ColumnType::VarBinary(Some(*n)),
        ("blob", None) => ColumnType::Blob,
        ("json", None) => ColumnType::Json,
        _ => ColumnType::Custom(lower),
    }
}

/// `int unsigned` → [`ColumnType::Unsigned`], and so on for the widths sea-query has
/// (`mediumint unsigned` and `zerofill` stay `Custom`).
fn unsigned_integer(lower: &str) -> Option<ColumnType> {
    Some(match lower.strip_suffix(" unsigned")? {
        "tinyint" => ColumnType::TinyUnsigned,
        "smallint" => ColumnType::SmallUnsigned,
        "int" | "integer" => ColumnType::Unsigned,
        "bigint" => ColumnType::BigUnsigned,
        _ => return None,
    })
}

/// `int(11) unsigned` → `int unsigned`: an integer's display width is not part of its type.
fn drop_display_width(ty: &str) -> String {
    const INTEGERS: [&str; 6] = [
        "tinyint",
        "smallint",
        "mediumint",
        "integer",
        "int",
        "bigint",
    ];
    for name in INTEGERS {
        if let Some(rest) = ty.strip_prefix(name).and_then(|r| r.strip_prefix('('))
            && let Some(close) = rest.find(')')
            && rest[..close].chars().all(|c| c.is_ascii_digit())
        {
            return format!("{name}{}", &rest[close + 1..]);
        }
    }
    ty.to_owned()
}

/// `ENUM('G', 'PG')` → `enum('G','PG')`: the keyword lower-cased and the spacing between
/// values dropped, the values kept exactly (they are case-sensitive and ordered).
pub fn enum_or_set(ty: &str) -> Option<String> {
    let (keyword, values) = enum_or_set_values(ty)?;
    let quoted: Vec<String> = values
        .iter()
        .map(|v| format!("'{}'", v.replace('\'', "''")))
        .collect();
    Some(format!("{keyword}({})", quoted.join(",")))
}

/// The values of a MySQL `ENUM(..)` type, unquoted, in order; `None` for any other type
/// (a `SET` included).
pub fn enum_values(ty: &str) -> Option<Vec<String>> {
    enum_or_set_values(ty).and_then(|(keyword, values)| (keyword == "enum").then_some(values))
}

/// `("enum" | "set", values unquoted)` of an `ENUM(..)`/`SET(..)` type.
fn enum_or_set_values(ty: &str) -> Option<(String, Vec<String>)> {
    let ty = ty.trim();
    let open = ty.find('(')?;
    let keyword = ty[..open].trim().to_ascii_lowercase();
    if keyword != "enum" && keyword != "set" {
        return None;
    }
    let body = ty[open + 1..].trim_end().strip_suffix(')')?;
    let mut values = Vec::new();
    let mut chars = body.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace() || *c == ',') {
            chars.next();
        }
        let Some(quote) = chars.next() else { break };
        if quote != '\'' {
            return None;
        }
        let mut value = String::new();
        loop {
            match chars.next()? {
                '\'' if chars.peek() == Some(&'\'') => {
                    chars.next();
                    value.push('\'');
                }
                '\'' => break,
                '\\' => {
                    // MySQL's backslash escape of a quote is the doubled quote.
                    match chars.next()? {
                        '\'' => value.push('\''),
                        c => {
                            value.push('\\');
                            value.push(c);
                        }
                    }
                }
                c => value.push(c),
            }
        }
        values.push(value);
    }
    Some((keyword, values))
}
