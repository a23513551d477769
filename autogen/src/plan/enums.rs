//! PostgreSQL enum types: create, drop, and change their values.
//!
//! Values are added with `ALTER TYPE .. ADD VALUE [BEFORE|AFTER]`, which is cheap (no table
//! rewrite). PostgreSQL 12+ runs it inside the revision's transaction, but a value added there
//! cannot be used before the transaction commits ("unsafe use of new value",
//! <https://www.postgresql.org/docs/current/sql-altertype.html>). So when the same migration
//! uses an added value (a default, a check, an index predicate), or values are removed or
//! reordered, the type is rebuilt instead: renamed away, created anew, every column moved
//! over with `USING col::text::type`, the old type dropped. That runs in one transaction on
//! every version and the new values are usable at once. MySQL restates each column's inline
//! `ENUM(..)`; SQLite has no enums (text).

use sea_orm::DbBackend;

use crate::backend::Backend;
use crate::model::{ColumnType, EnumType, Schema};
use crate::ops::Op;

use super::step::Step;

const PG: Backend = Backend::Postgres;

/// `CREATE TYPE "n" AS ENUM ('a', 'b')`.
pub fn create_sql(e: &EnumType) -> String {
    let values: Vec<String> = e.values.iter().map(|v| PG.string(v)).collect();
    format!(
        "CREATE TYPE {} AS ENUM ({})",
        PG.ident(&e.name),
        values.join(", ")
    )
}

/// `DROP TYPE "n"`.
pub fn drop_sql(name: &str) -> String {
    format!("DROP TYPE {}", PG.ident(name))
}

/// Steps for `CreateEnum` / `DropEnum`: PostgreSQL only.
pub fn create_or_drop_steps(op: &Op) -> Vec<Step> {
    let sql = match op {
        Op::CreateEnum(e) => create_sql(e),
        Op::DropEnum(e) => drop_sql(&e.name),
        _ => return Vec::new(),
    };
    vec![Step::OnlyOn(DbBackend::Postgres, vec![Step::Raw(sql)])]
}

/// Steps for `AlterEnum { name, from, to }`, given the schema it starts from and the ops that
/// follow it in the same migration.
pub fn alter_steps(
    name: &str,
    from: &[String],
    to: &[String],
    state: &Schema,
    later: &[Op],
) -> Vec<Step> {
    let added: Vec<&String> = to.iter().filter(|v| !from.contains(v)).collect();
    let pg =
        if keeps_order(from, to) && !added.iter().any(|v| later.iter().any(|op| mentions(op, v))) {
            add_values(name, from, to)
        } else {
            rebuild(name, to, state)
        };
    let mut arms = vec![(DbBackend::Postgres, pg)];
    let mysql: Vec<Step> = state
        .enum_users(name)
        .into_iter()
        .filter_map(|(table, column)| {
            let mut c = state.tables.get(&table)?.column(&column)?.clone();
            c.col_type = ColumnType::Enum {
                name: name.to_owned(),
                values: to.to_vec(),
            };
            Some(Step::ModifyColumn { table, column: c })
        })
        .collect();
    if !mysql.is_empty() {
        arms.push((DbBackend::MySql, mysql));
    }
    vec![Step::Match(arms)]
}

/// Whether `to` is `from` with values inserted (nothing removed, nothing moved).
fn keeps_order(from: &[String], to: &[String]) -> bool {
    let kept: Vec<&String> = to.iter().filter(|v| from.contains(v)).collect();
    kept.len() == from.len() && kept.iter().zip(from).all(|(a, b)| *a == b)
}

/// `ALTER TYPE .. ADD VALUE`, each new value placed before the next value that already exists
/// (at the end when none follows).
fn add_values(name: &str, from: &[String], to: &[String]) -> Vec<Step> {
    let mut steps = vec![Step::Comment(
        "ALTER TYPE .. ADD VALUE runs in this revision's transaction (PostgreSQL 12+); the new values can be used once it commits".into(),
    )];
    for (i, v) in to.iter().enumerate() {
        if from.contains(v) {
            continue;
        }
        let place = match to[i + 1..].iter().find(|next| from.contains(next)) {
            Some(next) => format!(" BEFORE {}", PG.string(next)),
            None => String::new(),
        };
        steps.push(Step::Raw(format!(
            "ALTER TYPE {} ADD VALUE {}{place}",
            PG.ident(name),
            PG.string(v)
        )));
    }
    steps
}

/// The name the old type is kept under while its columns move to the new one.
pub fn old_name(name: &str) -> String {
    format!("{name}_autogen_old")
}

/// Rename the type away, create it with the new values, move every column of `state` that
/// uses it (its default dropped first and restored after, unless it names a value that is
/// gone), drop the old type.
fn rebuild(name: &str, to: &[String], state: &Schema) -> Vec<Step> {
    let old = old_name(name);
    let mut sql = vec![
        format!("ALTER TYPE {} RENAME TO {}", PG.ident(name), PG.ident(&old)),
        create_sql(&EnumType {
            name: name.to_owned(),
            values: to.to_vec(),
        }),
    ];
    for (table, column) in state.enum_users(name) {
        let default = state
            .tables
            .get(&table)
            .and_then(|t| t.column(&column))
            .and_then(|c| c.default.clone());
        let alter = format!(
            "ALTER TABLE {} ALTER COLUMN {}",
            PG.ident(&table),
            PG.ident(&column)
        );
        if default.is_some() {
            sql.push(format!("{alter} DROP DEFAULT"));
        }
        sql.push(format!(
            "{alter} TYPE {ty} USING {}::text::{ty}",
            PG.ident(&column),
            ty = PG.ident(name)
        ));
        if let Some(d) = default {
            let gone = |v: &String| d.contains(&PG.string(v)) && !to.contains(v);
            let old_values: Vec<String> = state
                .enums
                .get(name)
                .map(|e| e.values.clone())
                .unwrap_or_default();
            if !old_values.iter().any(gone) {
                sql.push(format!("{alter} SET DEFAULT {d}"));
            }
        }
    }
    sql.push(drop_sql(&old));
    sql.into_iter().map(Step::Raw).collect()
}

/// Whether `op` writes the string literal `value` (in a default, a check or an index).
fn mentions(op: &Op, value: &str) -> bool {
    let lit = PG.string(value);
    let has = |s: &Option<String>| s.as_deref().is_some_and(|s| s.contains(&lit));
    match op {
        Op::AddColumn { column, .. } => has(&column.default),
        Op::AlterColumn { to, .. } => has(&to.default),
        Op::AddTable(t) => {
            t.columns.iter().any(|c| has(&c.default))
                || t.checks.values().any(|c| c.expression.contains(&lit))
        }
        Op::AddCheck { check, .. } => check.expression.contains(&lit),
        Op::AddDefinedIndex { index, .. } => index
            .sql_for(crate::backend::Backend::Postgres)
            .is_some_and(|s| s.contains(&lit)),
        _ => false,
    }
}
