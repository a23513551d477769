//! Reading `COLUMNS.COLUMN_DEFAULT` back as SQL expression text.

use crate::model::ColumnType;

/// Turns a MySQL 8 `COLUMN_DEFAULT` into SQL text. MySQL 8 reports string literals unquoted
/// (`abc`) and marks expressions with `DEFAULT_GENERATED` in `EXTRA`; MariaDB already reports
/// SQL text (`'abc'`, `current_timestamp()`), so its value is kept as is.
pub(crate) fn default_sql(
    raw: Option<String>,
    mariadb: bool,
    extra: &str,
    col_type: &ColumnType,
) -> Option<String> {
    let raw = raw?;
    if mariadb || extra.to_ascii_uppercase().contains("DEFAULT_GENERATED") || is_numeric(col_type) {
        return Some(raw);
    }
    if raw.eq_ignore_ascii_case("CURRENT_TIMESTAMP") {
        return Some(raw);
    }
    Some(format!("'{}'", raw.replace('\'', "''")))
}

/// Whether MySQL 8 reports this type's literal defaults without quotes.
fn is_numeric(col_type: &ColumnType) -> bool {
    matches!(
        col_type,
        ColumnType::TinyInteger
            | ColumnType::SmallInteger
            | ColumnType::Integer
            | ColumnType::BigInteger
            | ColumnType::TinyUnsigned
            | ColumnType::SmallUnsigned
            | ColumnType::Unsigned
            | ColumnType::BigUnsigned
            | ColumnType::Boolean
            | ColumnType::Float
            | ColumnType::Double
            | ColumnType::Decimal(_)
    ) || matches!(col_type, ColumnType::Custom(t) if NUMERIC_PREFIXES.iter().any(|p| t.starts_with(p)))
}

/// Type-name prefixes of numeric types the model keeps as `Custom` (e.g. `int(10) unsigned`).
const NUMERIC_PREFIXES: [&str; 10] = [
    "tinyint",
    "smallint",
    "mediumint",
    "int",
    "bigint",
    "decimal",
    "float",
    "double",
    "bit",
    "year",
];
