//! One op → steps for every backend (SQLite's table rebuilds are planned separately).

use sea_orm::DbBackend;

use crate::model::{Column, ColumnType as Ty, Table};
use crate::ops::{ColumnChange, Op};

use super::sql;
use super::step::Step;
use crate::backend::Backend;

/// Steps for `op`: portable statements where sea-query expresses the op everywhere, backend
/// branches where it does not.
pub fn op_steps(op: &Op) -> Vec<Step> {
    match op {
        Op::AddTable(table) => {
            let mut steps = vec![Step::CreateTable {
                table: sql::creatable(table),
                name: table.name.clone(),
            }];
            let comments = postgres_comments(table);
            if !comments.is_empty() {
                steps.push(Step::OnlyOn(DbBackend::Postgres, comments));
            }
            steps
        }
        Op::DropTable(table) => vec![Step::DropTable {
            name: table.name.clone(),
        }],
        Op::AddColumn { table, column } => {
            let mut steps = vec![Step::AddColumn {
                table: table.clone(),
                column: column.clone(),
            }];
            if let Some(comment) = &column.comment {
                steps.push(Step::OnlyOn(
                    DbBackend::Postgres,
                    vec![Step::Raw(sql::comment_on_column(
                        table,
                        &column.name,
                        Some(comment),
                    ))],
                ));
            }
            steps
        }
        Op::DropColumn { table, column } => vec![Step::DropColumn {
            table: table.clone(),
            column: column.name.clone(),
        }],
        Op::RenameColumn { table, from, to } => vec![Step::RenameColumn {
            table: table.clone(),
            from: from.clone(),
            to: to.clone(),
        }],
        Op::AlterColumn {
            table,
            from,
            to,
            changes,
        } => alter_column(table, from, to, changes),
        Op::AddDefinedIndex { index, .. } => sql::defined_index_steps(index, index.sql.clone()),
        Op::DropDefinedIndex { table, index } => sql::defined_index_steps(
            index,
            sql::drop_index_sql(index.backend, table, &index.name),
        ),
        // SQLite changes checks through the table rebuild.
        Op::AddCheck { table, check } => vec![Step::Match(vec![
            (
                DbBackend::Postgres,
                raw(vec![sql::add_check(Backend::Postgres, table, check)]),
            ),
            (
                DbBackend::MySql,
                raw(vec![sql::add_check(Backend::MySql, table, check)]),
            ),
        ])],
        Op::DropCheck { table, check } => vec![Step::Match(vec![
            (
                DbBackend::Postgres,
                sql::drop_check(Backend::Postgres, table, check),
            ),
            (
                DbBackend::MySql,
                sql::drop_check(Backend::MySql, table, check),
            ),
        ])],
        Op::AddIndex { table, index } => vec![Step::CreateIndex {
            table: table.clone(),
            name: index.name.clone(),
            columns: index.columns.clone(),
            unique: false,
        }],
        Op::DropIndex { table, index } => vec![Step::DropIndex {
            table: table.clone(),
            name: index.name.clone(),
        }],
        // A unique index behaves the same on every backend and needs no table rebuild.
        Op::AddUnique { table, unique } => vec![Step::CreateIndex {
            table: table.clone(),
            name: sql::unique_name(table, unique),
            columns: unique.columns.clone(),
            unique: true,
        }],
        // Postgres keeps a UNIQUE constraint or a unique index; drop whichever exists.
        Op::DropUnique { table, unique } => vec![Step::Match(vec![
            (
                DbBackend::Postgres,
                raw(sql::postgres_drop_unique(
                    table,
                    &sql::unique_name(table, unique),
                )),
            ),
            (
                DbBackend::MySql,
                vec![Step::DropIndex {
                    table: table.clone(),
                    name: sql::unique_name(table, unique),
                }],
            ),
        ])],
        Op::AddForeignKey { table, foreign_key } => vec![Step::ExceptOn(
            DbBackend::Sqlite,
            vec![Step::AddForeignKey {
                table: table.clone(),
                foreign_key: foreign_key.clone(),
            }],
        )],
        Op::DropForeignKey { table, foreign_key } => vec![Step::ExceptOn(
            DbBackend::Sqlite,
            vec![Step::DropForeignKey {
                table: table.clone(),
                name: foreign_key.name.clone(),
            }],
        )],
        Op::AlterPrimaryKey { table, from, to } => vec![Step::Match(vec![
            (
                DbBackend::Postgres,
                raw(sql::postgres_alter_pk(table, from.as_ref(), to.as_ref())),
            ),
            (
                DbBackend::MySql,
                vec![Step::Raw(sql::mysql_alter_pk(
                    table,
                    from.as_ref(),
                    to.as_ref(),
                ))],
            ),
        ])],
        Op::AlterTableComment { table, to, .. } => vec![Step::Match(vec![
            (
                DbBackend::Postgres,
                vec![Step::Raw(sql::comment_on_table(table, to.as_deref()))],
            ),
            (
                DbBackend::MySql,
                vec![Step::Raw(sql::mysql_table_comment(table, to.as_deref()))],
            ),
        ])],
    }
}

/// Whether Postgres needs `USING` to change `from` into `to`: it converts by assignment within
/// the numbers, within the strings, from anything to a string, and between date/time types,
/// but not from a string to anything else, nor to or from booleans, uuids or JSON.
pub(crate) fn needs_cast(from: &Ty, to: &Ty) -> bool {
    fn family(t: &Ty) -> u8 {
        match t {
            Ty::TinyInteger
            | Ty::SmallInteger
            | Ty::Integer
            | Ty::BigInteger
            | Ty::Float
            | Ty::Double
            | Ty::Decimal(_) => 1,
            Ty::Char(_) | Ty::String(_) | Ty::Text => 2,
            Ty::Date | Ty::Time | Ty::DateTime | Ty::TimestampWithTimeZone => 3,
            Ty::Json | Ty::JsonBinary => 4,
            Ty::Boolean => 5,
            Ty::Uuid => 6,
            Ty::Blob | Ty::Binary(_) | Ty::VarBinary(_) => 7,
            Ty::Custom(_) => 8,
        }
    }
    let (a, b) = (family(from), family(to));
    a != b && b != 2 && a != 8 && b != 8
}

fn raw(statements: Vec<String>) -> Vec<Step> {
    statements.into_iter().map(Step::Raw).collect()
}

/// MySQL restates the whole column; Postgres alters only what changed; SQLite rebuilds.
fn alter_column(table: &str, from: &Column, to: &Column, changes: &[ColumnChange]) -> Vec<Step> {
    let mysql = vec![Step::ModifyColumn {
        table: table.to_string(),
        column: to.clone(),
    }];

    let retyped = changes.contains(&ColumnChange::Type) && from.col_type != to.col_type;
    let redefault = changes.contains(&ColumnChange::Default);
    let mut pg = Vec::new();
    // Step 1: an old default goes first when it is removed, or could not be cast to a new type.
    if redefault && from.default.is_some() && (to.default.is_none() || retyped) {
        pg.push(Step::Raw(sql::drop_default(table, &to.name)));
    }
    // Step 2: a type Postgres cannot convert by assignment goes alone, with an explicit cast.
    let cast = retyped && needs_cast(&from.col_type, &to.col_type);
    if cast {
        pg.push(Step::Raw(sql::postgres_retype_with_cast(
            table,
            &to.name,
            &to.col_type,
        )));
    }
    // Step 3: type, nullability and the new default in one statement.
    let parts = Step::AlterColumnParts {
        table: table.to_string(),
        column: to.name.clone(),
        col_type: (retyped && !cast).then(|| to.col_type.clone()),
        nullable: changes
            .contains(&ColumnChange::Nullable)
            .then_some(to.nullable),
        default: if redefault { to.default.clone() } else { None },
    };
    if !matches!(
        &parts,
        Step::AlterColumnParts {
            col_type: None,
            nullable: None,
            default: None,
            ..
        }
    ) {
        pg.push(parts);
    }
    // Step 4: auto-increment is an identity on Postgres.
    if changes.contains(&ColumnChange::Type) && from.auto_increment != to.auto_increment {
        pg.push(Step::Raw(if to.auto_increment {
            sql::add_identity(table, &to.name)
        } else {
            sql::drop_identity(table, &to.name)
        }));
    }
    if changes.contains(&ColumnChange::Comment) {
        pg.push(Step::Raw(sql::comment_on_column(
            table,
            &to.name,
            to.comment.as_deref(),
        )));
    }
    let mut arms = vec![(DbBackend::MySql, mysql)];
    if !pg.is_empty() {
        arms.push((DbBackend::Postgres, pg));
    }
    vec![Step::Match(arms)]
}

/// sea-query drops comments on Postgres, so they are set with `COMMENT ON`.
fn postgres_comments(table: &Table) -> Vec<Step> {
    let mut steps = Vec::new();
    if let Some(comment) = &table.comment {
        steps.push(Step::Raw(sql::comment_on_table(&table.name, Some(comment))));
    }
    for column in &table.columns {
        if let Some(comment) = &column.comment {
            steps.push(Step::Raw(sql::comment_on_column(
                &table.name,
                &column.name,
                Some(comment),
            )));
        }
    }
    steps
}
