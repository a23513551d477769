//! Foreign keys → the `Relation` enum (`belongs_to` on the referencing side, `has_many` on
//! the referenced side when it is unambiguous) and the `Related` impls, including
//! many-to-many through link tables, as sea-orm-cli writes them.

use std::collections::BTreeMap;

use super::Names;
use super::column::lit;
use super::names::camel;
use crate::model::{FkAction, ForeignKey, Schema, Table};

/// One variant of a `Relation` enum.
struct Variant {
    name: String,
    attr: String,
}

/// The `Relation` enum and `Related` impls of `table`.
pub fn relation_source(schema: &Schema, names: &Names, table: &Table) -> String {
    let me = &table.name;
    let mut variants: Vec<Variant> = Vec::new();
    // Related<target> -> (to, via)
    let mut related: BTreeMap<String, (String, Option<String>)> = BTreeMap::new();

    for fk in table.foreign_keys.values() {
        if !names.modules.contains_key(&fk.ref_table) {
            continue; // reported by the caller
        }
        let name = belongs_to_variant(table, fk, names);
        let target = entity_path(names, me, &fk.ref_table);
        let mut attr = belongs_to_attr(names, me, fk, &target);
        // A name other than sea-orm's own (`fk-<table>-<columns>`) is compared, so it is
        // written; SQLite keeps none.
        if !schema.fk_names_unkept && fk.name != format!("fk-{me}-{}", fk.columns.join("-")) {
            attr.push_str(&format!(", fk_name = {}", lit(&fk.name)));
        }
        if fk.ref_table != *me && fks_to(table, &fk.ref_table) == 1 {
            related.insert(target.clone(), (format!("Relation::{name}.def()"), None));
        }
        variants.push(Variant { name, attr });
    }
    for other in schema.tables.values() {
        if other.name == *me || !names.modules.contains_key(&other.name) {
            continue;
        }
        // has_many needs the other side's `Related<Self>`: exactly one key pointing here.
        if fks_to(other, me) == 1 && fks_to(table, &other.name) == 0 {
            let name = camel(&names.modules[&other.name]);
            let target = entity_path(names, me, &other.name);
            related.insert(target.clone(), (format!("Relation::{name}.def()"), None));
            variants.push(Variant {
                name,
                attr: format!("has_many = {}", lit(&target)),
            });
        }
    }
    // Many-to-many through link tables whose primary key is their two foreign keys.
    for link in schema.tables.values() {
        let Some((a, b)) = link_ends(link) else {
            continue;
        };
        if !names.modules.contains_key(&link.name) {
            continue;
        }
        for (from, to) in [(a.clone(), b.clone()), (b, a)] {
            if from != *me || !names.modules.contains_key(&to) {
                continue;
            }
            let target = entity_path(names, me, &to);
            let link_mod = &names.modules[&link.name];
            related.entry(target).or_insert_with(|| {
                (
                    format!(
                        "super::{link_mod}::Relation::{}.def()",
                        camel(&names.modules[&to])
                    ),
                    Some(format!(
                        "super::{link_mod}::Relation::{}.def().rev()",
                        camel(&names.modules[&from])
                    )),
                )
            });
        }
    }

    let mut out = String::from(
        "#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]\npub enum Relation {\n",
    );
    for v in &variants {
        out.push_str(&format!("#[sea_orm({})]\n{},\n", v.attr, v.name));
    }
    out.push_str("}\n");
    for (target, (to, via)) in &related {
        out.push_str(&format!(
            "\nimpl Related<{target}> for Entity {{\nfn to() -> RelationDef {{\n{to}\n}}\n"
        ));
        if let Some(via) = via {
            out.push_str(&format!(
                "fn via() -> Option<RelationDef> {{\nSome({via})\n}}\n"
            ));
        }
        out.push_str("}\n");
    }
    out
}

/// How many foreign keys of `table` reference `target`.
fn fks_to(table: &Table, target: &str) -> usize {
    table
        .foreign_keys
        .values()
        .filter(|fk| fk.ref_table == target)
        .count()
}

/// The two tables a link table joins: its primary key is exactly the columns of its two
/// foreign keys, which reference two different tables.
fn link_ends(link: &Table) -> Option<(String, String)> {
    let pk = link.primary_key.as_ref()?;
    let fks: Vec<&ForeignKey> = link.foreign_keys.values().collect();
    let [x, y] = fks.as_slice() else {
        return None;
    };
    if x.ref_table == y.ref_table || x.ref_table == link.name || y.ref_table == link.name {
        return None;
    }
    let mut key: Vec<&String> = pk.columns.iter().collect();
    let mut cols: Vec<&String> = x.columns.iter().chain(&y.columns).collect();
    key.sort();
    cols.sort();
    (key == cols).then(|| (x.ref_table.clone(), y.ref_table.clone()))
}

/// `Entity` for the table itself, `super::<module>::Entity` for another.
fn entity_path(names: &Names, me: &str, target: &str) -> String {
    if target == me {
        "Entity".into()
    } else {
        format!("super::{}::Entity", names.modules[target])
    }
}

/// The variant name: the target's name when this is the only key to it, else qualified by
/// the key's columns (`SelfRef` for a self-reference, as sea-orm-cli says).
fn belongs_to_variant(table: &Table, fk: &ForeignKey, names: &Names) -> String {
    let base = if fk.ref_table == table.name {
        "SelfRef".to_string()
    } else {
        camel(&names.modules[&fk.ref_table])
    };
    if fks_to(table, &fk.ref_table) == 1 {
        base
    } else {
        format!("{base}{}", camel(&fk.columns.join("_")))
    }
}

fn belongs_to_attr(names: &Names, me: &str, fk: &ForeignKey, target: &str) -> String {
    let cols = |table: &str, columns: &[String], prefix: &str| {
        let list: Vec<String> = columns
            .iter()
            .map(|c| format!("{prefix}Column::{}", camel(&names.field(table, c))))
            .collect();
        if list.len() == 1 {
            list[0].clone()
        } else {
            format!("({})", list.join(", "))
        }
    };
    let ref_prefix = if fk.ref_table == me {
        String::new()
    } else {
        format!("super::{}::", names.modules[&fk.ref_table])
    };
    let mut attr = format!(
        "belongs_to = {}, from = {}, to = {}",
        lit(target),
        lit(&cols(me, &fk.columns, "")),
        lit(&cols(&fk.ref_table, &fk.ref_columns, &ref_prefix)),
    );
    for (key, action) in [("on_update", fk.on_update), ("on_delete", fk.on_delete)] {
        if action != FkAction::NoAction {
            attr.push_str(&format!(", {key} = {}", lit(action_name(action))));
        }
    }
    attr
}

fn action_name(a: FkAction) -> &'static str {
    match a {
        FkAction::NoAction => "NoAction",
        FkAction::Restrict => "Restrict",
        FkAction::Cascade => "Cascade",
        FkAction::SetNull => "SetNull",
        FkAction::SetDefault => "SetDefault",
    }
}
