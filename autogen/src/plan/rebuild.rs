//! SQLite's table rebuild: create the new shape under a temporary name, copy the rows, drop
//! the old table, rename, recreate the indexes. The runner turns foreign keys off around each
//! revision so the drop does not cascade, and checks them before commit.

use std::collections::BTreeMap;

use sea_orm::DbBackend;

use crate::backend::Backend;
use crate::model::{Schema, Table, Unique, Unmanaged, UnmanagedKind};
use crate::ops::{ColumnChange, Op};

use super::default::DefaultArg;
use super::step::Step;

/// Whether SQLite must rebuild the table for this op (it cannot ALTER it in place).
pub fn needs_sqlite_rebuild(op: &Op) -> bool {
    match op {
        // Comments, identity kinds and `ON UPDATE` do not exist on SQLite.
        Op::AlterColumn { changes, .. } => changes.iter().any(|c| {
            !matches!(
                c,
                ColumnChange::Comment | ColumnChange::Identity | ColumnChange::OnUpdate
            )
        }),
        // ADD COLUMN takes neither NOT NULL without a default, nor a key, nor a non-constant
        // default (`CURRENT_TIMESTAMP`, any expression).
        // Nor a generated column (a `STORED` one cannot be added at all, and the rebuild
        // writes every kind the same way).
        Op::AddColumn { column, .. } => {
            column.auto_increment
                || column.generated.is_some()
                || (!column.nullable && column.default.is_none())
                || column
                    .default
                    .as_deref()
                    .is_some_and(|d| !DefaultArg::of(d).is_constant())
        }
        Op::DropUnique { .. }
        | Op::AddCheck { .. }
        | Op::DropCheck { .. }
        | Op::AddForeignKey { .. }
        | Op::DropForeignKey { .. }
        | Op::AlterForeignKey { .. }
        | Op::AlterPrimaryKey { .. } => true,
        _ => false,
    }
}

/// The name a table is built under before it replaces the old one.
pub fn temp_name(table: &str) -> String {
    format!("_autogen_new_{table}")
}

/// Steps that rebuild `from` into `to` on SQLite; `renamed` maps new column names to old;
/// `state` is the schema at that point, whose unmanaged objects the rebuild must keep.
///
/// Views and triggers that mention the table are dropped first and recreated from their SQL
/// at the end (SQLite's own procedure, <https://sqlite.org/lang_altertable.html#otheralter>),
/// and so are the indexes the model cannot express. Generated columns are part of the new
/// shape (they are not copied: they compute themselves), and so are the columns' collations
/// and `WITHOUT ROWID`. A CHECK constraint the model does not hold cannot be recreated, nor
/// can a `STRICT` table (sea-query's type names, `bigint`, `varchar(n)`, are not among the
/// five a strict table takes, <https://www.sqlite.org/stricttables.html>): the rebuild then
/// refuses, with a statement that fails naming what it would lose, rather than dropping it.
pub fn rebuild_steps(
    from: &Table,
    to: &Table,
    renamed: &BTreeMap<String, String>,
    state: &Schema,
) -> Vec<Step> {
    let ident = |name: &str| Backend::Sqlite.ident(name);
    let temp = temp_name(&to.name);
    let is_strict = |u: &Unmanaged| u.kind == UnmanagedKind::TableOption && u.name == "STRICT";
    let lost: Vec<&Unmanaged> = state
        .unmanaged_on(&from.name)
        .filter(|u| u.kind == UnmanagedKind::Check || is_strict(u))
        .collect();
    let options: Vec<String> = state
        .unmanaged_on(&from.name)
        .filter(|u| u.kind == UnmanagedKind::TableOption)
        .map(|u| u.name.clone())
        .collect();
    if !lost.is_empty() {
        let what: Vec<String> = lost
            .iter()
            .map(|u| format!("{} {}", u.kind.label(), u.name))
            .collect();
        let refusal = format!(
            "autogen refuses to rebuild table {} on SQLite: it would drop {}; write this step by hand",
            from.name,
            what.join(", ")
        );
        return vec![
            Step::Warning(refusal.clone()),
            Step::OnlyOn(
                DbBackend::Sqlite,
                vec![Step::Raw(format!("SELECT * FROM {}", ident(&refusal)))],
            ),
        ];
    }
    let kept = dependents(state, &from.name);
    // Uniques SQLite made from a table constraint stay constraints (SQLite names them after the
    // table, in declaration order); named unique indexes are recreated as such, keeping names.
    let named: Vec<&Unique> = to.uniques.values().filter(|u| !is_autoindex(u)).collect();
    let mut shape = to.clone();
    shape.uniques.retain(|_, u| is_autoindex(u));
    let mut inner: Vec<Step> = kept
        .iter()
        .filter(|u| u.kind != UnmanagedKind::Index)
        .map(|u| {
            let kind = if u.kind == UnmanagedKind::View {
                "VIEW"
            } else {
                "TRIGGER"
            };
            Step::Raw(format!("DROP {kind} IF EXISTS {}", ident(&u.name)))
        })
        .collect();
    inner.extend(super::deferrable::sqlite_create_table(
        &shape, &temp, options,
    ));
    // Step 1: copy every column that existed before (under its old name); generated columns
    // compute their own values and take none.
    let (targets, sources): (Vec<String>, Vec<String>) = to
        .columns
        .iter()
        .filter(|c| c.generated.is_none())
        .filter_map(|c| {
            let source = renamed.get(&c.name).unwrap_or(&c.name);
            from.column(source).map(|_| (ident(&c.name), ident(source)))
        })
        .unzip();
    if !targets.is_empty() {
        inner.push(Step::Raw(format!(
            "INSERT INTO {} ({}) SELECT {} FROM {}",
            ident(&temp),
            targets.join(", "),
            sources.join(", "),
            ident(&from.name)
        )));
    }
    // Step 2: swap the tables, then recreate the indexes (they went with the old table).
    inner.push(Step::DropTable {
        name: from.name.clone(),
    });
    inner.push(Step::RenameTable {
        from: temp,
        to: to.name.clone(),
    });
    for unique in named {
        inner.push(Step::CreateIndex {
            table: to.name.clone(),
            name: unique.name.clone(),
            columns: unique.columns.clone(),
            unique: true,
            concurrently: false,
        });
    }
    for index in to.indexes.values() {
        inner.push(Step::CreateIndex {
            table: to.name.clone(),
            name: index.name.clone(),
            columns: index.columns.clone(),
            unique: false,
            concurrently: false,
        });
    }
    // Indexes kept as SQL, then views, then triggers (a trigger may use a view).
    inner.extend(
        to.defined_indexes
            .values()
            .filter_map(|ix| ix.sql_for(Backend::Sqlite))
            .map(|sql| Step::Raw(sql.to_owned())),
    );
    let mut recreate = kept.clone();
    recreate.sort_by_key(|u| match u.kind {
        UnmanagedKind::Index => 0,
        UnmanagedKind::View => 1,
        _ => 2,
    });
    inner.extend(
        recreate
            .into_iter()
            .filter_map(|u| u.sql.clone())
            .map(Step::Raw),
    );
    vec![
        Step::Comment(format!(
            "SQLite cannot alter {:?} in place: rebuild it, keeping its rows.",
            to.name
        )),
        Step::OnlyOn(DbBackend::Sqlite, inner),
    ]
}

/// Whether SQLite made this unique from a table constraint (`sqlite_autoindex_<table>_<n>`).
fn is_autoindex(unique: &Unique) -> bool {
    unique
        .name
        .to_ascii_lowercase()
        .starts_with("sqlite_autoindex_")
}

/// `steps` kept away from SQLite: steps that already skip it stay as they are, the others are
/// grouped into `ExceptOn(Sqlite, ..)`.
pub fn except_sqlite(steps: Vec<Step>) -> Vec<Step> {
    let mut out = Vec::new();
    let mut group = Vec::new();
    for step in steps {
        if step.skips(DbBackend::Sqlite) {
            if !group.is_empty() {
                out.push(Step::ExceptOn(
                    DbBackend::Sqlite,
                    std::mem::take(&mut group),
                ));
            }
            out.push(step);
        } else {
            group.push(step);
        }
    }
    if !group.is_empty() {
        out.push(Step::ExceptOn(DbBackend::Sqlite, group));
    }
    out
}

/// The unmanaged objects a rebuild of `table` would lose, with the SQL to recreate them: its
/// own unmanaged indexes and triggers, and every view or trigger whose SQL mentions it.
fn dependents<'a>(state: &'a Schema, table: &str) -> Vec<&'a Unmanaged> {
    let needle = table.to_lowercase();
    state
        .unmanaged
        .iter()
        .filter(|u| u.sql.is_some())
        .filter(|u| match u.kind {
            UnmanagedKind::Index => u.table.as_deref() == Some(table),
            UnmanagedKind::View | UnmanagedKind::Trigger => {
                u.table.as_deref() == Some(table)
                    || u.sql
                        .as_deref()
                        .is_some_and(|s| s.to_lowercase().contains(&needle))
            }
            _ => false,
        })
        .collect()
}
