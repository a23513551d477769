//! One model column → one `Model` field with its `#[sea_orm(..)]` attributes.

use crate::model::{Column, ColumnType};

/// Where a column sits in the table's keys.
#[derive(Debug, Clone, Copy, Default)]
pub struct KeyRole {
    /// Part of the primary key.
    pub primary_key: bool,
    /// The primary key has more than this column.
    pub composite: bool,
    /// A single-column unique constraint.
    pub unique: bool,
}

/// A rendered field: its Rust name, whether its type rules out `Eq`, and its source lines.
pub struct Field {
    /// `f32`/`f64` fields: the model cannot derive `Eq`.
    pub float: bool,
    /// The attribute and declaration lines.
    pub source: String,
}

/// The Rust type of a column type, and the `column_type` attribute when sea-orm's default
/// for that Rust type is a different column type.
pub fn rust_type(ty: &ColumnType) -> (&'static str, Option<String>) {
    let explicit = |s: String| Some(s);
    match ty {
        ColumnType::TinyInteger => ("i8", None),
        ColumnType::SmallInteger => ("i16", None),
        ColumnType::Integer => ("i32", None),
        ColumnType::BigInteger => ("i64", None),
        // sea-orm maps u8..u64 to the unsigned column types.
        ColumnType::TinyUnsigned => ("u8", None),
        ColumnType::SmallUnsigned => ("u16", None),
        ColumnType::Unsigned => ("u32", None),
        ColumnType::BigUnsigned => ("u64", None),
        ColumnType::Boolean => ("bool", None),
        ColumnType::Float => ("f32", None),
        ColumnType::Double => ("f64", None),
        ColumnType::Decimal(Some((p, s))) => {
            ("Decimal", explicit(format!("Decimal(Some(({p}, {s})))")))
        }
        ColumnType::Decimal(None) => ("Decimal", explicit("Decimal(None)".into())),
        ColumnType::Char(Some(n)) => ("String", explicit(format!("Char(Some({n}))"))),
        ColumnType::Char(None) => ("String", explicit("Char(None)".into())),
        ColumnType::String(Some(n)) => ("String", explicit(format!("String(StringLen::N({n}))"))),
        ColumnType::String(None) => ("String", None),
        ColumnType::Text => ("String", explicit("Text".into())),
        ColumnType::Date => ("Date", explicit("Date".into())),
        ColumnType::Time => ("Time", explicit("Time".into())),
        ColumnType::DateTime => ("DateTime", explicit("DateTime".into())),
        ColumnType::TimestampWithTimeZone => (
            "DateTimeWithTimeZone",
            explicit("TimestampWithTimeZone".into()),
        ),
        ColumnType::Uuid => ("Uuid", explicit("Uuid".into())),
        ColumnType::Json => ("Json", explicit("Json".into())),
        ColumnType::JsonBinary => ("Json", explicit("JsonBinary".into())),
        ColumnType::Blob => ("Vec<u8>", explicit("Blob".into())),
        ColumnType::Binary(n) => ("Vec<u8>", explicit(format!("Binary({n})"))),
        ColumnType::VarBinary(Some(n)) => {
            ("Vec<u8>", explicit(format!("VarBinary(StringLen::N({n}))")))
        }
        ColumnType::VarBinary(None) => ("Vec<u8>", explicit("VarBinary(StringLen::None)".into())),
        // A type sea-query has no variant for keeps the backend's own spelling.
        ColumnType::Custom(name) => ("String", explicit(format!("custom({name:?})"))),
        // The domain is declared in a `SchemaExtras` impl (see `domains`); the field has
        // its base type's Rust type.
        ColumnType::Domain { name, base } => {
            (rust_type(base).0, explicit(format!("custom({name:?})")))
        }
        // Pulled as an `ActiveEnum` (see `active_enums`); this is only the fallback.
        ColumnType::Enum { name, .. } => ("String", explicit(format!("custom({name:?})"))),
    }
}

/// A Rust string literal holding `text`.
pub fn lit(text: &str) -> String {
    format!("{text:?}")
}

/// The `default_value` / `default_expr` attribute for a normalized SQL default: integer
/// literals as values, anything else as the SQL text itself (`Expr::cust`), which reads
/// back exactly as introspection reported it.
fn default_attr(sql: &str) -> String {
    if sql.parse::<i64>().is_ok() {
        format!("default_value = {sql}")
    } else {
        format!(
            "default_expr = {}",
            lit(&format!("Expr::cust({})", lit(sql)))
        )
    }
}

/// Renders one field named `name` for `column`; `active_enum` is the Rust enum of an enum
/// column (its type then comes from the `ActiveEnum`, with no `column_type`).
pub fn field(column: &Column, name: &str, role: KeyRole, active_enum: Option<&str>) -> Field {
    let (ty, column_type) = match active_enum {
        Some(enum_type) => (enum_type, None),
        None => rust_type(&column.col_type),
    };
    let mut attrs: Vec<String> = Vec::new();
    if role.primary_key {
        attrs.push("primary_key".into());
        if role.composite || !column.auto_increment {
            attrs.push("auto_increment = false".into());
        }
    }
    if name != column.name {
        attrs.push(format!("column_name = {}", lit(&column.name)));
    }
    if let Some(ct) = column_type {
        attrs.push(format!("column_type = {}", lit(&ct)));
    }
    if role.unique {
        attrs.push("unique".into());
    }
    if let Some(default) = &column.default {
        attrs.push(default_attr(default));
    }
    if let Some(on_update) = &column.on_update {
        // sea-orm's `extra` reaches sea-query's `ColumnDef::extra`, which `metadata` reads.
        attrs.push(format!("extra = {}", lit(&on_update.sql())));
    }
    if let Some(comment) = &column.comment {
        attrs.push(format!("comment = {}", lit(comment)));
    }
    let nullable = column.nullable && !role.primary_key;
    let full_ty = if nullable {
        format!("Option<{ty}>")
    } else {
        ty.to_string()
    };
    let mut source = String::new();
    if !attrs.is_empty() {
        source.push_str(&format!("#[sea_orm({})]\n", attrs.join(", ")));
    }
    source.push_str(&format!("pub {name}: {full_ty},\n"));
    Field {
        float: matches!(column.col_type, ColumnType::Float | ColumnType::Double),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OnUpdate;

    /// A pulled `ON UPDATE` is sea-orm's `extra` attribute, which `metadata` reads back.
    #[test]
    fn on_update_is_the_extra_attribute() {
        let on_update = OnUpdate { precision: Some(3) };
        let mut column = Column::new("updated_at", ColumnType::DateTime);
        column.on_update = Some(on_update);
        let field = field(&column, "updated_at", KeyRole::default(), None);
        assert!(
            field
                .source
                .contains(r#"extra = "ON UPDATE CURRENT_TIMESTAMP(3)""#),
            "{}",
            field.source
        );
        assert_eq!(
            OnUpdate::parse_exact("ON UPDATE CURRENT_TIMESTAMP(3)"),
            Some(on_update)
        );
    }
}
