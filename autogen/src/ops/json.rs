//! A stable JSON form of an op, for `check --json` and tooling.

use serde_json::{Value, json};

use super::{ColumnChange, Op, hazards_for};
use crate::backend::Backend;
use crate::model::{Deferrable, Domain, FkAction, PrimaryKey};

/// The JSON of each op with its `"hazards"` on `backend` (`[]` when none), as `check` and
/// `diff --format json` print them.
pub fn ops_json(ops: &[Op], backend: Backend) -> Vec<Value> {
    ops.iter()
        .zip(hazards_for(ops))
        .map(|(op, hazards)| {
            let mut v = op.to_json();
            let listed: Vec<Value> = hazards
                .iter()
                .filter(|h| h.applies_to(backend))
                .map(|h| h.to_json())
                .collect();
            v.as_object_mut()
                .expect("object")
                .insert("hazards".into(), Value::Array(listed));
            v
        })
        .collect()
}

impl Op {
    /// The vocabulary name of this op kind (`add_table`, `alter_column`, ...).
    pub fn kind(&self) -> &'static str {
        match self {
            Op::AddTable(_) => "add_table",
            Op::DropTable(_) => "drop_table",
            Op::AddColumn { .. } => "add_column",
            Op::DropColumn { .. } => "drop_column",
            Op::AlterColumn { .. } => "alter_column",
            Op::AddIndex { .. } => "add_index",
            Op::DropIndex { .. } => "drop_index",
            Op::AddUnique { .. } => "add_unique",
            Op::DropUnique { .. } => "drop_unique",
            Op::AddForeignKey { .. } => "add_foreign_key",
            Op::DropForeignKey { .. } => "drop_foreign_key",
            Op::AlterForeignKey { .. } => "alter_foreign_key",
            Op::AlterPrimaryKey { .. } => "alter_primary_key",
            Op::RenameColumn { .. } => "rename_column",
            Op::RenameTable { .. } => "rename_table",
            Op::AddDefinedIndex { .. } => "add_index",
            Op::DropDefinedIndex { .. } => "drop_index",
            Op::AddCheck { .. } => "add_check",
            Op::DropCheck { .. } => "drop_check",
            Op::SetTableComment { .. } => "set_table_comment",
            Op::CreateEnum(_) => "create_enum",
            Op::DropEnum(_) => "drop_enum",
            Op::AlterEnum { .. } => "alter_enum",
            Op::CreateDomain(_) => "create_domain",
            Op::DropDomain(_) => "drop_domain",
            Op::AlterDomain { .. } => "alter_domain",
        }
    }

    /// `{"op": kind, "table": ..., "column"|"name": ..., ...}` plus `"warning"` when destructive.
    /// An enum type or a domain belongs to no table: its `table` is `null`.
    pub fn to_json(&self) -> Value {
        let table = Some(self.table()).filter(|t| !t.is_empty());
        let mut v = json!({ "op": self.kind(), "table": table });
        let extra = match self {
            Op::AddTable(t) | Op::DropTable(t) => json!({
                "columns": t.columns.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
            }),
            Op::AddColumn { column, .. } | Op::DropColumn { column, .. } => match &column.generated
            {
                Some(g) => json!({
                    "column": column.name,
                    "generated": { "expression": g.expression, "stored": g.stored },
                }),
                None => json!({ "column": column.name }),
            },
            Op::AlterColumn { to, changes, .. } => json!({
                "column": to.name,
                "changes": changes.iter().map(|c| change_name(*c)).collect::<Vec<_>>(),
            }),
            Op::AddIndex { index, .. } | Op::DropIndex { index, .. } => {
                json!({ "name": index.name, "columns": index.columns })
            }
            Op::AddDefinedIndex { index, .. } | Op::DropDefinedIndex { index, .. } => {
                json!({ "name": index.name, "definition": index.sql })
            }
            Op::AddCheck { check, .. } | Op::DropCheck { check, .. } => {
                json!({ "name": check.name, "expression": check.expression })
            }
            Op::AddUnique { unique, .. } | Op::DropUnique { unique, .. } => {
                json!({ "name": unique.name, "columns": unique.columns })
            }
            Op::AddForeignKey {
                foreign_key: fk, ..
            }
            | Op::DropForeignKey {
                foreign_key: fk, ..
            } => {
                let mut v = json!({
                    "name": fk.name,
                    "columns": fk.columns,
                    "ref_table": fk.ref_table,
                    "ref_columns": fk.ref_columns,
                    "on_delete": action_name(fk.on_delete),
                    "on_update": action_name(fk.on_update),
                });
                // Only a deferrable key says so (`NOT DEFERRABLE` is the default).
                if !fk.deferrable.is_no() {
                    v["deferrable"] = json!(deferrable_name(fk.deferrable));
                }
                v
            }
            Op::AlterForeignKey { from, to, .. } => json!({
                "name": to.name,
                "columns": to.columns,
                "from": deferrable_name(from.deferrable),
                "to": deferrable_name(to.deferrable),
            }),
            Op::AlterPrimaryKey { from, to, .. } => json!({
                "from": pk_columns(from),
                "to": pk_columns(to),
            }),
            Op::RenameColumn { from, to, .. } => json!({ "column": to, "from": from }),
            Op::RenameTable { from, .. } => json!({ "from": from }),
            Op::SetTableComment { from, to, .. } => json!({ "from": from, "to": to }),
            Op::CreateEnum(e) | Op::DropEnum(e) => json!({ "name": e.name, "values": e.values }),
            Op::AlterEnum { name, from, to } => json!({
                "name": name,
                "from": from,
                "to": to,
                "added": to.iter().filter(|v| !from.contains(v)).collect::<Vec<_>>(),
                "removed": from.iter().filter(|v| !to.contains(v)).collect::<Vec<_>>(),
            }),
            Op::CreateDomain(d) | Op::DropDomain(d) => domain_json(d),
            Op::AlterDomain { from, to } => json!({
                "name": to.name,
                "from": domain_json(from),
                "to": domain_json(to),
            }),
        };
        let obj = v.as_object_mut().expect("object literal");
        if let Value::Object(extra) = extra {
            obj.extend(extra);
        }
        if let Some(w) = self.is_destructive() {
            obj.insert("warning".into(), Value::String(w));
        }
        v
    }
}

/// `{"name", "base_type", "default", "not_null", "checks": [{"name", "expression"}],
/// "collation"}` of a domain.
fn domain_json(d: &Domain) -> Value {
    json!({
        "name": d.name,
        "base_type": crate::ops::type_name(&d.base),
        "default": d.default,
        "not_null": d.not_null,
        "checks": d.checks.values().map(|c| json!({ "name": c.name, "expression": c.expression })).collect::<Vec<_>>(),
        "collation": d.collation,
    })
}

/// The vocabulary name of a column change (`type`, `nullable`, `default`, `comment`,
/// `identity`, `on_update`, `generated`).
fn change_name(c: ColumnChange) -> &'static str {
    match c {
        ColumnChange::Type => "type",
        ColumnChange::Nullable => "nullable",
        ColumnChange::Default => "default",
        ColumnChange::Comment => "comment",
        ColumnChange::Identity => "identity",
        ColumnChange::OnUpdate => "on_update",
        ColumnChange::Generated => "generated",
    }
}

fn action_name(a: FkAction) -> &'static str {
    match a {
        FkAction::NoAction => "no_action",
        FkAction::Restrict => "restrict",
        FkAction::Cascade => "cascade",
        FkAction::SetNull => "set_null",
        FkAction::SetDefault => "set_default",
    }
}

/// `not_deferrable`, `initially_immediate` or `initially_deferred`.
fn deferrable_name(d: Deferrable) -> &'static str {
    match d {
        Deferrable::No => "not_deferrable",
        Deferrable::InitiallyImmediate => "initially_immediate",
        Deferrable::InitiallyDeferred => "initially_deferred",
    }
}

fn pk_columns(pk: &Option<PrimaryKey>) -> Value {
    match pk {
        Some(pk) => json!(pk.columns),
        None => Value::Null,
    }
}
