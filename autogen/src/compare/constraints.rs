//! Key-level comparison of one kept table: primary key, uniques, indexes, foreign keys.

use std::collections::BTreeMap;

use crate::model::{Check, DefinedIndex, ForeignKey, Table};
use crate::normalize::checks::canonical;
use crate::normalize::indexes::canonical_index;
use crate::ops::{ColumnChange, Op};

use super::disturbed::Disturbed;
use super::phases::Phases;

/// Diffs the primary key by column list (names are ignored).
///
/// Normally one `AlterPrimaryKey { from, to }` runs after the column changes (new key columns
/// exist and are NOT NULL by then; MySQL also needs drop+add in one statement for an
/// auto-increment key). When an old key column is dropped or changes type or nullability, the
/// old key must go first: the op is split into `{from, None}` before the column changes and
/// `{None, to}` after them.
pub(super) fn diff_primary_key(
    current: &Table,
    desired: &Table,
    touched: &BTreeMap<String, Option<Vec<ColumnChange>>>,
    phases: &mut Phases,
) {
    let cols = |t: &Table| t.primary_key.as_ref().map(|pk| pk.columns.clone());
    if cols(current) == cols(desired) {
        return;
    }
    let table = desired.name.clone();
    let (from, to) = (current.primary_key.clone(), desired.primary_key.clone());
    let old_key_disturbed = from.as_ref().is_some_and(|pk| {
        pk.columns.iter().any(|c| match touched.get(c) {
            Some(None) => true,
            Some(Some(changes)) => changes
                .iter()
                .any(|ch| matches!(ch, ColumnChange::Type | ColumnChange::Nullable)),
            None => false,
        })
    });
    if old_key_disturbed && to.is_some() {
        phases.drop_pks.push(Op::AlterPrimaryKey {
            table: table.clone(),
            from,
            to: None,
        });
        phases.alter_pks.push(Op::AlterPrimaryKey {
            table,
            from: None,
            to,
        });
    } else if old_key_disturbed {
        phases
            .drop_pks
            .push(Op::AlterPrimaryKey { table, from, to });
    } else {
        phases
            .alter_pks
            .push(Op::AlterPrimaryKey { table, from, to });
    }
}

/// Diffs uniques by column list; same columns means same constraint (names are ignored). One
/// on a regenerated column is dropped and added again ([`Disturbed::regenerates`]).
pub(super) fn diff_uniques(
    current: &Table,
    desired: &Table,
    disturbed: &Disturbed,
    phases: &mut Phases,
) {
    let table = &desired.name;
    let kept = |key: &String, among: &Table| {
        among
            .uniques
            .get(key)
            .is_some_and(|u| !disturbed.regenerates(table, &u.columns))
    };
    for (key, unique) in &current.uniques {
        if !kept(key, desired) {
            phases.drop_keys.push(Op::DropUnique {
                table: table.clone(),
                unique: unique.clone(),
                concurrently: false,
            });
        }
    }
    for (key, unique) in &desired.uniques {
        if !kept(key, current) {
            phases.add_keys.push(Op::AddUnique {
                table: table.clone(),
                unique: unique.clone(),
                concurrently: false,
            });
        }
    }
}

/// Diffs non-unique indexes by name; changed columns are a drop and an add, and so is an
/// index on a regenerated column ([`Disturbed::regenerates`]).
pub(super) fn diff_indexes(
    current: &Table,
    desired: &Table,
    disturbed: &Disturbed,
    phases: &mut Phases,
) {
    let table = &desired.name;
    let same = |a: &crate::model::Index, b: Option<&crate::model::Index>| {
        b == Some(a) && !disturbed.regenerates(table, &a.columns)
    };
    for (name, index) in &current.indexes {
        if !same(index, desired.indexes.get(name)) {
            phases.drop_keys.push(Op::DropIndex {
                table: table.clone(),
                index: index.clone(),
                concurrently: false,
            });
        }
    }
    for (name, index) in &desired.indexes {
        if !same(index, current.indexes.get(name)) {
            phases.add_keys.push(Op::AddIndex {
                table: table.clone(),
                index: index.clone(),
                concurrently: false,
            });
        }
    }
}

/// How a current foreign key stands to the desired one on the same columns.
#[derive(PartialEq)]
enum FkMatch {
    Same,
    /// Only the deferrability differs: altered in place.
    Deferrability,
    Different,
}

/// Diffs foreign keys by column list; a changed target, action or name is a drop and an add
/// (Alembic's rule for a rename), a changed deferrability alone an `AlterForeignKey`. Names
/// are compared unless the backend keeps none (`names` false: SQLite).
///
/// An otherwise unchanged key is also dropped and re-added when the migration changes the type
/// of its columns or replaces the key it references (see [`Disturbed`]).
pub(super) fn diff_foreign_keys(
    current: &Table,
    desired: &Table,
    disturbed: &Disturbed,
    names: bool,
    phases: &mut Phases,
) {
    let table = &desired.name;
    let relate = |a: &ForeignKey, b: Option<&ForeignKey>| {
        let Some(b) = b else {
            return FkMatch::Different;
        };
        let kept = a.ref_table == b.ref_table
            && a.ref_columns == b.ref_columns
            && a.on_delete == b.on_delete
            && a.on_update == b.on_update
            && (!names || a.name == b.name)
            && !disturbed.hits(table, a);
        match (kept, a.deferrable == b.deferrable) {
            (false, _) => FkMatch::Different,
            (true, true) => FkMatch::Same,
            (true, false) => FkMatch::Deferrability,
        }
    };
    for (key, fk) in &current.foreign_keys {
        let want = desired.foreign_keys.get(key);
        match relate(fk, want) {
            FkMatch::Same => {}
            FkMatch::Deferrability => phases.add_fks.push(Op::AlterForeignKey {
                table: table.clone(),
                from: fk.clone(),
                // Under the name the database has (SQLite: whatever name it was read with).
                to: ForeignKey {
                    name: fk.name.clone(),
                    ..want.cloned().unwrap_or_else(|| fk.clone())
                },
            }),
            FkMatch::Different => phases.drop_fks.push(Op::DropForeignKey {
                table: table.clone(),
                foreign_key: fk.clone(),
            }),
        }
    }
    for (key, fk) in &desired.foreign_keys {
        if relate(fk, current.foreign_keys.get(key)) == FkMatch::Different {
            phases.add_fks.push(Op::AddForeignKey {
                table: table.clone(),
                foreign_key: fk.clone(),
            });
        }
    }
}

/// Diffs checks by their canonical expression ([`canonical`]): a named check is matched by name, and a
/// changed expression is a drop and an add; an unnamed one (SQLite) matches any check with
/// the same expression. A rename is a drop and an add, and so is a check naming a regenerated
/// column ([`Disturbed::regenerates_sql`]).
pub(super) fn diff_checks(
    current: &Table,
    desired: &Table,
    disturbed: &Disturbed,
    phases: &mut Phases,
) {
    let table = &desired.name;
    let matches = |a: &Check, b: &Check| {
        canonical(&a.expression) == canonical(&b.expression)
            && (a.name == b.name || a.name.is_empty() || b.name.is_empty())
            && !disturbed.regenerates_sql(table, &a.expression)
    };
    let found = |c: &Check, among: &Table| among.checks.values().any(|o| matches(c, o));
    for check in current.checks.values() {
        if !found(check, desired) {
            phases.drop_keys.push(Op::DropCheck {
                table: table.clone(),
                check: check.clone(),
            });
        }
    }
    for check in desired.checks.values() {
        if !found(check, current) {
            phases.add_keys.push(Op::AddCheck {
                table: table.clone(),
                check: check.clone(),
            });
        }
    }
}

/// Diffs indexes kept as SQL by name (case-sensitive) and canonical statement
/// ([`canonical_index`]): a changed
/// definition (unique or not included) is a drop, then an add, and so is an index naming a
/// regenerated column ([`Disturbed::regenerates_sql`]).
pub(super) fn diff_defined_indexes(
    current: &Table,
    desired: &Table,
    disturbed: &Disturbed,
    phases: &mut Phases,
) {
    let table = &desired.name;
    let same = |a: &DefinedIndex, b: Option<&DefinedIndex>| {
        b.is_some_and(|b| canonical_index(&a.sql) == canonical_index(&b.sql))
            && !disturbed.regenerates_sql(table, &a.sql)
    };
    for (name, index) in &current.defined_indexes {
        if !same(index, desired.defined_indexes.get(name)) {
            phases.drop_keys.push(Op::DropDefinedIndex {
                table: table.clone(),
                index: index.clone(),
            });
        }
    }
    for (name, index) in &desired.defined_indexes {
        if !same(index, current.defined_indexes.get(name)) {
            phases.add_keys.push(Op::AddDefinedIndex {
                table: table.clone(),
                index: index.clone(),
            });
        }
    }
}
