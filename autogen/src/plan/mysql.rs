//! MySQL's implicit foreign-key index.
//!
//! InnoDB needs an index whose leading columns are a foreign key's columns; when none exists it
//! creates one, named after the constraint, and keeps it after the foreign key is dropped.
//! Normalization hides that index while the foreign key exists (see `normalize::keys`), so a
//! plan that drops the foreign key for good must drop the index too, or it reappears as drift.

use sea_orm::DbBackend;

use crate::model::{ForeignKey, Table};

use super::step::Step;

/// Whether `table` (normalized) relies on an index MySQL created for `fk`: no index, unique or
/// primary key starts with the foreign key's columns.
fn has_implicit_index(table: &Table, fk: &ForeignKey) -> bool {
    let starts = |cols: &[String]| cols.starts_with(&fk.columns);
    !(table.indexes.values().any(|i| starts(&i.columns))
        || table.uniques.values().any(|u| starts(&u.columns))
        || table
            .primary_key
            .as_ref()
            .is_some_and(|pk| starts(&pk.columns)))
}

/// The MySQL-only `DROP INDEX` that goes with dropping `fk` from `table` (its state before the
/// drop), when the index would outlive the migration: its columns stay, and the final table
/// neither re-adds a foreign key on them nor declares an index on exactly them.
pub fn implicit_index_drop(table: &Table, fk: &ForeignKey, last: Option<&Table>) -> Option<Step> {
    let last = last?;
    let stays = fk.columns.iter().all(|c| last.column(c).is_some())
        && !last.foreign_keys.values().any(|f| f.columns == fk.columns)
        && !last.indexes.values().any(|i| i.columns == fk.columns);
    (stays && has_implicit_index(table, fk)).then(|| {
        Step::OnlyOn(
            DbBackend::MySql,
            vec![Step::DropIndex {
                table: table.name.clone(),
                name: fk.name.clone(),
                concurrently: false,
            }],
        )
    })
}
