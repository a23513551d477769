//! What a sea-orm attribute cannot say → `impl autogen::metadata::SchemaExtras for Entity`:
//! named (and composite) indexes, composite uniques, check constraints, PostgreSQL
//! auto-increment kinds other than sea-orm's (a serial, an `ALWAYS` identity, a step), and
//! generated columns.

use super::column::lit;
use crate::model::{Column, IdentityKind, Table};

/// Whether the table needs a `SchemaExtras` impl.
pub fn has_extras(t: &Table) -> bool {
    !t.indexes.is_empty()
        || t.uniques.values().any(|u| u.columns.len() > 1)
        || !t.checks.is_empty()
        || t.columns.iter().any(|c| identity_source(c).is_some())
        || t.columns.iter().any(|c| c.generated.is_some())
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

/// The impl, or `None` when the attributes say everything.
pub fn extras_source(t: &Table) -> Option<String> {
    if !has_extras(t) {
        return None;
    }
    let mut out = String::from("impl autogen::metadata::SchemaExtras for Entity {\n");
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
    if !indexes.is_empty() {
        out.push_str(&format!(
            "fn indexes() -> Vec<autogen::metadata::IndexDef> {{\nuse autogen::metadata::IndexDef;\nvec![{}]\n}}\n",
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
    out.push_str("}\n");
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ColumnType, Generated};

    #[test]
    fn generated_columns_are_extras() {
        let mut t = Table::new("line");
        t.columns = vec![Column {
            name: "total".into(),
            col_type: ColumnType::Integer,
            nullable: true,
            default: None,
            auto_increment: false,
            identity: None,
            comment: None,
            renamed_from: None,
            on_update: None,
            collation: None,
            generated: Some(Generated {
                expression: "price * qty".into(),
                stored: false,
            }),
        }];
        let source = extras_source(&t).expect("an impl");
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
