//! Assembles a whole migration file from ops.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::Schema;
use crate::model::apply::apply_all;
use crate::ops::{Op, reverse_all};
use crate::revision::{NewRevision, render, rustfmt};

use super::code::Code;
use super::op::{needs_sqlite_rebuild, op_code};
use super::rebuild::sqlite_rebuild;

/// What a generated migration is made of.
pub struct RenderInput<'a> {
    /// Header and metadata (bodies and imports are filled in here).
    pub revision: NewRevision,
    /// Upgrade ops, in order.
    pub ops: &'a [Op],
    /// The schema the upgrade starts from (needed to rebuild SQLite tables).
    pub before: &'a Schema,
}

/// The rustfmt-formatted source of the migration file; byte-identical for equal input.
pub fn render_migration(input: RenderInput<'_>) -> String {
    let after = {
        let mut s = input.before.clone();
        apply_all(&mut s, input.ops);
        s
    };
    let down_ops = reverse_all(input.ops);
    let mut imports = Code::default();
    let up = body(input.ops, input.before, &after);
    let down = body(&down_ops, &after, input.before);
    let up_body = imports.absorb(up);
    let down_body = imports.absorb(down);
    let mut revision = input.revision;
    revision.up_body = up_body;
    revision.down_body = down_body;
    revision.extra_imports = import_lines(&imports);
    rustfmt(&render(&revision))
}

fn import_lines(code: &Code) -> Vec<String> {
    let mut lines = Vec::new();
    if !code.sea_query.is_empty() {
        let items: Vec<&str> = code.sea_query.iter().copied().collect();
        lines.push(format!(
            "use sea_orm_migration::sea_query::{{{}}};",
            items.join(", ")
        ));
    }
    if !code.sea_orm.is_empty() {
        let items: Vec<&str> = code.sea_orm.iter().copied().collect();
        lines.push(format!(
            "use sea_orm_migration::sea_orm::{{{}}};",
            items.join(", ")
        ));
    }
    lines
}

/// Statements for `ops`, turning `before` into `after`.
fn body(ops: &[Op], before: &Schema, after: &Schema) -> Code {
    let rebuild: BTreeSet<&str> = ops
        .iter()
        .filter(|op| needs_sqlite_rebuild(op))
        .map(|op| op.table())
        .collect();
    let mut code = Code::default();
    let mut rebuilt = BTreeSet::new();
    for op in ops {
        code.push(format!("// {}", op.describe()));
        if let Some(warning) = op.is_destructive() {
            code.push(format!("// WARNING: {warning}"));
        }
        let table = op.table();
        let mut one = op_code(op);
        if rebuild.contains(table) {
            if rebuilt.insert(table.to_string()) {
                let (Some(b), Some(a)) = (before.tables.get(table), after.tables.get(table)) else {
                    panic!("rebuilt table {table} exists before and after");
                };
                let part = sqlite_rebuild(b, a, &renames(ops, table));
                let text = code.absorb(part);
                code.push(text);
            }
            // On SQLite the rebuild above already produced the final table.
            let inner = code.absorb(std::mem::take(&mut one));
            code.sea_orm.insert("DbBackend");
            code.push(format!(
                "if manager.get_database_backend() != DbBackend::Sqlite {{\n{inner}\n}}"
            ));
        } else {
            let text = code.absorb(one);
            code.push(text);
        }
    }
    code
}

/// New name → old name for the columns renamed on `table`.
fn renames(ops: &[Op], table: &str) -> BTreeMap<String, String> {
    ops.iter()
        .filter_map(|op| match op {
            Op::RenameColumn { table: t, from, to } if t == table => {
                Some((to.clone(), from.clone()))
            }
            _ => None,
        })
        .collect()
}
