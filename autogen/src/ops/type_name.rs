//! A readable, backend-neutral spelling of a column type, for messages.

use crate::model::ColumnType;

/// The type as a short SQL-ish name (`varchar(255)`, `integer`, `decimal(10,2)`), for humans.
pub fn type_name(ty: &ColumnType) -> String {
    let opt = |base: &str, n: &Option<u32>| match n {
        Some(n) => format!("{base}({n})"),
        None => base.to_string(),
    };
    match ty {
        ColumnType::TinyInteger => "tinyint".into(),
        ColumnType::SmallInteger => "smallint".into(),
        ColumnType::Integer => "integer".into(),
        ColumnType::BigInteger => "bigint".into(),
        ColumnType::TinyUnsigned => "tinyint unsigned".into(),
        ColumnType::SmallUnsigned => "smallint unsigned".into(),
        ColumnType::Unsigned => "int unsigned".into(),
        ColumnType::BigUnsigned => "bigint unsigned".into(),
        ColumnType::Boolean => "boolean".into(),
        ColumnType::Float => "float".into(),
        ColumnType::Double => "double".into(),
        ColumnType::Decimal(Some((p, s))) => format!("decimal({p},{s})"),
        ColumnType::Decimal(None) => "decimal".into(),
        ColumnType::Char(n) => opt("char", n),
        ColumnType::String(n) => opt("varchar", n),
        ColumnType::Text => "text".into(),
        ColumnType::Date => "date".into(),
        ColumnType::Time => "time".into(),
        ColumnType::DateTime => "datetime".into(),
        ColumnType::TimestampWithTimeZone => "timestamptz".into(),
        ColumnType::Uuid => "uuid".into(),
        ColumnType::Json => "json".into(),
        ColumnType::JsonBinary => "jsonb".into(),
        ColumnType::Blob => "blob".into(),
        ColumnType::Binary(n) => format!("binary({n})"),
        ColumnType::VarBinary(n) => opt("varbinary", n),
        ColumnType::Enum { name, values } if name.is_empty() => {
            format!("enum({})", values.join(","))
        }
        ColumnType::Enum { name, .. } => name.clone(),
        ColumnType::Domain { name, .. } => name.clone(),
        ColumnType::Custom(name) => name.clone(),
    }
}
