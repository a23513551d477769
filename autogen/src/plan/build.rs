//! Steps → sea-query statements, built from the same model data the renderer writes out.

use sea_orm::sea_query::{
    Alias, ColumnDef, Expr, ForeignKey as SqForeignKey, ForeignKeyAction,
    ForeignKeyCreateStatement, ForeignKeyDropStatement, Index, IndexCreateStatement,
    IndexDropStatement, Table as SqTable, TableAlterStatement, TableCreateStatement,
    TableDropStatement, TableRenameStatement,
};

use crate::model::{Column, ColumnType, FkAction, ForeignKey, Table};

use super::default::DefaultArg;
use super::step::Step;

/// One executable statement.
#[derive(Debug, Clone)]
pub enum Statement {
    /// `manager.create_table`.
    CreateTable(TableCreateStatement),
    /// `manager.drop_table`.
    DropTable(TableDropStatement),
    /// `manager.rename_table`.
    RenameTable(TableRenameStatement),
    /// `manager.alter_table`.
    AlterTable(TableAlterStatement),
    /// `manager.create_index`.
    CreateIndex(IndexCreateStatement),
    /// `manager.drop_index`.
    DropIndex(IndexDropStatement),
    /// `manager.create_foreign_key`.
    CreateForeignKey(ForeignKeyCreateStatement),
    /// `manager.drop_foreign_key`.
    DropForeignKey(ForeignKeyDropStatement),
    /// Raw SQL, run as one statement through `execute_raw` (so it is metered and echoed).
    Raw(String),
}

fn a(name: &str) -> Alias {
    Alias::new(name)
}

/// The statement for a leaf step; `None` for annotations and conditions.
pub fn statement(step: &Step) -> Option<Statement> {
    Some(match step {
        Step::CreateTable { table, name } => Statement::CreateTable(create_table(table, name)),
        Step::DropTable { name } => Statement::DropTable(SqTable::drop().table(a(name)).to_owned()),
        Step::RenameTable { from, to } => {
            Statement::RenameTable(SqTable::rename().table(a(from), a(to)).to_owned())
        }
        Step::AddColumn { table, column } => Statement::AlterTable(
            SqTable::alter()
                .table(a(table))
                .add_column(column_def(column, false))
                .to_owned(),
        ),
        Step::DropColumn { table, column } => Statement::AlterTable(
            SqTable::alter()
                .table(a(table))
                .drop_column(a(column))
                .to_owned(),
        ),
        Step::RenameColumn { table, from, to } => Statement::AlterTable(
            SqTable::alter()
                .table(a(table))
                .rename_column(a(from), a(to))
                .to_owned(),
        ),
        Step::ModifyColumn { table, column } => Statement::AlterTable(
            SqTable::alter()
                .table(a(table))
                .modify_column(column_def(column, false))
                .to_owned(),
        ),
        Step::AlterColumnParts {
            table,
            column,
            col_type,
            nullable,
            default,
        } => {
            let mut def = ColumnDef::new(a(column));
            if let Some(ty) = col_type {
                set_type(&mut def, ty);
            }
            match nullable {
                Some(true) => {
                    def.null();
                }
                Some(false) => {
                    def.not_null();
                }
                None => {}
            }
            if let Some(d) = default {
                def.default(default_expr(&DefaultArg::of(d)));
            }
            Statement::AlterTable(
                SqTable::alter()
                    .table(a(table))
                    .modify_column(def)
                    .to_owned(),
            )
        }
        Step::CreateIndex {
            table,
            name,
            columns,
            unique,
        } => {
            let mut index = Index::create();
            index.name(name).table(a(table));
            for c in columns {
                index.col(a(c));
            }
            if *unique {
                index.unique();
            }
            Statement::CreateIndex(index)
        }
        Step::DropIndex { table, name } => {
            Statement::DropIndex(Index::drop().name(name).table(a(table)).to_owned())
        }
        Step::AddForeignKey { table, foreign_key } => {
            Statement::CreateForeignKey(foreign_key_create(foreign_key, Some(table)))
        }
        Step::DropForeignKey { table, name } => {
            Statement::DropForeignKey(SqForeignKey::drop().name(name).table(a(table)).to_owned())
        }
        Step::Raw(sql) => Statement::Raw(sql.clone()),
        Step::Comment(_)
        | Step::Warning(_)
        | Step::OnlyOn(..)
        | Step::ExceptOn(..)
        | Step::Match(_) => return None,
    })
}

/// Sets the column type on `def`, the way the generated file's builder call does.
pub fn set_type(def: &mut ColumnDef, ty: &ColumnType) {
    match ty {
        ColumnType::TinyInteger => def.tiny_integer(),
        ColumnType::SmallInteger => def.small_integer(),
        ColumnType::Integer => def.integer(),
        ColumnType::BigInteger => def.big_integer(),
        ColumnType::Boolean => def.boolean(),
        ColumnType::Float => def.float(),
        ColumnType::Double => def.double(),
        ColumnType::Decimal(Some((p, s))) => def.decimal_len(*p, *s),
        ColumnType::Decimal(None) => def.decimal(),
        ColumnType::Char(Some(n)) => def.char_len(*n),
        ColumnType::Char(None) => def.char(),
        ColumnType::String(Some(n)) => def.string_len(*n),
        ColumnType::String(None) => def.string(),
        ColumnType::Text => def.text(),
        ColumnType::Date => def.date(),
        ColumnType::Time => def.time(),
        ColumnType::DateTime => def.date_time(),
        ColumnType::TimestampWithTimeZone => def.timestamp_with_time_zone(),
        ColumnType::Uuid => def.uuid(),
        ColumnType::Json => def.json(),
        ColumnType::JsonBinary => def.json_binary(),
        ColumnType::Blob => def.blob(),
        ColumnType::Binary(n) => def.binary_len(*n),
        ColumnType::VarBinary(Some(n)) => def.var_binary(*n),
        ColumnType::VarBinary(None) => def.var_binary(255),
        ColumnType::Custom(name) => def.custom(a(name)),
    };
}

/// The `.default(..)` argument.
pub fn default_expr(arg: &DefaultArg) -> Expr {
    match arg {
        DefaultArg::CurrentTimestamp => Expr::current_timestamp(),
        DefaultArg::Bool(b) => (*b).into(),
        DefaultArg::Int(n) => (*n).into(),
        DefaultArg::Float(f) => (*f).into(),
        DefaultArg::Str(s) => s.clone().into(),
        DefaultArg::Custom(sql) => Expr::cust(sql.clone()),
    }
}

/// Whether sea-query can make this type auto-increment on every backend (Postgres identity
/// columns exist only for smallint, integer and bigint).
pub fn can_auto_increment(ty: &ColumnType) -> bool {
    matches!(
        ty,
        ColumnType::SmallInteger | ColumnType::Integer | ColumnType::BigInteger
    )
}

/// A complete column definition; `inline_pk` adds `PRIMARY KEY`.
pub fn column_def(column: &Column, inline_pk: bool) -> ColumnDef {
    let mut def = ColumnDef::new(a(&column.name));
    set_type(&mut def, &column.col_type);
    if column.nullable {
        def.null();
    } else {
        def.not_null();
    }
    if column.auto_increment && can_auto_increment(&column.col_type) {
        def.auto_increment();
    }
    if inline_pk {
        def.primary_key();
    }
    if let Some(d) = &column.default {
        def.default(default_expr(&DefaultArg::of(d)));
    }
    if let Some(c) = &column.comment {
        def.comment(c);
    }
    def
}

/// The single primary-key column that is declared inline, if the key has one column.
pub fn inline_pk(table: &Table) -> Option<&str> {
    match &table.primary_key {
        Some(pk) if pk.columns.len() == 1 => Some(pk.columns[0].as_str()),
        _ => None,
    }
}

/// `CREATE TABLE name (...)` for `table`: columns, primary key, uniques, foreign keys, comment.
pub fn create_table(table: &Table, name: &str) -> TableCreateStatement {
    let mut stmt = SqTable::create();
    stmt.table(a(name));
    let single = inline_pk(table);
    for column in &table.columns {
        stmt.col(column_def(column, single == Some(column.name.as_str())));
    }
    if let Some(pk) = table.primary_key.as_ref().filter(|pk| pk.columns.len() > 1) {
        let mut index = Index::create();
        for c in &pk.columns {
            index.col(a(c));
        }
        stmt.primary_key(&mut index);
    }
    for unique in table.uniques.values() {
        let mut index = Index::create();
        index.name(&unique.name);
        for c in &unique.columns {
            index.col(a(c));
        }
        stmt.index(index.unique());
    }
    for fk in table.foreign_keys.values() {
        stmt.foreign_key(&mut foreign_key_create(fk, None));
    }
    if let Some(comment) = &table.comment {
        stmt.comment(comment);
    }
    stmt
}

/// `ForeignKey::create()` for `fk`, with `from_tbl` when added to an existing table.
pub fn foreign_key_create(fk: &ForeignKey, from_table: Option<&str>) -> ForeignKeyCreateStatement {
    let mut stmt = SqForeignKey::create();
    stmt.name(&fk.name);
    if let Some(t) = from_table {
        stmt.from_tbl(a(t));
    }
    for c in &fk.columns {
        stmt.from_col(a(c));
    }
    stmt.to_tbl(a(&fk.ref_table));
    for c in &fk.ref_columns {
        stmt.to_col(a(c));
    }
    if let Some(action) = fk_action(fk.on_delete) {
        stmt.on_delete(action);
    }
    if let Some(action) = fk_action(fk.on_update) {
        stmt.on_update(action);
    }
    stmt
}

/// sea-query's action, or `None` for NO ACTION (the default, left unsaid).
pub fn fk_action(action: FkAction) -> Option<ForeignKeyAction> {
    match action {
        FkAction::NoAction => None,
        FkAction::Restrict => Some(ForeignKeyAction::Restrict),
        FkAction::Cascade => Some(ForeignKeyAction::Cascade),
        FkAction::SetNull => Some(ForeignKeyAction::SetNull),
        FkAction::SetDefault => Some(ForeignKeyAction::SetDefault),
    }
}
