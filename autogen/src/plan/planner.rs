//! Ops → steps: every backend decision in one place.

use std::collections::BTreeMap;

use crate::model::Schema;
use crate::model::apply::{apply, apply_all};
use crate::ops::{Op, RESTORES_STRUCTURE_ONLY, hazards_for, safe_pattern};

use super::enums::alter_steps as alter_enum_steps;
use super::mysql::{guarded_index_drop, implicit_index_drop};
use super::rebuild::{except_sqlite, needs_sqlite_rebuild, rebuild_steps};
use super::sql::unique_name;
use super::step::Step;
use super::translate::op_steps;

/// The steps that turn `before` into `before` with `ops` applied, on every backend.
///
/// Each op contributes a comment (its description), one `WARNING:`/`HAZARD:` comment per
/// hazard ([`Op::hazards`]), and its statements. A table that SQLite cannot alter in place is rebuilt once, at its first op
/// that needs it, straight into its final shape; that op and the later ones on the table then
/// skip SQLite. A table that the migration drops later is not rebuilt: the ops SQLite cannot
/// run on it are skipped there, and its indexes go with it rather than one by one. On MySQL,
/// dropping a foreign key for good also drops the index MySQL made for it, and dropping the
/// last index a foreign key can use drops and re-adds the key around it (see `plan::mysql`).
pub fn plan(ops: &[Op], before: &Schema) -> Vec<Step> {
    let mut after = before.clone();
    apply_all(&mut after, ops);

    // Step 1: where each table's rebuild goes.
    let mut first_rebuild: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, op) in ops.iter().enumerate() {
        if needs_sqlite_rebuild(op) {
            first_rebuild.entry(op.table()).or_insert(i);
        }
    }

    // Step 2: walk the ops, tracking the schema each one starts from.
    let mut state = before.clone();
    let mut steps = Vec::new();
    let hazards = hazards_for(ops);
    for (i, op) in ops.iter().enumerate() {
        steps.push(Step::Comment(op.describe()));
        // That a drop's downgrade restores no rows is said in `down` (see `render`).
        for hazard in hazards[i]
            .iter()
            .filter(|h| h.code != RESTORES_STRUCTURE_ONLY)
        {
            steps.push(hazard.step());
        }
        if !hazards[i].is_empty()
            && let Some(lines) = safe_pattern(op)
        {
            steps.extend(lines.into_iter().map(Step::Comment));
        }
        let table = op.table();
        let mut own = op_steps(op);
        if let Op::AlterEnum { name, from, to } = op {
            own = alter_enum_steps(name, from, to, &state, &ops[i + 1..]);
        }
        if matches!(op, Op::DropIndex { .. }) && !after.tables.contains_key(table) {
            // The table goes later in this migration and takes its indexes along; MySQL would
            // refuse to drop one that a foreign key of the table still needs.
            own = vec![Step::Comment(format!(
                "(dropped with table {table:?} below)"
            ))];
        }
        // MySQL refuses to drop the last index a foreign key can use (error 1553).
        let dropped_index = match op {
            Op::DropIndex { index, .. } => Some(index.name.clone()),
            Op::DropUnique { unique, .. } => Some(unique_name(table, unique)),
            _ => None,
        };
        if let (Some(name), Some(current), true) = (
            dropped_index,
            state.tables.get(table),
            after.tables.contains_key(table),
        ) && let Some(guarded) = guarded_index_drop(current, &name, &own)
        {
            own = guarded;
        }
        if let (Op::DropForeignKey { foreign_key, .. }, Some(current)) =
            (op, state.tables.get(table))
            && let Some(drop) = implicit_index_drop(current, foreign_key, after.tables.get(table))
        {
            own.push(drop);
        }
        if let Some(&k) = first_rebuild.get(table) {
            match (state.tables.get(table), after.tables.get(table)) {
                (Some(from), Some(to)) if i >= k => {
                    if i == k {
                        steps.extend(rebuild_steps(from, to, &renames(&ops[i..], table), &state));
                    }
                    own = except_sqlite(own);
                }
                // The table goes later in this migration: nothing to rebuild.
                (_, None) if needs_sqlite_rebuild(op) => own = except_sqlite(own),
                _ => {}
            }
        }
        steps.extend(own);
        apply(&mut state, op);
    }
    steps
}

/// New name → name at the start of `ops`, for the columns renamed on `table` in `ops`.
fn renames(ops: &[Op], table: &str) -> BTreeMap<String, String> {
    let mut map: BTreeMap<String, String> = BTreeMap::new();
    for op in ops {
        if let Op::RenameColumn { table: t, from, to } = op
            && t == table
        {
            let original = map.remove(from).unwrap_or_else(|| from.clone());
            map.insert(to.clone(), original);
        }
    }
    map
}
