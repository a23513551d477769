//! One human line per op, for `check` output and migration comments.

use super::{ColumnChange, Op, type_name};
use crate::model::{Column, FkAction, ForeignKey, PrimaryKey};

impl Op {
    /// One human-readable line, e.g. `add column user.avatar_url (varchar(255) NULL)`.
    pub fn describe(&self) -> String {
        let text = self.describe_object();
        if self.concurrently() {
            format!("{text}, CONCURRENTLY on PostgreSQL")
        } else {
            text
        }
    }

    fn describe_object(&self) -> String {
        match self {
            Op::AddTable(t) => {
                let n = t.columns.len();
                let plural = if n == 1 { "" } else { "s" };
                format!("add table \"{}\" ({n} column{plural})", t.name)
            }
            Op::DropTable(t) => format!("drop table \"{}\"", t.name),
            Op::AddColumn { table, column } => {
                format!(
                    "add column {table}.{} ({})",
                    column.name,
                    column_summary(column)
                )
            }
            Op::DropColumn { table, column } => {
                format!(
                    "drop column {table}.{} ({})",
                    column.name,
                    column_summary(column)
                )
            }
            Op::AlterColumn {
                table,
                from,
                to,
                changes,
            } => {
                let parts: Vec<String> =
                    changes.iter().map(|c| change_text(*c, from, to)).collect();
                format!("alter column {table}.{}: {}", to.name, parts.join(", "))
            }
            Op::AddIndex { table, index, .. } => format!(
                "add index {} on {table} ({})",
                index.name,
                index.columns.join(", ")
            ),
            Op::DropIndex { table, index, .. } => format!(
                "drop index {} on {table} ({})",
                index.name,
                index.columns.join(", ")
            ),
            Op::AddDefinedIndex { table, index } => {
                format!("add index {} on {table}: {}", index.name, index.sql)
            }
            Op::DropDefinedIndex { table, index } => {
                format!("drop index {} on {table}: {}", index.name, index.sql)
            }
            Op::AddCheck { table, check } => {
                format!("add check {} on {table}: {}", check.name, check.expression)
            }
            Op::DropCheck { table, check } => {
                format!("drop check {} on {table}: {}", check.name, check.expression)
            }
            Op::AddUnique { table, unique, .. } => format!(
                "add unique {} on {table} ({})",
                unique.name,
                unique.columns.join(", ")
            ),
            Op::DropUnique { table, unique, .. } => format!(
                "drop unique {} on {table} ({})",
                unique.name,
                unique.columns.join(", ")
            ),
            Op::AddForeignKey { table, foreign_key } => {
                format!("add foreign key {}", fk_summary(table, foreign_key))
            }
            Op::DropForeignKey { table, foreign_key } => {
                format!("drop foreign key {}", fk_summary(table, foreign_key))
            }
            Op::AlterForeignKey { table, from, to } => format!(
                "alter foreign key {} on {table} ({}): {} -> {}",
                to.name,
                to.columns.join(", "),
                from.deferrable.sql(),
                to.deferrable.sql()
            ),
            Op::AlterPrimaryKey { table, from, to } => format!(
                "alter primary key on {table}: {} -> {}",
                pk_summary(from),
                pk_summary(to)
            ),
            Op::RenameColumn { table, from, to } => {
                format!("rename column {table}.{from} -> {to}")
            }
            Op::RenameTable { from, to } => format!("rename table {from} -> {to}"),
            Op::CreateEnum(e) => format!("create enum type {} ({})", e.name, e.values.join(", ")),
            Op::DropEnum(e) => format!("drop enum type {} ({})", e.name, e.values.join(", ")),
            Op::AlterEnum { name, from, to } => format!(
                "alter enum type {name}: ({}) -> ({})",
                from.join(", "),
                to.join(", ")
            ),
            Op::CreateDomain(d) => format!("create domain {}", domain_summary(d)),
            Op::DropDomain(d) => format!("drop domain {}", domain_summary(d)),
            Op::AlterDomain { from, to } => format!(
                "alter domain {}: {} -> {}",
                to.name,
                domain_summary(from),
                domain_summary(to)
            ),
            Op::SetTableComment { table, from, to } => format!(
                "alter comment on table \"{table}\": {} -> {}",
                opt_text(from),
                opt_text(to)
            ),
        }
    }
}

/// `varchar(255) NOT NULL DEFAULT 'x' auto_increment`.
fn column_summary(c: &Column) -> String {
    let mut s = format!("{} {}", type_name(&c.col_type), null_text(c.nullable));
    if let Some(d) = &c.default {
        s.push_str(&format!(" DEFAULT {d}"));
    }
    if let Some(on_update) = &c.on_update {
        s.push_str(&format!(" {}", on_update.sql()));
    }
    if c.auto_increment {
        s.push_str(" auto_increment");
    }
    if let Some(g) = &c.generated {
        s.push_str(&format!(" {}", g.sql()));
    }
    s
}

fn null_text(nullable: bool) -> &'static str {
    if nullable { "NULL" } else { "NOT NULL" }
}

fn opt_text(v: &Option<String>) -> String {
    match v {
        Some(v) => format!("{v:?}"),
        None => "none".into(),
    }
}

/// The part of an alter line for one change kind.
fn change_text(change: ColumnChange, from: &Column, to: &Column) -> String {
    match change {
        ColumnChange::Type => {
            let ty = |c: &Column| {
                let base = type_name(&c.col_type);
                if c.auto_increment {
                    format!("{base} auto_increment")
                } else {
                    base
                }
            };
            format!("type {} -> {}", ty(from), ty(to))
        }
        ColumnChange::Nullable => {
            format!("{} -> {}", null_text(from.nullable), null_text(to.nullable))
        }
        ColumnChange::Default => {
            let d = |c: &Column| c.default.clone().unwrap_or_else(|| "none".into());
            format!("default {} -> {}", d(from), d(to))
        }
        ColumnChange::Identity => {
            let id = |c: &Column| {
                c.identity
                    .map(|i| i.label())
                    .unwrap_or_else(|| "none".into())
            };
            format!("{} -> {}", id(from), id(to))
        }
        ColumnChange::OnUpdate => {
            let on = |c: &Column| {
                c.on_update
                    .map(|o| o.label())
                    .unwrap_or_else(|| "none".into())
            };
            format!("on update {} -> {}", on(from), on(to))
        }
        ColumnChange::Generated => {
            let g = |c: &Column| {
                c.generated
                    .as_ref()
                    .map(|g| g.sql())
                    .unwrap_or_else(|| "not generated".into())
            };
            format!("{} -> {}", g(from), g(to))
        }
        ColumnChange::Comment => {
            format!(
                "comment {} -> {}",
                opt_text(&from.comment),
                opt_text(&to.comment)
            )
        }
    }
}

fn fk_summary(table: &str, fk: &ForeignKey) -> String {
    let mut s = format!(
        "{} on {table} ({}) -> {} ({})",
        fk.name,
        fk.columns.join(", "),
        fk.ref_table,
        fk.ref_columns.join(", ")
    );
    if fk.on_delete != FkAction::NoAction {
        s.push_str(&format!(" ON DELETE {}", action_sql(fk.on_delete)));
    }
    if fk.on_update != FkAction::NoAction {
        s.push_str(&format!(" ON UPDATE {}", action_sql(fk.on_update)));
    }
    if !fk.deferrable.is_no() {
        s.push_str(&format!(" {}", fk.deferrable.sql()));
    }
    s
}

/// The SQL spelling of a referential action.
pub(crate) fn action_sql(a: FkAction) -> &'static str {
    match a {
        FkAction::NoAction => "NO ACTION",
        FkAction::Restrict => "RESTRICT",
        FkAction::Cascade => "CASCADE",
        FkAction::SetNull => "SET NULL",
        FkAction::SetDefault => "SET DEFAULT",
    }
}

fn pk_summary(pk: &Option<PrimaryKey>) -> String {
    match pk {
        Some(pk) => format!("({})", pk.columns.join(", ")),
        None => "none".into(),
    }
}

/// `email (text, default 'x', not null, check email_at (VALUE ~ '@'))`.
fn domain_summary(d: &crate::model::Domain) -> String {
    let mut parts = vec![crate::ops::type_name(&d.base)];
    if let Some(c) = &d.collation {
        parts.push(format!("collate {c}"));
    }
    if let Some(x) = &d.default {
        parts.push(format!("default {x}"));
    }
    if d.not_null {
        parts.push("not null".into());
    }
    for c in d.checks.values() {
        parts.push(format!("check {} ({})", c.name, c.expression));
    }
    format!("{} ({})", d.name, parts.join(", "))
}
