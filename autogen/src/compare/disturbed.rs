//! What a migration pulls out from under foreign keys it does not otherwise change.

use std::collections::BTreeSet;

use crate::model::{ForeignKey, Schema, Table, column_key};
use crate::ops::ColumnChange;

use super::columns::column_changes;

/// Columns and keys of kept tables that change in ways an unchanged foreign key cannot survive.
pub(super) struct Disturbed {
    /// `(table, column)` whose type changes (auto-increment included): MySQL refuses to modify
    /// a column a foreign key uses.
    retyped: BTreeSet<(String, String)>,
    /// `(table, column key)` of primary keys and uniques that go away: a referenced key cannot
    /// be dropped while a foreign key depends on it.
    dropped_keys: BTreeSet<(String, String)>,
}

impl Disturbed {
    /// Finds them between the (renamed) current schema and the desired one.
    pub fn between(current: &Schema, desired: &Schema) -> Self {
        let mut d = Disturbed {
            retyped: BTreeSet::new(),
            dropped_keys: BTreeSet::new(),
        };
        for (name, want) in &desired.tables {
            let Some(cur) = current.tables.get(name) else {
                continue;
            };
            for c in &want.columns {
                if let Some(old) = cur.column(&c.name)
                    && column_changes(old, c).contains(&ColumnChange::Type)
                {
                    d.retyped.insert((name.clone(), c.name.clone()));
                }
            }
            let pk_cols = |t: &Table| t.primary_key.as_ref().map(|pk| pk.columns.clone());
            if let Some(old) = pk_cols(cur)
                && pk_cols(want) != Some(old.clone())
            {
                d.dropped_keys.insert((name.clone(), column_key(&old)));
            }
            for key in cur.uniques.keys() {
                if !want.uniques.contains_key(key) {
                    d.dropped_keys.insert((name.clone(), key.clone()));
                }
            }
        }
        d
    }

    /// Whether `fk` on `table` must be dropped and re-added around this migration.
    pub fn hits(&self, table: &str, fk: &ForeignKey) -> bool {
        let retyped = |t: &str, cols: &[String]| {
            cols.iter()
                .any(|c| self.retyped.contains(&(t.to_string(), c.clone())))
        };
        retyped(table, &fk.columns)
            || retyped(&fk.ref_table, &fk.ref_columns)
            || self
                .dropped_keys
                .contains(&(fk.ref_table.clone(), column_key(&fk.ref_columns)))
    }
}
