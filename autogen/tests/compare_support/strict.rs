//! A strict replay: checks that every op is executable at the moment it runs, the way a
//! database would refuse it (missing table, dangling reference, column still in use, ...).

use autogen::model::apply::apply;
use autogen::model::{ForeignKey, Schema, Table, column_key};
use autogen::ops::Op;

/// Replays `ops` on `schema`, returning the first op a database would refuse, and why.
pub fn replay(schema: &Schema, ops: &[Op]) -> Result<Schema, String> {
    let mut s = schema.clone();
    for (i, op) in ops.iter().enumerate() {
        check(&s, op).map_err(|why| format!("op #{i} {}: {why}", op.describe()))?;
        apply(&mut s, op);
    }
    Ok(s)
}

fn has_cols(t: &Table, cols: &[String]) -> Result<(), String> {
    match cols.iter().find(|c| t.column(c).is_none()) {
        Some(c) => Err(format!("no column {}.{c}", t.name)),
        None => Ok(()),
    }
}

/// Whether anything still uses `table.column`.
fn column_in_use(s: &Schema, t: &Table, column: &str) -> bool {
    let c = &column.to_string();
    t.primary_key
        .as_ref()
        .is_some_and(|pk| pk.columns.contains(c))
        || t.uniques.values().any(|u| u.columns.contains(c))
        || t.indexes.values().any(|i| i.columns.contains(c))
        || t.foreign_keys.values().any(|f| f.columns.contains(c))
        || s.tables.values().any(|o| {
            o.foreign_keys
                .values()
                .any(|f| f.ref_table == t.name && f.ref_columns.contains(c))
        })
}

/// Whether some foreign key references exactly `cols` of `table` (the key it depends on).
fn key_referenced(s: &Schema, table: &str, cols: &[String]) -> bool {
    s.tables.values().any(|o| {
        o.foreign_keys
            .values()
            .any(|f| f.ref_table == table && f.ref_columns == cols)
    })
}

/// Whether a foreign key uses `table.column` on either side (MySQL then refuses MODIFY).
fn used_by_foreign_key(s: &Schema, t: &Table, column: &str) -> bool {
    let c = &column.to_string();
    t.foreign_keys.values().any(|f| f.columns.contains(c))
        || s.tables.values().any(|o| {
            o.foreign_keys
                .values()
                .any(|f| f.ref_table == t.name && f.ref_columns.contains(c))
        })
}

fn check(s: &Schema, op: &Op) -> Result<(), String> {
    if let Op::AddTable(t) = op {
        if s.tables.contains_key(&t.name) {
            return Err("table exists".into());
        }
        for fk in t.foreign_keys.values() {
            has_cols(t, &fk.columns)?;
            let target = if fk.ref_table == t.name {
                Some(t)
            } else {
                s.tables.get(&fk.ref_table)
            };
            let target = target.ok_or(format!("references missing table {}", fk.ref_table))?;
            has_cols(target, &fk.ref_columns)?;
        }
        return Ok(());
    }
    if let Op::RenameTable { from, to } = op {
        if !s.tables.contains_key(from) {
            return Err("no such table".into());
        }
        if s.tables.contains_key(to) {
            return Err("target name exists".into());
        }
        return Ok(());
    }
    let t = s.tables.get(op.table()).ok_or("no such table")?;
    match op {
        Op::AddTable(_) | Op::RenameTable { .. } => unreachable!(),
        Op::DropTable(_) => {
            let referenced = s.tables.values().any(|o| {
                o.name != t.name && o.foreign_keys.values().any(|f| f.ref_table == t.name)
            });
            if referenced {
                return Err("still referenced by a foreign key".into());
            }
        }
        Op::AddColumn { column, .. } => {
            if t.column(&column.name).is_some() {
                return Err("column exists".into());
            }
        }
        Op::DropColumn { column, .. } => {
            has_cols(t, std::slice::from_ref(&column.name))?;
            if column_in_use(s, t, &column.name) {
                return Err("column still in use by a key, index or reference".into());
            }
        }
        Op::AlterColumn { from, to, .. } => {
            // The desired schema may still carry rename hints; ops never do.
            let now = t.column(&from.name).map(|c| autogen::model::Column {
                renamed_from: None,
                on_update: None,
                collation: None,
                generated: None,
                ..c.clone()
            });
            if now.as_ref() != Some(from) || from.name != to.name {
                return Err("from does not match the current column".into());
            }
            let retype = from.col_type != to.col_type || from.auto_increment != to.auto_increment;
            if retype && used_by_foreign_key(s, t, &from.name) {
                return Err("type change of a column a foreign key uses".into());
            }
        }
        Op::RenameColumn { from, to, .. } => {
            has_cols(t, std::slice::from_ref(from))?;
            if t.column(to).is_some() {
                return Err("target name exists".into());
            }
        }
        Op::AddDefinedIndex { index, .. } => {
            if t.defined_indexes.contains_key(&index.name) {
                return Err("index exists".into());
            }
        }
        Op::DropDefinedIndex { index, .. } => {
            if t.defined_indexes.get(&index.name) != Some(index) {
                return Err("no such index".into());
            }
        }
        Op::AddCheck { check, .. } => {
            if t.checks.contains_key(&autogen::model::check_key(check)) {
                return Err("check exists".into());
            }
        }
        Op::DropCheck { check, .. } => {
            if t.checks.get(&autogen::model::check_key(check)) != Some(check) {
                return Err("no such check".into());
            }
        }
        Op::AddIndex { index, .. } => {
            if t.indexes.contains_key(&index.name) {
                return Err("index exists".into());
            }
            has_cols(t, &index.columns)?;
        }
        Op::DropIndex { index, .. } => {
            if t.indexes.get(&index.name) != Some(index) {
                return Err("no such index".into());
            }
        }
        Op::AddUnique { unique, .. } => {
            if t.uniques.contains_key(&column_key(&unique.columns)) {
                return Err("unique exists".into());
            }
            has_cols(t, &unique.columns)?;
        }
        Op::DropUnique { unique, .. } => {
            if !t.uniques.contains_key(&column_key(&unique.columns)) {
                return Err("no such unique".into());
            }
            let pk_same = t
                .primary_key
                .as_ref()
                .is_some_and(|pk| pk.columns == unique.columns);
            if !pk_same && key_referenced(s, &t.name, &unique.columns) {
                return Err("a foreign key depends on this unique".into());
            }
        }
        Op::AddForeignKey {
            foreign_key: fk, ..
        } => {
            if t.foreign_keys.contains_key(&column_key(&fk.columns)) {
                return Err("foreign key exists".into());
            }
            has_cols(t, &fk.columns)?;
            let target = s
                .tables
                .get(&fk.ref_table)
                .ok_or("references a missing table")?;
            has_cols(target, &fk.ref_columns)?;
        }
        Op::DropForeignKey {
            foreign_key: fk, ..
        } => {
            if !t.foreign_keys.contains_key(&column_key(&fk.columns)) {
                return Err("no such foreign key".into());
            }
        }
        Op::AlterForeignKey { from, to, .. } => {
            if t.foreign_keys.get(&column_key(&from.columns)) != Some(from) {
                return Err("no such foreign key".into());
            }
            if from.deferrable == to.deferrable
                || (ForeignKey {
                    deferrable: from.deferrable,
                    ..to.clone()
                }) != *from
            {
                return Err("alter_foreign_key changes more than deferrability".into());
            }
        }
        Op::AlterPrimaryKey { from, to, .. } => {
            let cols =
                |pk: &Option<autogen::model::PrimaryKey>| pk.as_ref().map(|p| p.columns.clone());
            if cols(&t.primary_key) != cols(from) {
                return Err("from does not match the current primary key".into());
            }
            // A unique on the same columns keeps referencing keys valid.
            if let Some(from) = from
                && !t.uniques.contains_key(&column_key(&from.columns))
                && key_referenced(s, &t.name, &from.columns)
            {
                return Err("a foreign key depends on this primary key".into());
            }
            if let Some(to) = to {
                has_cols(t, &to.columns)?;
            }
        }
        Op::SetTableComment { from, .. } => {
            if &t.comment != from {
                return Err("from does not match the current comment".into());
            }
        }
        // Schema-level: no table to check against.
        Op::CreateEnum(_) | Op::DropEnum(_) | Op::AlterEnum { .. } => {}
        Op::CreateDomain(_) | Op::DropDomain(_) | Op::AlterDomain { .. } => {}
    }
    Ok(())
}
