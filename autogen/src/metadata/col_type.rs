//! sea-query column types → model column types.

use sea_orm::DbBackend;
use sea_orm::sea_query::{ColumnType as Sq, StringLen};

use super::sql::type_sql;
use crate::model::ColumnType;

/// Maps a sea-query type to the model, as declared (no backend widening such as MySQL's
/// default `varchar(255)`; that is `normalize`'s job). Types the model has no variant for
/// become `Custom` with the backend's own spelling, lower-cased unless it quotes values
/// (MySQL `ENUM('A', 'B')` keeps its case).
pub(super) fn map_type(ty: &Sq, backend: DbBackend) -> ColumnType {
    let len = |l: &StringLen| match l {
        StringLen::N(n) => Some(Some(*n)),
        StringLen::None => Some(None),
        StringLen::Max => None, // no model variant: falls through to Custom
    };
    match ty {
        Sq::Char(n) => ColumnType::Char(*n),
        Sq::String(l) if len(l).is_some() => ColumnType::String(len(l).flatten()),
        Sq::Text => ColumnType::Text,
        Sq::Blob => ColumnType::Blob,
        Sq::TinyInteger => ColumnType::TinyInteger,
        Sq::SmallInteger => ColumnType::SmallInteger,
        Sq::Integer => ColumnType::Integer,
        Sq::BigInteger => ColumnType::BigInteger,
        Sq::TinyUnsigned => ColumnType::TinyUnsigned,
        Sq::SmallUnsigned => ColumnType::SmallUnsigned,
        Sq::Unsigned => ColumnType::Unsigned,
        Sq::BigUnsigned => ColumnType::BigUnsigned,
        Sq::Float => ColumnType::Float,
        Sq::Double => ColumnType::Double,
        Sq::Decimal(p) => ColumnType::Decimal(*p),
        Sq::DateTime => ColumnType::DateTime,
        Sq::TimestampWithTimeZone => ColumnType::TimestampWithTimeZone,
        Sq::Time => ColumnType::Time,
        Sq::Date => ColumnType::Date,
        Sq::Binary(n) => ColumnType::Binary(*n),
        Sq::VarBinary(l) if len(l).is_some() => ColumnType::VarBinary(len(l).flatten()),
        Sq::Boolean => ColumnType::Boolean,
        Sq::Json => ColumnType::Json,
        Sq::JsonBinary => ColumnType::JsonBinary,
        Sq::Uuid => ColumnType::Uuid,
        // An ActiveEnum with `db_type = "Enum"`: a named type on PostgreSQL, inline elsewhere.
        Sq::Enum { name, variants } => ColumnType::Enum {
            name: name.to_string(),
            values: variants.iter().map(|v| v.to_string()).collect(),
        },
        other => {
            let sql = type_sql(other, backend);
            if sql.contains('\'') {
                ColumnType::Custom(sql)
            } else {
                ColumnType::Custom(sql.to_lowercase())
            }
        }
    }
}
