//! Applying ops to an in-memory schema, and the equivalence the laws are stated in.
//!
//! `apply` mirrors what the database does: adding a column appends it, renaming a column carries
//! its keys, indexes and the foreign keys pointing at it along. An op on a missing table or object
//! is a no-op (the law tests then catch the mismatch).

use super::{ColumnType, Schema, Table, check_key, column_key};
use crate::ops::Op;

/// Applies one op to a schema in place.
pub fn apply(schema: &mut Schema, op: &Op) {
    match op {
        Op::AddTable(t) => schema.insert(t.clone()),
        Op::DropTable(t) => {
            schema.tables.remove(&t.name);
        }
        Op::RenameColumn { table, from, to } => rename_column(schema, table, from, to),
        Op::RenameTable { from, to } => rename_table(schema, from, to),
        Op::CreateEnum(e) => {
            schema.enums.insert(e.name.clone(), e.clone());
        }
        Op::DropEnum(e) => {
            schema.enums.remove(&e.name);
        }
        Op::AlterEnum { name, to, .. } => alter_enum(schema, name, to),
        Op::CreateDomain(d) => {
            schema.domains.insert(d.name.clone(), d.clone());
        }
        Op::DropDomain(d) => {
            schema.domains.remove(&d.name);
        }
        Op::AlterDomain { to, .. } => alter_domain(schema, to),
        _ => {
            if let Some(t) = schema.tables.get_mut(op.table()) {
                apply_to_table(t, op);
            }
        }
    }
}

/// Applies ops in order.
pub fn apply_all(schema: &mut Schema, ops: &[Op]) {
    for op in ops {
        apply(schema, op);
    }
}

/// Applies a table-local op.
fn apply_to_table(t: &mut Table, op: &Op) {
    match op {
        Op::AddColumn { column, .. } => t.columns.push(column.clone()),
        Op::DropColumn { column, .. } => t.columns.retain(|c| c.name != column.name),
        Op::AlterColumn { from, to, .. } => {
            if let Some(c) = t.columns.iter_mut().find(|c| c.name == from.name) {
                *c = to.clone();
            }
        }
        Op::AddIndex { index, .. } => {
            t.indexes.insert(index.name.clone(), index.clone());
        }
        Op::DropIndex { index, .. } => {
            t.indexes.remove(&index.name);
        }
        Op::AddUnique { unique, .. } => {
            t.uniques
                .insert(column_key(&unique.columns), unique.clone());
        }
        Op::DropUnique { unique, .. } => {
            t.uniques.remove(&column_key(&unique.columns));
        }
        Op::AddForeignKey { foreign_key, .. } => {
            t.foreign_keys
                .insert(column_key(&foreign_key.columns), foreign_key.clone());
        }
        Op::DropForeignKey { foreign_key, .. } => {
            t.foreign_keys.remove(&column_key(&foreign_key.columns));
            // MySQL: the index InnoDB named after the key goes with it, or is the index a key
            // of the same name re-added finds under that name; either way no later drop of
            // another key may take it for its own (`plan::mysql::implicit_index_drop`).
            t.fk_indexes.retain(|name, index| {
                index.columns != foreign_key.columns
                    || (name != &foreign_key.name && Some(name) != foreign_key.columns.first())
            });
        }
        Op::AlterForeignKey { to, .. } => {
            t.foreign_keys.insert(column_key(&to.columns), to.clone());
        }
        Op::AlterPrimaryKey { to, .. } => t.primary_key = to.clone(),
        Op::SetTableComment { to, .. } => t.comment = to.clone(),
        Op::AddDefinedIndex { index, .. } => {
            t.defined_indexes.insert(index.name.clone(), index.clone());
        }
        Op::DropDefinedIndex { index, .. } => {
            t.defined_indexes.remove(&index.name);
        }
        Op::AddCheck { check, .. } => {
            t.checks.insert(check_key(check), check.clone());
        }
        Op::DropCheck { check, .. } => {
            t.checks.remove(&check_key(check));
        }
        Op::AddTable(_)
        | Op::DropTable(_)
        | Op::RenameColumn { .. }
        | Op::RenameTable { .. }
        | Op::CreateEnum(_)
        | Op::DropEnum(_)
        | Op::AlterEnum { .. }
        | Op::CreateDomain(_)
        | Op::DropDomain(_)
        | Op::AlterDomain { .. } => {}
    }
}

/// The new definition of a domain, and its base type in every column of it (they carry the
/// base so MySQL and SQLite can render it).
fn alter_domain(schema: &mut Schema, to: &super::Domain) {
    schema.domains.insert(to.name.clone(), to.clone());
    for t in schema.tables.values_mut() {
        for c in &mut t.columns {
            if let ColumnType::Domain { name, base } = &mut c.col_type
                && *name == to.name
            {
                **base = to.base.clone();
            }
        }
    }
}

/// New values for an enum type, and for every column of that type (they carry the values so
/// MySQL can render them inline).
fn alter_enum(schema: &mut Schema, name: &str, to: &[String]) {
    if let Some(e) = schema.enums.get_mut(name) {
        e.values = to.to_vec();
    }
    for t in schema.tables.values_mut() {
        for c in &mut t.columns {
            if let ColumnType::Enum { name: n, values } = &mut c.col_type
                && n == name
            {
                *values = to.to_vec();
            }
        }
    }
}

/// Renames a table and every foreign key pointing at it, as `ALTER TABLE .. RENAME TO` does.
fn rename_table(schema: &mut Schema, from: &str, to: &str) {
    let Some(mut t) = schema.tables.remove(from) else {
        return;
    };
    t.name = to.to_string();
    schema.insert(t);
    for other in schema.tables.values_mut() {
        for fk in other.foreign_keys.values_mut() {
            if fk.ref_table == from {
                fk.ref_table = to.to_string();
            }
        }
    }
    for u in &mut schema.unmanaged {
        if u.table.as_deref() == Some(from) {
            u.table = Some(to.to_string());
        }
    }
}

/// Renames a column and every reference to it, as `ALTER TABLE .. RENAME COLUMN` does.
fn rename_column(schema: &mut Schema, table: &str, from: &str, to: &str) {
    let swap = |cols: &mut Vec<String>| {
        for c in cols.iter_mut().filter(|c| *c == from) {
            *c = to.to_string();
        }
    };
    let Some(t) = schema.tables.get_mut(table) else {
        return;
    };
    if let Some(c) = t.columns.iter_mut().find(|c| c.name == from) {
        c.name = to.to_string();
    }
    if let Some(pk) = &mut t.primary_key {
        swap(&mut pk.columns);
    }
    for ix in t.indexes.values_mut() {
        swap(&mut ix.columns);
    }
    // Maps keyed by column list must be re-keyed.
    t.uniques = std::mem::take(&mut t.uniques)
        .into_values()
        .map(|mut u| {
            swap(&mut u.columns);
            (column_key(&u.columns), u)
        })
        .collect();
    t.foreign_keys = std::mem::take(&mut t.foreign_keys)
        .into_values()
        .map(|mut fk| {
            swap(&mut fk.columns);
            (column_key(&fk.columns), fk)
        })
        .collect();
    // Foreign keys elsewhere (and self-references) that point at the renamed column.
    for other in schema.tables.values_mut() {
        for fk in other.foreign_keys.values_mut() {
            if fk.ref_table == table {
                swap(&mut fk.ref_columns);
            }
        }
    }
}

/// The canonical form used for schema equality in the laws: columns sorted by name, rename
/// hints cleared, the names comparison ignores (primary key, unique, foreign key) cleared, and
/// indexes kept as SQL in their canonical spelling.
pub fn canonical(schema: &Schema) -> Schema {
    let mut s = schema.clone();
    for t in s.tables.values_mut() {
        t.renamed_from = None;
        t.columns.sort_by(|a, b| a.name.cmp(&b.name));
        for c in &mut t.columns {
            c.renamed_from = None;
        }
        if let Some(pk) = &mut t.primary_key {
            pk.name = None;
        }
        for u in t.uniques.values_mut() {
            u.name.clear();
        }
        for fk in t.foreign_keys.values_mut() {
            fk.name.clear();
        }
        // Named after the key (which comparison ignores) by InnoDB itself.
        t.fk_indexes.clear();
        // Compared by canonical statement, on the backend it is written for.
        for ix in t.defined_indexes.values_mut() {
            ix.sql = crate::normalize::indexes::canonical_index(&ix.sql);
            ix.elsewhere.clear();
        }
    }
    s
}

/// Whether two schemas are equal up to what comparison ignores (see [`canonical`]).
pub fn equivalent(a: &Schema, b: &Schema) -> bool {
    canonical(a) == canonical(b)
}
