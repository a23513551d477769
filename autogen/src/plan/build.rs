//! Steps → statement descriptions: the one place that knows which builder calls express a
//! table, a column, an index or a foreign key. Both the executed SQL and the generated file
//! come from these descriptions (see [`super::chain`]).

use crate::model::{Column, ColumnType, ForeignKey, Generated, Table};

use super::chain::{
    BackendArg, CheckArg, CollationArg, ColumnCall, ColumnChain, DomainArg, EnumArg,
    ForeignKeyCreate, ForeignKeyCreateCall, ForeignKeyDrop, ForeignKeyDropCall, Iden, IndexCreate,
    IndexCreateCall, IndexDrop, IndexDropCall, Name, OnUpdateArg, Statement, TableAlter,
    TableAlterCall, TableCreate, TableCreateCall, TableDrop, TableDropCall, TableRename,
    TableRenameCall, TypeName,
};
use super::default::DefaultArg;
use super::step::Step;
use super::{GeneratedAs, UnsignedWidth};

fn iden(name: &str) -> Iden {
    Iden(name.to_string())
}

/// The statement for a leaf step; `None` for annotations and conditions.
pub fn statement(step: &Step) -> Option<Statement> {
    let alter = |table: &str, call: TableAlterCall| {
        Statement::AlterTable(TableAlter {
            calls: vec![TableAlterCall::Table(iden(table)), call],
        })
    };
    Some(match step {
        Step::CreateTable {
            table,
            name,
            options,
        } => {
            let mut create = create_table(table, name);
            if !options.is_empty() {
                create
                    .calls
                    .push(TableCreateCall::Extra(options.join(", ")));
            }
            Statement::CreateTable(create)
        }
        Step::DropTable { name } => Statement::DropTable(TableDrop {
            calls: vec![TableDropCall::Table(iden(name))],
        }),
        Step::RenameTable { from, to } => Statement::RenameTable(TableRename {
            calls: vec![TableRenameCall::Table(iden(from), iden(to))],
        }),
        Step::AddColumn { table, column } => {
            alter(table, TableAlterCall::AddColumn(column_def(column, false)))
        }
        Step::DropColumn { table, column } => {
            alter(table, TableAlterCall::DropColumn(iden(column)))
        }
        Step::RenameColumn { table, from, to } => {
            alter(table, TableAlterCall::RenameColumn(iden(from), iden(to)))
        }
        Step::ModifyColumn { table, column } => alter(
            table,
            TableAlterCall::ModifyColumn(column_def(column, false)),
        ),
        Step::AlterColumnParts {
            table,
            column,
            col_type,
            nullable,
            default,
        } => {
            let mut calls = Vec::new();
            calls.extend(col_type.iter().flat_map(type_calls));
            match nullable {
                Some(true) => calls.push(ColumnCall::Null),
                Some(false) => calls.push(ColumnCall::NotNull),
                None => {}
            }
            if let Some(d) = default {
                calls.push(ColumnCall::Default(DefaultArg::of(d)));
            }
            let def = ColumnChain {
                name: iden(column),
                calls,
            };
            alter(table, TableAlterCall::ModifyColumn(def))
        }
        Step::CreateIndex {
            table,
            name,
            columns,
            unique,
            concurrently,
        } => {
            let mut calls = vec![
                IndexCreateCall::Name(Name(name.clone())),
                IndexCreateCall::Table(iden(table)),
            ];
            calls.extend(columns.iter().map(|c| IndexCreateCall::Col(iden(c))));
            if *unique {
                calls.push(IndexCreateCall::Unique);
            }
            if *concurrently {
                calls.push(IndexCreateCall::Concurrently);
            }
            Statement::CreateIndex(IndexCreate { calls })
        }
        Step::DropIndex {
            table,
            name,
            concurrently,
        } => {
            let mut calls = vec![
                IndexDropCall::Name(Name(name.clone())),
                IndexDropCall::Table(iden(table)),
            ];
            if *concurrently {
                calls.push(IndexDropCall::Concurrently);
            }
            Statement::DropIndex(IndexDrop { calls })
        }
        Step::AddForeignKey { table, foreign_key } => {
            Statement::CreateForeignKey(foreign_key_create(foreign_key, Some(table)))
        }
        Step::DropForeignKey { table, name } => Statement::DropForeignKey(ForeignKeyDrop {
            calls: vec![
                ForeignKeyDropCall::Name(Name(name.clone())),
                ForeignKeyDropCall::Table(iden(table)),
            ],
        }),
        Step::Raw(sql) => Statement::Raw(sql.clone()),
        Step::Comment(_)
        | Step::Warning(_)
        | Step::Hazard { .. }
        | Step::OnlyOn(..)
        | Step::ExceptOn(..)
        | Step::Match(_) => return None,
    })
}

/// The builder calls that set a column's type: one call, or for a domain its base type's
/// then `domain(..)`, which replaces it on PostgreSQL.
pub fn type_calls(ty: &ColumnType) -> Vec<ColumnCall> {
    match ty {
        ColumnType::Domain { name, base } => {
            let mut calls = type_calls(base);
            calls.push(ColumnCall::Domain(BackendArg, DomainArg(name.clone())));
            calls
        }
        other => vec![type_call(other)],
    }
}

/// The builder call that sets a column's type (a domain's base type: see [`type_calls`]).
fn type_call(ty: &ColumnType) -> ColumnCall {
    match ty {
        ColumnType::Domain { base, .. } => type_call(base),
        ColumnType::TinyInteger => ColumnCall::TinyInteger,
        ColumnType::SmallInteger => ColumnCall::SmallInteger,
        ColumnType::Integer => ColumnCall::Integer,
        ColumnType::BigInteger => ColumnCall::BigInteger,
        ColumnType::TinyUnsigned => ColumnCall::TinyUnsigned,
        ColumnType::SmallUnsigned => ColumnCall::SmallUnsigned,
        ColumnType::Unsigned => ColumnCall::Unsigned,
        ColumnType::BigUnsigned => ColumnCall::BigUnsigned,
        ColumnType::Boolean => ColumnCall::Boolean,
        ColumnType::Float => ColumnCall::Float,
        ColumnType::Double => ColumnCall::Double,
        ColumnType::Decimal(Some((p, s))) => ColumnCall::DecimalLen(*p, *s),
        ColumnType::Decimal(None) => ColumnCall::Decimal,
        ColumnType::Char(Some(n)) => ColumnCall::CharLen(*n),
        ColumnType::Char(None) => ColumnCall::Char,
        ColumnType::String(Some(n)) => ColumnCall::StringLen(*n),
        ColumnType::String(None) => ColumnCall::String,
        ColumnType::Text => ColumnCall::Text,
        ColumnType::Date => ColumnCall::Date,
        ColumnType::Time => ColumnCall::Time,
        ColumnType::DateTime => ColumnCall::DateTime,
        ColumnType::TimestampWithTimeZone => ColumnCall::TimestampWithTimeZone,
        ColumnType::Uuid => ColumnCall::Uuid,
        ColumnType::Json => ColumnCall::Json,
        ColumnType::JsonBinary => ColumnCall::JsonBinary,
        ColumnType::Blob => ColumnCall::Blob,
        ColumnType::Binary(n) => ColumnCall::BinaryLen(*n),
        ColumnType::VarBinary(Some(n)) => ColumnCall::VarBinary(*n),
        ColumnType::VarBinary(None) => ColumnCall::VarBinary(255),
        ColumnType::Enum { name, values } => ColumnCall::Enum(EnumArg {
            name: name.clone(),
            values: values.clone(),
        }),
        ColumnType::Custom(name) => ColumnCall::Custom(TypeName(name.clone())),
    }
}

/// Whether sea-query can make this type auto-increment (Postgres identity columns exist only
/// for smallint, integer and bigint). MySQL's own integer spellings (`int unsigned`,
/// `mediumint`, ...) are custom types that only MySQL runs, and take `AUTO_INCREMENT` there;
/// dropping it would turn the key into a plain column and re-create every foreign key on it.
pub fn can_auto_increment(ty: &ColumnType) -> bool {
    match ty {
        ColumnType::SmallInteger | ColumnType::Integer | ColumnType::BigInteger => true,
        // Through `unsigned_key`, which is signed on PostgreSQL.
        ColumnType::TinyUnsigned
        | ColumnType::SmallUnsigned
        | ColumnType::Unsigned
        | ColumnType::BigUnsigned => true,
        ColumnType::Custom(t) => is_mysql_integer(t),
        _ => false,
    }
}

/// `int unsigned`, `bigint unsigned zerofill`, `mediumint`, ...
fn is_mysql_integer(ty: &str) -> bool {
    let mut words = ty.split_whitespace();
    let base = words.next().unwrap_or_default();
    [
        "tinyint",
        "smallint",
        "mediumint",
        "int",
        "integer",
        "bigint",
    ]
    .contains(&base)
        && words.all(|w| w == "unsigned" || w == "zerofill")
}

/// A complete column definition; `inline_pk` adds `PRIMARY KEY`.
pub fn column_def(column: &Column, inline_pk: bool) -> ColumnChain {
    if let Some(generated) = &column.generated {
        return generated_column_def(column, generated);
    }
    let auto_increment = column.auto_increment && can_auto_increment(&column.col_type);
    let mut calls = match UnsignedWidth::of(&column.col_type) {
        // sea-query panics on an unsigned identity column: signed there (see `column_ext`).
        Some(width) if auto_increment => vec![ColumnCall::UnsignedKey(BackendArg, width)],
        _ => type_calls(&column.col_type),
    };
    calls.push(if column.nullable {
        ColumnCall::Null
    } else {
        ColumnCall::NotNull
    });
    match column.identity.filter(|_| auto_increment) {
        Some(id) if !id.is_default() => {
            calls.push(ColumnCall::AutoIncrementAs(
                BackendArg,
                id.kind,
                id.increment,
            ));
        }
        _ if auto_increment => calls.push(ColumnCall::AutoIncrement),
        _ => {}
    }
    if inline_pk {
        calls.push(ColumnCall::PrimaryKey);
    }
    if let Some(d) = &column.default {
        calls.push(ColumnCall::Default(DefaultArg::of(d)));
    }
    if let Some(on_update) = &column.on_update {
        calls.push(ColumnCall::MysqlOnUpdate(
            BackendArg,
            OnUpdateArg(on_update.precision),
        ));
    }
    if let Some(collation) = &column.collation {
        calls.push(ColumnCall::Collate(
            BackendArg,
            CollationArg(collation.clone()),
        ));
    }
    if let Some(c) = &column.comment {
        calls.push(ColumnCall::Comment(c.clone()));
    }
    ColumnChain {
        name: iden(&column.name),
        calls,
    }
}

/// A generated column: its type, its clause with its nullability and collation (MySQL takes a
/// collation only before the clause, see [`GeneratedAs`]), its comment; no default,
/// auto-increment or `ON UPDATE`.
fn generated_column_def(column: &Column, generated: &Generated) -> ColumnChain {
    let mut calls = type_calls(&column.col_type);
    calls.push(ColumnCall::GeneratedAs(
        BackendArg,
        GeneratedAs {
            expression: generated.expression.clone(),
            stored: generated.stored,
            nullable: column.nullable,
            collation: column.collation.clone(),
        },
    ));
    if let Some(c) = &column.comment {
        calls.push(ColumnCall::Comment(c.clone()));
    }
    ColumnChain {
        name: iden(&column.name),
        calls,
    }
}

/// The single primary-key column that is declared inline, if the key has one column.
pub fn inline_pk(table: &Table) -> Option<&str> {
    match &table.primary_key {
        Some(pk) if pk.columns.len() == 1 => Some(pk.columns[0].as_str()),
        _ => None,
    }
}

/// `CREATE TABLE name (...)` for `table`: columns, primary key, uniques, foreign keys, comment.
pub fn create_table(table: &Table, name: &str) -> TableCreate {
    let mut calls = vec![TableCreateCall::Table(iden(name))];
    let single = inline_pk(table);
    for column in &table.columns {
        let inline = single == Some(column.name.as_str());
        calls.push(TableCreateCall::Col(column_def(column, inline)));
    }
    if let Some(pk) = table.primary_key.as_ref().filter(|pk| pk.columns.len() > 1) {
        let cols = pk.columns.iter().map(|c| IndexCreateCall::Col(iden(c)));
        calls.push(TableCreateCall::PrimaryKey(IndexCreate {
            calls: cols.collect(),
        }));
    }
    for unique in table.uniques.values() {
        let mut index = vec![IndexCreateCall::Name(Name(unique.name.clone()))];
        index.extend(unique.columns.iter().map(|c| IndexCreateCall::Col(iden(c))));
        index.push(IndexCreateCall::Unique);
        calls.push(TableCreateCall::Index(IndexCreate { calls: index }));
    }
    for fk in table.foreign_keys.values() {
        calls.push(TableCreateCall::ForeignKey(foreign_key_create(fk, None)));
    }
    for check in table.checks.values() {
        calls.push(TableCreateCall::Check(CheckArg {
            name: (!check.name.is_empty()).then(|| check.name.clone()),
            expression: check.expression.clone(),
        }));
    }
    if let Some(comment) = &table.comment {
        calls.push(TableCreateCall::Comment(comment.clone()));
    }
    TableCreate { calls }
}

/// `ForeignKey::create()` for `fk`, with `from_tbl` when added to an existing table; NO ACTION
/// (the default) is left unsaid.
pub fn foreign_key_create(fk: &ForeignKey, from_table: Option<&str>) -> ForeignKeyCreate {
    let mut calls = vec![ForeignKeyCreateCall::Name(Name(fk.name.clone()))];
    calls.extend(from_table.map(|t| ForeignKeyCreateCall::FromTbl(iden(t))));
    calls.extend(
        fk.columns
            .iter()
            .map(|c| ForeignKeyCreateCall::FromCol(iden(c))),
    );
    calls.push(ForeignKeyCreateCall::ToTbl(iden(&fk.ref_table)));
    calls.extend(
        fk.ref_columns
            .iter()
            .map(|c| ForeignKeyCreateCall::ToCol(iden(c))),
    );
    if fk.on_delete != crate::model::FkAction::NoAction {
        calls.push(ForeignKeyCreateCall::OnDelete(fk.on_delete));
    }
    if fk.on_update != crate::model::FkAction::NoAction {
        calls.push(ForeignKeyCreateCall::OnUpdate(fk.on_update));
    }
    ForeignKeyCreate { calls }
}
