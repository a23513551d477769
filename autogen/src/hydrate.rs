//! The entities' own column definitions in what a generated file restates.
//!
//! Comparison runs on normalized schemas, but a file generated on one backend also runs on
//! the others, so it must restate columns as the entity declares them, not as this backend
//! reports them: SQLite reads an `i64` key back as `integer`, MariaDB a `String` as
//! `varchar(255)`, and SQLite keeps no comments. Without this, a file generated on MariaDB
//! wrote `.string_len(255)` for untouched columns of a SQLite rebuild (after which `check` on
//! SQLite found `varchar(255) -> varchar` forever), and a file generated on SQLite dropped
//! the column comments in the MySQL downgrade (`MODIFY COLUMN` restates the whole column).

use crate::compare::column_changes;
use crate::model::{Column, Schema};
use crate::ops::{ColumnChange, Op};

/// `op` with the entities' column definitions from `raw` (the desired schema as written):
/// the columns of a new table or a new column, and both sides of a column change (the old
/// side keeps what changes, see [`restated`]).
pub fn hydrate(op: Op, raw: &Schema) -> Op {
    let declared =
        |table: &str, name: &str| raw.tables.get(table).and_then(|t| t.column(name)).cloned();
    let column = |table: &str, c: Column| declared(table, &c.name).unwrap_or(c);
    match op {
        Op::AddTable(mut t) => {
            let name = t.name.clone();
            t.columns = t.columns.into_iter().map(|c| column(&name, c)).collect();
            Op::AddTable(t)
        }
        Op::AddColumn { table, column: c } => Op::AddColumn {
            column: column(&table, c),
            table,
        },
        Op::AlterColumn {
            table,
            from,
            to,
            changes,
        } => match declared(&table, &to.name) {
            Some(entity) => Op::AlterColumn {
                from: restated(&from, &entity, &changes),
                to: Column {
                    collation: to.collation,
                    ..entity
                },
                table,
                changes,
            },
            None => Op::AlterColumn {
                table,
                from,
                to,
                changes,
            },
        },
        other => other,
    }
}

/// `current` (normalized, what plans start from) with each column that the entities of `raw`
/// also declare restated as they declare it (see [`restated`]); `desired` is `raw`
/// normalized, which says what agrees.
pub fn plan_base(current: &Schema, desired: &Schema, raw: &Schema) -> Schema {
    let mut base = current.clone();
    for (name, table) in &mut base.tables {
        let (Some(want), Some(entity)) = (desired.tables.get(name), raw.tables.get(name)) else {
            continue;
        };
        for column in &mut table.columns {
            if let (Some(want), Some(declared)) =
                (want.column(&column.name), entity.column(&column.name))
            {
                *column = restated(column, declared, &column_changes(column, want));
            }
        }
    }
    base
}

/// The live column `live` restated from the entity's `declared` one: what `changes` names
/// stays as the database has it (it is what a downgrade must restore), the rest is the
/// entity's own spelling of the same thing. The collation, which entities do not declare,
/// stays.
fn restated(live: &Column, declared: &Column, changes: &[ColumnChange]) -> Column {
    let kept = |c: ColumnChange| changes.contains(&c);
    let typed = kept(ColumnChange::Type);
    let pick = |keep: bool, a: &Column| if keep { a.clone() } else { declared.clone() };
    Column {
        name: live.name.clone(),
        col_type: pick(typed, live).col_type,
        auto_increment: pick(typed, live).auto_increment,
        identity: pick(typed || kept(ColumnChange::Identity), live).identity,
        nullable: pick(kept(ColumnChange::Nullable), live).nullable,
        default: pick(kept(ColumnChange::Default), live).default,
        comment: pick(kept(ColumnChange::Comment), live).comment,
        on_update: pick(kept(ColumnChange::OnUpdate), live).on_update,
        generated: pick(kept(ColumnChange::Generated), live).generated,
        renamed_from: None,
        collation: live.collation.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ColumnType, Table};

    fn col(name: &str, ty: ColumnType, comment: Option<&str>) -> Column {
        Column {
            name: name.into(),
            col_type: ty,
            nullable: true,
            default: None,
            auto_increment: false,
            identity: None,
            comment: comment.map(Into::into),
            renamed_from: None,
            on_update: None,
            collation: None,
            generated: None,
        }
    }

    fn schema(columns: Vec<Column>) -> Schema {
        let mut t = Table::new("t");
        t.columns = columns;
        let mut s = Schema::default();
        s.insert(t);
        s
    }

    /// MariaDB reports the entity's `String` as `varchar(255)`; the plan restates it as
    /// `String(None)`, so a SQLite rebuild from a MariaDB-generated file writes `varchar`.
    #[test]
    fn untouched_columns_are_restated_as_declared() {
        let live = schema(vec![col("name", ColumnType::String(Some(255)), None)]);
        let raw = schema(vec![col("name", ColumnType::String(None), None)]);
        let desired = crate::normalize::normalize(sea_orm::DbBackend::MySql, &raw);
        let base = plan_base(&live, &desired, &raw);
        assert_eq!(
            base.tables["t"].columns[0].col_type,
            ColumnType::String(None)
        );
    }

    /// SQLite keeps no comments: the old side of a type change keeps the entity's comment,
    /// so the MySQL downgrade's `MODIFY COLUMN` restates it.
    #[test]
    fn old_side_of_a_change_keeps_what_did_not_change() {
        let op = Op::AlterColumn {
            table: "t".into(),
            from: col("n", ColumnType::Integer, None),
            to: col("n", ColumnType::BigInteger, None),
            changes: vec![ColumnChange::Type],
        };
        let raw = schema(vec![col("n", ColumnType::BigInteger, Some("count"))]);
        let Op::AlterColumn { from, to, .. } = hydrate(op, &raw) else {
            unreachable!()
        };
        assert_eq!(from.col_type, ColumnType::Integer);
        assert_eq!(from.comment.as_deref(), Some("count"));
        assert_eq!(to.comment.as_deref(), Some("count"));
    }
}
