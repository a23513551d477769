//! Column-level comparison of one table that exists on both sides.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Column, Generated, Schema, Table};
use crate::ops::{ColumnChange, Op};

use super::enums::same_type;
use super::phases::Phases;

/// Rename hints that apply: `(old, new)` for each desired column whose `renamed_from` names a
/// current column that the desired table no longer has, while `new` is not yet in current.
pub(super) fn renames(current: &Table, desired: &Table) -> Vec<(String, String)> {
    let mut claimed = BTreeSet::new();
    let mut out = Vec::new();
    for col in &desired.columns {
        let Some(old) = &col.renamed_from else {
            continue;
        };
        let applies = current.column(old).is_some()
            && desired.column(old).is_none()
            && current.column(&col.name).is_none()
            && claimed.insert(old.clone()); // one old column feeds at most one new one
        if applies {
            out.push((old.clone(), col.name.clone()));
        }
    }
    out
}

/// Table rename hints that apply: `(old, new)` for each desired table whose `renamed_from`
/// names a current table that desired no longer has, while `new` is not yet in current.
pub(super) fn table_renames(current: &Schema, desired: &Schema) -> Vec<(String, String)> {
    let mut claimed = BTreeSet::new();
    desired
        .tables
        .values()
        .filter_map(|t| Some((t.renamed_from.clone()?, t.name.clone())))
        .filter(|(old, new)| {
            current.tables.contains_key(old)
                && !desired.tables.contains_key(old)
                && !current.tables.contains_key(new)
                && claimed.insert(old.clone())
        })
        .collect()
}

/// A column as ops carry it: without the entity-only rename hint.
pub(super) fn strip_hint(c: &Column) -> Column {
    Column {
        renamed_from: None,
        ..c.clone()
    }
}

/// The desired column as an alter op carries it: without the rename hint, and with the live
/// column's collation while the new type still has one. Collations are not compared (they
/// are notices), so a `MODIFY COLUMN`, which restates the whole column, must keep it.
fn alter_target(cur: &Column, want: &Column) -> Column {
    Column {
        collation: cur
            .collation
            .clone()
            .filter(|_| want.col_type.has_collation()),
        ..strip_hint(want)
    }
}

/// What differs between two definitions of the same column, sorted. Auto-increment counts as
/// a type change (serial vs integer); the rename hint, the name and the collation are not
/// compared.
pub fn column_changes(from: &Column, to: &Column) -> Vec<ColumnChange> {
    let mut changes = Vec::new();
    if !same_type(&from.col_type, &to.col_type) || from.auto_increment != to.auto_increment {
        changes.push(ColumnChange::Type);
    }
    if from.auto_increment && to.auto_increment && from.identity != to.identity {
        changes.push(ColumnChange::Identity);
    }
    if from.nullable != to.nullable {
        changes.push(ColumnChange::Nullable);
    }
    if from.default != to.default {
        changes.push(ColumnChange::Default);
    }
    if from.on_update != to.on_update {
        changes.push(ColumnChange::OnUpdate);
    }
    if from.comment != to.comment {
        changes.push(ColumnChange::Comment);
    }
    if !Generated::same(from.generated.as_ref(), to.generated.as_ref()) {
        changes.push(ColumnChange::Generated);
    }
    changes
}

/// Diffs the columns of a kept table (current already renamed) into `phases`; returns the
/// changes per column name (a dropped column maps to `None`), for the primary-key decision.
pub(super) fn diff_columns(
    current: &Table,
    desired: &Table,
    phases: &mut Phases,
) -> BTreeMap<String, Option<Vec<ColumnChange>>> {
    let table = &desired.name;
    let mut touched = BTreeMap::new();

    // Drops and alters in name order.
    let mut names: Vec<&Column> = current.columns.iter().collect();
    names.sort_by(|a, b| a.name.cmp(&b.name));
    for cur in names {
        match desired.column(&cur.name) {
            None => {
                phases.drop_columns.push(Op::DropColumn {
                    table: table.clone(),
                    column: strip_hint(cur),
                });
                touched.insert(cur.name.clone(), None);
            }
            Some(want) => {
                let changes = column_changes(cur, want);
                if !changes.is_empty() {
                    phases.alter_columns.push(Op::AlterColumn {
                        table: table.clone(),
                        from: strip_hint(cur),
                        to: alter_target(cur, want),
                        changes: changes.clone(),
                    });
                    touched.insert(cur.name.clone(), Some(changes));
                }
            }
        }
    }

    // Adds in declaration order, so appended columns keep the entity's order.
    for want in &desired.columns {
        if current.column(&want.name).is_none() {
            phases.add_columns.push(Op::AddColumn {
                table: table.clone(),
                column: strip_hint(want),
            });
        }
    }
    touched
}
