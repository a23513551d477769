//! What a migration pulls out from under foreign keys, indexes, uniques and checks it does
//! not otherwise change.

use std::collections::BTreeSet;

use crate::model::{ForeignKey, Schema, Table, column_key};
use crate::normalize::checks::canonical_tokens;
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
    /// `(table, column)` whose generation expression changes: the column is dropped and added
    /// again, and the database drops every index, unique and check on it with it (PostgreSQL:
    /// <https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-DESC-DROP-COLUMN>),
    /// or shrinks a composite index to its other columns (MySQL:
    /// <https://dev.mysql.com/doc/refman/8.0/en/alter-table.html#alter-table-add-drop-column>).
    /// So those go before the drop and come back after the add, in upgrade and downgrade.
    regenerated: BTreeSet<(String, String)>,
}

impl Disturbed {
    /// Finds them between the (renamed) current schema and the desired one.
    pub fn between(current: &Schema, desired: &Schema) -> Self {
        let mut d = Disturbed {
            retyped: BTreeSet::new(),
            dropped_keys: BTreeSet::new(),
            regenerated: BTreeSet::new(),
        };
        for (name, want) in &desired.tables {
            let Some(cur) = current.tables.get(name) else {
                continue;
            };
            for c in &want.columns {
                let Some(old) = cur.column(&c.name) else {
                    continue;
                };
                let changes = column_changes(old, c);
                if changes.contains(&ColumnChange::Type) {
                    d.retyped.insert((name.clone(), c.name.clone()));
                }
                if changes.contains(&ColumnChange::Generated) {
                    d.regenerated.insert((name.clone(), c.name.clone()));
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
            || self.regenerates(table, &fk.columns)
            || self.regenerates(&fk.ref_table, &fk.ref_columns)
            || self
                .dropped_keys
                .contains(&(fk.ref_table.clone(), column_key(&fk.ref_columns)))
    }

    /// Whether an index, unique or check on `table` over `columns` goes with a regenerated
    /// column (and must be dropped before it and created again after it).
    pub fn regenerates(&self, table: &str, columns: &[String]) -> bool {
        columns
            .iter()
            .any(|c| self.regenerated.contains(&(table.to_string(), c.clone())))
    }

    /// The same for an index or check kept as SQL text: whether it names a regenerated column.
    /// A name is found among the text's canonical tokens (quotes dropped, lower-cased), so a
    /// word that only looks like the column (`total` in a string, a function) also counts: one
    /// index rebuilt for nothing, never one lost.
    pub fn regenerates_sql(&self, table: &str, sql: &str) -> bool {
        let mut names = self
            .regenerated
            .iter()
            .filter(|(t, _)| t == table)
            .map(|(_, c)| c.to_lowercase())
            .peekable();
        if names.peek().is_none() {
            return false;
        }
        let tokens = canonical_tokens(sql);
        names.any(|c| tokens.contains(&c))
    }
}
