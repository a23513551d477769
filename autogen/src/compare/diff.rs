//! The comparison entry point.

use std::borrow::Cow;

use crate::model::apply::apply;
use crate::model::{Schema, Table};
use crate::ops::{Op, reverse_all};

use super::columns::{diff_columns, renames, strip_hint, table_renames};
use super::constraints::{
    diff_checks, diff_defined_indexes, diff_foreign_keys, diff_indexes, diff_primary_key,
    diff_uniques,
};
use super::disturbed::Disturbed;
use super::domains::diff_domains;
use super::enums::diff_enums;
use super::phases::Phases;
use super::table_order::plan_create;

/// The ops that turn `current` into `desired`, in executable, deterministic order.
///
/// Both schemas are compared as given (normalize them first). Names of primary keys and
/// uniques are ignored, foreign-key names only where the backend keeps none (SQLite); the module documentation lists the rules and the order.
pub fn compare(current: &Schema, desired: &Schema) -> Vec<Op> {
    let mut phases = Phases::default();

    // Step 1: renames, applied to a copy of current so everything after sees the new names
    // (including foreign keys elsewhere that point at a renamed column).
    // The copy is made only when there is a rename (at 10,000 tables it cost as much as the
    // comparison itself).
    let mut renamed = Cow::Borrowed(current);
    for (from, to) in table_renames(current, desired) {
        let op = Op::RenameTable { from, to };
        apply(renamed.to_mut(), &op);
        phases.renames.push(op);
    }
    for (name, want) in &desired.tables {
        let Some(cur) = renamed.tables.get(name) else {
            continue;
        };
        for (from, to) in renames(cur, want) {
            let op = Op::RenameColumn {
                table: name.clone(),
                from,
                to,
            };
            apply(renamed.to_mut(), &op);
            phases.renames.push(op);
        }
    }

    // Native enum types (PostgreSQL).
    diff_enums(current, desired, &mut phases);
    // Domains (PostgreSQL).
    diff_domains(current, desired, &mut phases);

    // Step 2: kept tables, in name order.
    let disturbed = Disturbed::between(&renamed, desired);
    let fk_names = !(current.fk_names_unkept || desired.fk_names_unkept);
    for (name, want) in &desired.tables {
        let Some(cur) = renamed.tables.get(name) else {
            continue;
        };
        diff_foreign_keys(cur, want, &disturbed, fk_names, &mut phases);
        diff_indexes(cur, want, &disturbed, &mut phases);
        diff_checks(cur, want, &disturbed, &mut phases);
        diff_defined_indexes(cur, want, &disturbed, &mut phases);
        diff_uniques(cur, want, &disturbed, &mut phases);
        if cur.comment != want.comment {
            phases.alter_columns.push(Op::SetTableComment {
                table: name.clone(),
                from: cur.comment.clone(),
                to: want.comment.clone(),
            });
        }
        let touched = diff_columns(cur, want, &mut phases);
        diff_primary_key(cur, want, &touched, &mut phases);
    }

    // Step 3: new tables parent-first; cycle-breaking foreign keys join the final FK phase.
    let created: Vec<Table> = desired
        .tables
        .values()
        .filter(|t| !renamed.tables.contains_key(&t.name))
        .map(strip_table_hints)
        .collect();
    let plan = plan_create(&created.iter().collect::<Vec<_>>());
    phases.add_tables = plan.tables;
    phases.add_fks.extend(plan.deferred_fks);

    // Step 4: dropped tables are exactly the reverse of creating them, so they go child-first
    // and any cycle-breaking foreign keys are dropped before the tables. They are read after
    // the renames (which run first), so their foreign keys name the referenced columns as they
    // are when the table goes, and as they must be when a downgrade recreates it.
    let dropped: Vec<&Table> = renamed
        .tables
        .values()
        .filter(|t| !desired.tables.contains_key(&t.name))
        .collect();
    let plan = plan_create(&dropped);
    phases.drop_tables = reverse_all(&plan.tables);
    phases.drop_fks.extend(reverse_all(&plan.deferred_fks));

    phases.into_ops()
}

/// A desired table as `AddTable` carries it: no rename hints on its columns.
fn strip_table_hints(t: &Table) -> Table {
    Table {
        columns: t.columns.iter().map(strip_hint).collect(),
        renamed_from: None,
        ..t.clone()
    }
}
