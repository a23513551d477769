//! `format_type` output → [`ColumnType`]: the inverse of sea-query's Postgres renderer.

use crate::introspect::type_args::split;
use crate::model::ColumnType;

/// Maps a Postgres type (as `format_type` prints it, or a common synonym) to a column type.
/// Unknown types, arrays and types with modifiers the model lacks become `Custom`.
pub fn parse_type(ty: &str) -> ColumnType {
    let lower = without_default_precision(&ty.trim().to_ascii_lowercase());
    let t = split(&lower);
    match (t.name, t.args.as_deref()) {
        ("smallint" | "int2", None) => ColumnType::SmallInteger,
        ("integer" | "int" | "int4", None) => ColumnType::Integer,
        ("bigint" | "int8", None) => ColumnType::BigInteger,
        ("real" | "float4", None) => ColumnType::Float,
        ("double precision" | "float8", None) => ColumnType::Double,
        ("numeric" | "decimal", None) => ColumnType::Decimal(None),
        ("numeric" | "decimal", Some([p])) => ColumnType::Decimal(Some((*p, 0))),
        ("numeric" | "decimal", Some([p, s])) => ColumnType::Decimal(Some((*p, *s))),
        // `char` alone means character(1); normalize folds Char(None) into Char(Some(1)).
        ("character" | "char", None) => ColumnType::Char(None),
        ("character" | "char", Some([n])) => ColumnType::Char(Some(*n)),
        ("character varying" | "varchar", None) => ColumnType::String(None),
        ("character varying" | "varchar", Some([n])) => ColumnType::String(Some(*n)),
        ("text", None) => ColumnType::Text,
        ("date", None) => ColumnType::Date,
        ("time" | "time without time zone", None) => ColumnType::Time,
        ("timestamp" | "timestamp without time zone", None) => ColumnType::DateTime,
        ("timestamptz" | "timestamp with time zone", None) => ColumnType::TimestampWithTimeZone,
        ("uuid", None) => ColumnType::Uuid,
        ("json", None) => ColumnType::Json,
        ("jsonb", None) => ColumnType::JsonBinary,
        ("boolean" | "bool", None) => ColumnType::Boolean,
        // sea-query renders Binary, VarBinary and Blob all as bytea.
        ("bytea", None) => ColumnType::Blob,
        _ => ColumnType::Custom(array_spelling(&lower).unwrap_or(lower)),
    }
}

/// `timestamp(6)` is `timestamp`: 6 is the default (and largest) fractional-seconds precision of
/// `time`, `timetz`, `timestamp`, `timestamptz` and `interval`, and `format_type` prints it
/// only when it was written (<https://www.postgresql.org/docs/current/datatype-datetime.html>).
fn without_default_precision(lower: &str) -> String {
    for name in ["timestamp", "time", "interval"] {
        if let Some(rest) = lower.strip_prefix(name).and_then(|r| r.strip_prefix("(6)"))
            && (rest.is_empty() || rest.starts_with(' ') || rest.starts_with("[]"))
        {
            return format!("{name}{rest}");
        }
    }
    lower.to_string()
}

/// `varchar(20)[]` → `character varying(20)[]`: an array type in `format_type`'s spelling of
/// its element, so a synonym is not a difference.
fn array_spelling(lower: &str) -> Option<String> {
    let elem = lower.strip_suffix("[]")?.trim_end();
    let (name, args) = match elem.find('(') {
        Some(i) => (elem[..i].trim_end(), &elem[i..]),
        None => (elem, ""),
    };
    let canonical = match name {
        "varchar" => "character varying",
        "char" | "bpchar" => "character",
        "int" | "int4" => "integer",
        "int8" => "bigint",
        "int2" => "smallint",
        "bool" => "boolean",
        "float8" => "double precision",
        "float4" => "real",
        "decimal" => "numeric",
        // format_type puts a precision inside: `timestamp(3) without time zone[]`.
        "timestamptz" if args.is_empty() => "timestamp with time zone",
        "timestamp" if args.is_empty() => "timestamp without time zone",
        "timetz" if args.is_empty() => "time with time zone",
        "time" if args.is_empty() => "time without time zone",
        other => other,
    };
    Some(format!("{canonical}{args}[]"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postgres_default_time_precision_is_no_precision() {
        for (written, ty) in [
            ("timestamp(6) without time zone", ColumnType::DateTime),
            (
                "timestamp(6) with time zone",
                ColumnType::TimestampWithTimeZone,
            ),
            ("time(6) without time zone", ColumnType::Time),
            ("interval(6)", ColumnType::Custom("interval".into())),
            ("interval(3)", ColumnType::Custom("interval(3)".into())),
            (
                "timestamp(3) without time zone",
                ColumnType::Custom("timestamp(3) without time zone".into()),
            ),
            (
                "timestamp(6) without time zone[]",
                ColumnType::Custom("timestamp without time zone[]".into()),
            ),
        ] {
            assert_eq!(parse_type(written), ty, "{written}");
        }
    }
}
