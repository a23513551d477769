//! Column definitions as sea-query `ColumnDef` builder chains.

use crate::model::{Column, ColumnType, FkAction};
use crate::plan::{DefaultArg, can_auto_increment};

use super::code::Code;
use super::literal::rs;

/// The builder method call for a type.
pub fn type_call(ty: &ColumnType, code: &mut Code) -> String {
    match ty {
        ColumnType::TinyInteger => ".tiny_integer()".into(),
        ColumnType::SmallInteger => ".small_integer()".into(),
        ColumnType::Integer => ".integer()".into(),
        ColumnType::BigInteger => ".big_integer()".into(),
        ColumnType::Boolean => ".boolean()".into(),
        ColumnType::Float => ".float()".into(),
        ColumnType::Double => ".double()".into(),
        ColumnType::Decimal(Some((p, s))) => format!(".decimal_len({p}, {s})"),
        ColumnType::Decimal(None) => ".decimal()".into(),
        ColumnType::Char(Some(n)) => format!(".char_len({n})"),
        ColumnType::Char(None) => ".char()".into(),
        ColumnType::String(Some(n)) => format!(".string_len({n})"),
        ColumnType::String(None) => ".string()".into(),
        ColumnType::Text => ".text()".into(),
        ColumnType::Date => ".date()".into(),
        ColumnType::Time => ".time()".into(),
        ColumnType::DateTime => ".date_time()".into(),
        ColumnType::TimestampWithTimeZone => ".timestamp_with_time_zone()".into(),
        ColumnType::Uuid => ".uuid()".into(),
        ColumnType::Json => ".json()".into(),
        ColumnType::JsonBinary => ".json_binary()".into(),
        ColumnType::Blob => ".blob()".into(),
        ColumnType::Binary(n) => format!(".binary_len({n})"),
        ColumnType::VarBinary(Some(n)) => format!(".var_binary({n})"),
        ColumnType::VarBinary(None) => ".var_binary(255)".into(),
        ColumnType::Custom(name) => {
            code.use_sq(&["Alias"]);
            format!(".custom(Alias::new({}))", rs(name))
        }
    }
}

/// The `.default(...)` argument for a normalized default expression.
pub fn default_arg(default: &str, code: &mut Code) -> String {
    match DefaultArg::of(default) {
        DefaultArg::CurrentTimestamp => {
            code.use_sq(&["Expr"]);
            "Expr::current_timestamp()".into()
        }
        DefaultArg::Bool(b) => b.to_string(),
        DefaultArg::Int(n) => n.to_string(),
        DefaultArg::Float(f) => format!("{f:?}_f64"),
        DefaultArg::Str(s) => rs(&s),
        DefaultArg::Custom(sql) => {
            code.use_sq(&["Expr"]);
            format!("Expr::cust({})", rs(&sql))
        }
    }
}

/// A complete `ColumnDef::new(..)...` chain. `inline_pk` adds `.primary_key()`.
pub fn column_def(column: &Column, inline_pk: bool, code: &mut Code) -> String {
    code.use_sq(&["ColumnDef"]);
    let mut s = format!(
        "ColumnDef::new({}){}",
        rs(&column.name),
        type_call(&column.col_type, code)
    );
    s.push_str(if column.nullable {
        ".null()"
    } else {
        ".not_null()"
    });
    if column.auto_increment && can_auto_increment(&column.col_type) {
        s.push_str(".auto_increment()");
    }
    if inline_pk {
        s.push_str(".primary_key()");
    }
    if let Some(d) = &column.default {
        s.push_str(&format!(".default({})", default_arg(d, code)));
    }
    if let Some(c) = &column.comment {
        s.push_str(&format!(".comment({})", rs(c)));
    }
    s
}

/// The `ForeignKeyAction::X` path, or `None` for NO ACTION (the default).
pub fn fk_action(action: FkAction, code: &mut Code) -> Option<String> {
    let name = match action {
        FkAction::NoAction => return None,
        FkAction::Restrict => "Restrict",
        FkAction::Cascade => "Cascade",
        FkAction::SetNull => "SetNull",
        FkAction::SetDefault => "SetDefault",
    };
    code.use_sq(&["ForeignKeyAction"]);
    Some(format!("ForeignKeyAction::{name}"))
}
