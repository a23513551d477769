//! MySQL's implicit foreign-key index, in both directions.
//!
//! InnoDB needs an index whose leading columns are a foreign key's columns; when none exists it
//! creates one (named after the constraint, or after its first column for an unnamed key),
//! keeps it after the foreign key is dropped, and drops it by itself once another index can
//! serve the key (<https://dev.mysql.com/doc/refman/8.0/en/create-table-foreign-keys.html>).
//! Normalization hides that index while the foreign key exists (`Table::fk_indexes`), so:
//!
//! - a plan that drops the foreign key for good drops that index too, under the name it
//!   really has, or it reappears as drift;
//! - dropping the last index a foreign key can use fails with error 1553 ("needed in a
//!   foreign key constraint"), so the plan drops the key first and adds it back after the
//!   index, which makes InnoDB create its own index again.

use sea_orm::DbBackend;

use crate::model::{ForeignKey, Table};

use super::step::Step;

/// Whether `cols` starts with the foreign key's columns (an index on them can serve it).
fn serves(cols: &[String], fk: &ForeignKey) -> bool {
    cols.starts_with(&fk.columns)
}

/// Whether some declared index, unique or primary key of `table` other than `except` serves
/// `fk`.
fn served_elsewhere(table: &Table, fk: &ForeignKey, except: Option<&str>) -> bool {
    table
        .indexes
        .values()
        .any(|i| Some(i.name.as_str()) != except && serves(&i.columns, fk))
        || table
            .uniques
            .values()
            .any(|u| Some(u.name.as_str()) != except && serves(&u.columns, fk))
        || table
            .primary_key
            .as_ref()
            .is_some_and(|pk| serves(&pk.columns, fk))
}

/// The MySQL-only `DROP INDEX` that goes with dropping `fk` from `table` (its state before the
/// drop), when InnoDB made an index for it that would outlive the migration: its columns stay,
/// and the final table neither re-adds a foreign key of that name on them nor declares an
/// index on exactly them. A key re-added under another name (a rename) gets an index named
/// after it from InnoDB; the old one would otherwise stay, named after a key that is gone. The index is the one normalization found (`Table::fk_indexes`), or, for a key added
/// within the migration, the one InnoDB names after the constraint.
pub fn implicit_index_drop(table: &Table, fk: &ForeignKey, last: Option<&Table>) -> Option<Step> {
    let last = last?;
    let stays = fk.columns.iter().all(|c| last.column(c).is_some())
        && !last
            .foreign_keys
            .values()
            .any(|f| f.columns == fk.columns && f.name == fk.name)
        && !last.indexes.values().any(|i| i.columns == fk.columns);
    if !stays || served_elsewhere(table, fk, None) {
        return None;
    }
    let name = table
        .fk_indexes
        .values()
        .find(|i| i.columns == fk.columns)
        .map_or_else(|| fk.name.clone(), |i| i.name.clone());
    Some(Step::OnlyOn(
        DbBackend::MySql,
        vec![Step::DropIndex {
            table: table.name.clone(),
            name,
            concurrently: false,
        }],
    ))
}

/// `drop` (the steps that drop index or unique `name` of `table`, its state before the drop)
/// made safe on MySQL: when that index is the last one some foreign keys of the table can use,
/// MySQL drops those keys, then the index, then adds the keys back (InnoDB then makes its own
/// index for them); the other backends run `drop` as it is. `None` when no key needs it.
pub fn guarded_index_drop(table: &Table, name: &str, drop: &[Step]) -> Option<Vec<Step>> {
    let columns = table.indexes.get(name).map(|i| &i.columns).or_else(|| {
        table
            .uniques
            .values()
            .find(|u| u.name == name)
            .map(|u| &u.columns)
    })?;
    let needing: Vec<&ForeignKey> = table
        .foreign_keys
        .values()
        .filter(|fk| serves(columns, fk) && !served_elsewhere(table, fk, Some(name)))
        .collect();
    if needing.is_empty() {
        return None;
    }
    let keys: Vec<&str> = needing.iter().map(|fk| fk.name.as_str()).collect();
    let mut mysql = vec![Step::Comment(format!(
        "MySQL needs an index for foreign key {} (error 1553): drop it around the index drop; adding it back re-checks its rows",
        keys.join(", ")
    ))];
    mysql.extend(needing.iter().map(|fk| Step::DropForeignKey {
        table: table.name.clone(),
        name: fk.name.clone(),
    }));
    mysql.extend(drop.iter().cloned());
    mysql.extend(needing.iter().map(|fk| Step::AddForeignKey {
        table: table.name.clone(),
        foreign_key: (*fk).clone(),
    }));
    Some(vec![
        Step::OnlyOn(DbBackend::MySql, mysql),
        Step::ExceptOn(DbBackend::MySql, drop.to_vec()),
    ])
}
