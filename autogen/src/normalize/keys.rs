//! Key, index and foreign-key normalization.

use sea_orm::DbBackend;

use crate::model::{FkAction, Table};

/// Normalizes the table's keys, indexes and foreign keys in place.
pub(crate) fn normalize_keys(backend: DbBackend, table: &mut Table) {
    match backend {
        DbBackend::Postgres => {
            primary_key_columns_are_not_null(table);
            postgres_truncates_fk_names(table);
        }
        DbBackend::MySql => {
            primary_key_columns_are_not_null(table);
            mysql_restrict_is_no_action(table);
            mysql_has_no_deferrable_fks(table);
            mysql_adds_implicit_fk_index(table);
        }
        _ => {}
    }
}

/// Postgres and MySQL make every primary-key column NOT NULL, whatever was declared.
/// (SQLite does not: a non-INTEGER primary-key column may hold NULL.)
fn primary_key_columns_are_not_null(table: &mut Table) {
    let Some(pk) = &table.primary_key else {
        return;
    };
    for column in &mut table.columns {
        if pk.columns.contains(&column.name) {
            column.nullable = false;
        }
    }
}

/// PostgreSQL cuts an identifier to 63 bytes (`NAMEDATALEN - 1`) and keeps the cut name
/// (<https://www.postgresql.org/docs/15/sql-syntax-lexical.html#SQL-SYNTAX-IDENTIFIERS>): a
/// longer foreign-key name is the same key under its first 63 bytes.
fn postgres_truncates_fk_names(table: &mut Table) {
    for fk in table.foreign_keys.values_mut() {
        if fk.name.len() > 63 {
            let mut end = 63;
            while !fk.name.is_char_boundary(end) {
                end -= 1;
            }
            fk.name.truncate(end);
        }
    }
}

/// MySQL and MariaDB have no deferrable foreign keys (InnoDB checks each row at once,
/// <https://dev.mysql.com/doc/refman/8.0/en/ansi-diff-foreign-keys.html>): a key an entity
/// declares deferrable is an ordinary one there.
fn mysql_has_no_deferrable_fks(table: &mut Table) {
    for fk in table.foreign_keys.values_mut() {
        fk.deferrable = crate::model::Deferrable::No;
    }
}

/// InnoDB treats RESTRICT and NO ACTION identically (checks are never deferred), and MariaDB
/// reports an unspecified action as RESTRICT: both become NO ACTION.
fn mysql_restrict_is_no_action(table: &mut Table) {
    for fk in table.foreign_keys.values_mut() {
        for action in [&mut fk.on_delete, &mut fk.on_update] {
            if *action == FkAction::Restrict {
                *action = FkAction::NoAction;
            }
        }
    }
}

/// InnoDB needs an index whose leading columns are a foreign key's columns, and silently
/// creates one when none exists, named after the constraint (after its first column for an
/// unnamed key, `<table>_ibfk_<n>` on MariaDB), and drops it again once another index can
/// serve the key (<https://dev.mysql.com/doc/refman/8.0/en/create-table-foreign-keys.html>).
/// Such an index (non-unique, exactly the key's columns, named so, and no other index, unique
/// or primary key starting with those columns) moves to [`Table::fk_indexes`]: it exists
/// whether or not anyone declared it. An index with any other name was declared, and stays.
fn mysql_adds_implicit_fk_index(table: &mut Table) {
    let starts_with = |cols: &[String], prefix: &[String]| cols.starts_with(prefix);
    let implicit: Vec<String> = table
        .indexes
        .values()
        .filter(|index| {
            table.foreign_keys.values().any(|fk| {
                index.columns == fk.columns
                    && (index.name == fk.name || Some(&index.name) == fk.columns.first())
                    && {
                        let other_index = table
                            .indexes
                            .values()
                            .any(|o| o.name != index.name && starts_with(&o.columns, &fk.columns));
                        let unique = table
                            .uniques
                            .values()
                            .any(|u| starts_with(&u.columns, &fk.columns));
                        let pk = table
                            .primary_key
                            .as_ref()
                            .is_some_and(|pk| starts_with(&pk.columns, &fk.columns));
                        !(other_index || unique || pk)
                    }
            })
        })
        .map(|index| index.name.clone())
        .collect();
    for name in implicit {
        if let Some(index) = table.indexes.remove(&name) {
            table.fk_indexes.insert(name, index);
        }
    }
}
