//! What a sea-orm attribute cannot say → `impl autogen::metadata::SchemaExtras for Entity`:
//! named (and composite) indexes, composite uniques, indexes kept as SQL that parse into an
//! [`IndexDef`] (expression, partial, ordered, with a method, `INCLUDE`, a prefix; see
//! [`index_def`]), check constraints, PostgreSQL auto-increment kinds other than sea-orm's
//! (a serial, an `ALWAYS` identity, a step), generated columns and deferrable foreign keys.

use super::column::lit;
use super::index_def::index_def;
use crate::metadata::{IndexDef, IndexPart};
use crate::model::{Column, Deferrable, Domain, ForeignKey, IdentityKind, Table};

/// The declarations of the table's indexes kept as SQL that pull can write.
pub fn defined_index_defs(t: &Table) -> Vec<IndexDef> {
    t.defined_indexes
        .values()
        .filter_map(|ix| index_def(ix, &t.name))
        .collect()
}

/// Whether the table needs a `SchemaExtras` impl (`domains`: those it declares, see
/// [`super::domains::owned_by`]).
pub fn has_extras(t: &Table, domains: &[&Domain]) -> bool {
    !domains.is_empty()
        || !t.indexes.is_empty()
        || !defined_index_defs(t).is_empty()
        || t.uniques.values().any(|u| u.columns.len() > 1)
        || !t.checks.is_empty()
        || t.columns.iter().any(|c| identity_source(c).is_some())
        || t.columns.iter().any(|c| c.generated.is_some())
        || t.foreign_keys.values().any(|fk| !fk.deferrable.is_no())
}

/// `ForeignKeyDef::new(..)` for a deferrable foreign key.
fn foreign_key_source(fk: &ForeignKey) -> Option<String> {
    let kind = match fk.deferrable {
        Deferrable::No => return None,
        Deferrable::InitiallyImmediate => "InitiallyImmediate",
        Deferrable::InitiallyDeferred => "InitiallyDeferred",
    };
    Some(format!(
        "ForeignKeyDef::new({}, autogen::model::Deferrable::{kind})",
        columns(&fk.columns)
    ))
}

/// `GeneratedDef::stored(..)` / `virtual_(..)` for a generated column.
fn generated_source(c: &Column) -> Option<String> {
    let g = c.generated.as_ref()?;
    let kind = if g.stored { "stored" } else { "virtual_" };
    Some(format!(
        "GeneratedDef::{kind}({}, {})",
        lit(&c.name),
        lit(&g.expression)
    ))
}

/// `IdentityDef::new(..)` for an auto-increment column sea-orm's `auto_increment` does not
/// describe as it is.
fn identity_source(c: &Column) -> Option<String> {
    let identity = c.identity.filter(|i| c.auto_increment && !i.is_default())?;
    let kind = match identity.kind {
        IdentityKind::Serial => "Serial",
        IdentityKind::ByDefault => "ByDefault",
        IdentityKind::Always => "Always",
    };
    let step = identity
        .increment
        .map(|n| format!(".increment({n})"))
        .unwrap_or_default();
    Some(format!(
        "IdentityDef::new({}, autogen::model::IdentityKind::{kind}){step}",
        lit(&c.name)
    ))
}

fn columns(list: &[String]) -> String {
    let items: Vec<String> = list.iter().map(|c| lit(c)).collect();
    format!("&[{}]", items.join(", "))
}

/// `IndexDef::new(..)` / `IndexDef::on(..)` and the builder calls that declare `ix`.
fn index_source(ix: &IndexDef) -> String {
    let mut out = if ix.parts.iter().all(|p| matches!(p, IndexPart::Column(_))) {
        let cols: Vec<String> = ix
            .parts
            .iter()
            .filter_map(|p| match p {
                IndexPart::Column(c) => Some(c.clone()),
                _ => None,
            })
            .collect();
        format!("IndexDef::new({}, {})", lit(&ix.name), columns(&cols))
    } else {
        let parts: Vec<String> = ix.parts.iter().map(part_source).collect();
        format!(
            "IndexDef::on({}, vec![{}])",
            lit(&ix.name),
            parts.join(", ")
        )
    };
    if ix.unique {
        out.push_str(".unique()");
    }
    if let Some(m) = ix.method {
        out.push_str(&format!(".method(IndexMethod::{m:?})"));
    }
    if !ix.include.is_empty() {
        out.push_str(&format!(".include({})", columns(&ix.include)));
    }
    if ix.nulls_not_distinct {
        out.push_str(".nulls_not_distinct()");
    }
    if let Some(p) = &ix.predicate {
        out.push_str(&format!(".predicate({})", lit(p)));
    }
    out
}

fn part_source(part: &IndexPart) -> String {
    match part {
        IndexPart::Column(c) => format!("IndexPart::column({})", lit(c)),
        IndexPart::Ordered {
            column,
            desc,
            nulls_first,
        } => {
            let base = if *desc { "desc" } else { "column" };
            let nulls = nulls_first
                .map(|f| format!(".nulls_first({f})"))
                .unwrap_or_default();
            format!("IndexPart::{base}({}){nulls}", lit(column))
        }
        IndexPart::Expression(e) => format!("IndexPart::expression({})", lit(e)),
        IndexPart::Prefix { column, length } => {
            format!("IndexPart::prefix({}, {length})", lit(column))
        }
        IndexPart::Qualified {
            part,
            collate,
            opclass,
        } => {
            let mut out = part_source(part);
            if let Some(c) = collate {
                out.push_str(&format!(".collate({})", lit(c)));
            }
            if let Some(o) = opclass {
                out.push_str(&format!(".opclass({})", lit(o)));
            }
            out
        }
    }
}

/// The impl, or `None` when the attributes say everything.
pub fn extras_source(t: &Table, domains: &[&Domain]) -> Option<String> {
    if !has_extras(t, domains) {
        return None;
    }
    let mut out = String::from("impl autogen::metadata::SchemaExtras for Entity {\n");
    out.push_str(&super::domains::domains_fn(domains));
    let mut indexes: Vec<String> = t
        .indexes
        .values()
        .map(|ix| format!("IndexDef::new({}, {})", lit(&ix.name), columns(&ix.columns)))
        .collect();
    indexes.extend(t.uniques.values().filter(|u| u.columns.len() > 1).map(|u| {
        format!(
            "IndexDef::new({}, {}).unique()",
            lit(&u.name),
            columns(&u.columns)
        )
    }));
    let defined = defined_index_defs(t);
    indexes.extend(defined.iter().map(index_source));
    if !indexes.is_empty() {
        let mut uses = vec!["IndexDef"];
        let any_part = |f: fn(&IndexPart) -> bool| defined.iter().any(|d| d.parts.iter().any(f));
        if any_part(|p| !matches!(p, IndexPart::Column(_))) {
            uses.push("IndexPart");
        }
        if defined.iter().any(|d| d.method.is_some()) {
            uses.push("IndexMethod");
        }
        out.push_str(&format!(
            "fn indexes() -> Vec<autogen::metadata::IndexDef> {{\nuse autogen::metadata::{{{}}};\nvec![{}]\n}}\n",
            uses.join(", "),
            indexes.join(",\n")
        ));
    }
    if !t.checks.is_empty() {
        let checks: Vec<String> = t
            .checks
            .values()
            .map(|c| format!("CheckDef::new({}, {})", lit(&c.name), lit(&c.expression)))
            .collect();
        out.push_str(&format!(
            "fn checks() -> Vec<autogen::metadata::CheckDef> {{\nuse autogen::metadata::CheckDef;\nvec![{}]\n}}\n",
            checks.join(",\n")
        ));
    }
    let identities: Vec<String> = t.columns.iter().filter_map(identity_source).collect();
    if !identities.is_empty() {
        out.push_str(&format!(
            "fn identities() -> Vec<autogen::metadata::IdentityDef> {{\nuse autogen::metadata::IdentityDef;\nvec![{}]\n}}\n",
            identities.join(",\n")
        ));
    }
    let generated: Vec<String> = t.columns.iter().filter_map(generated_source).collect();
    if !generated.is_empty() {
        out.push_str(&format!(
            "fn generated() -> Vec<autogen::metadata::GeneratedDef> {{\nuse autogen::metadata::GeneratedDef;\nvec![{}]\n}}\n",
            generated.join(",\n")
        ));
    }
    let keys: Vec<String> = t
        .foreign_keys
        .values()
        .filter_map(foreign_key_source)
        .collect();
    if !keys.is_empty() {
        out.push_str(&format!(
            "fn foreign_keys() -> Vec<autogen::metadata::ForeignKeyDef> {{\nuse autogen::metadata::ForeignKeyDef;\nvec![{}]\n}}\n",
            keys.join(",\n")
        ));
    }
    out.push_str("}\n");
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::Backend;
    use crate::metadata::{IndexMethod, index_statement};
    use crate::model::DefinedIndex;

    /// Names and SQL from the database reach Rust source only as `{:?}` string literals: the
    /// generated impl parses, and holds each hostile string exactly.
    #[test]
    fn hostile_index_names_and_expressions_are_escaped() {
        let name = "ix \"q\" \\ back\nline `tick` '";
        let column = "co\"l\\\n";
        let predicate = "note <> 'a\"b\\c' AND \"co\"\"l\\\n\" IS NOT NULL";
        for backend in Backend::ALL {
            let mut def = IndexDef::on(
                name,
                vec![IndexPart::desc(column), IndexPart::column("plain")],
            );
            if backend != Backend::MySql {
                def = def.predicate(predicate);
            } else {
                def = def.method(IndexMethod::FullText);
                def.parts = vec![IndexPart::column(column)];
            }
            let sql = index_statement(&def, "t\"\\", backend).unwrap();
            let mut t = Table::new("t\"\\");
            t.defined_indexes.insert(
                name.to_owned(),
                DefinedIndex::read(name.to_owned(), backend, sql),
            );
            let written = defined_index_defs(&t);
            assert_eq!(written, [def], "{backend:?}");
            let src = extras_source(&t, &[]).expect("an impl");
            syn::parse_file(&src).unwrap_or_else(|e| panic!("{backend:?}: {e}\n{src}"));
            assert!(src.contains(&format!("{name:?}")), "{src}");
            assert!(src.contains(&format!("{column:?}")), "{src}");
            if backend != Backend::MySql {
                assert!(src.contains(&format!("{predicate:?}")), "{src}");
            }
        }
    }

    use crate::model::{ColumnType, Generated};

    #[test]
    fn generated_columns_are_extras() {
        let mut t = Table::new("line");
        let mut total = Column::new("total", ColumnType::Integer);
        total.nullable = true;
        total.generated = Some(Generated {
            expression: "price * qty".into(),
            stored: false,
        });
        t.columns = vec![total];
        let source = extras_source(&t, &[]).expect("an impl");
        assert!(
            source.contains("fn generated() -> Vec<autogen::metadata::GeneratedDef>"),
            "{source}"
        );
        assert!(
            source.contains(r#"GeneratedDef::virtual_("total", "price * qty")"#),
            "{source}"
        );
    }
}
