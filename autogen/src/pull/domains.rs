//! Domains → `fn domains()` of one entity's `SchemaExtras` impl: each domain is declared
//! once, on the first pulled table (by name) with a column of it, or on the first pulled
//! table when no column uses it.

use super::column::lit;
use crate::model::{ColumnType, Domain, Schema};

/// The domains the extras of `table` declare.
pub fn owned_by<'a>(schema: &'a Schema, table: &str) -> Vec<&'a Domain> {
    let first_table = schema.tables.keys().next();
    schema
        .domains
        .values()
        .filter(|d| {
            let user = schema.tables.values().find(|t| {
                t.columns.iter().any(
                    |c| matches!(&c.col_type, ColumnType::Domain { name, .. } if *name == d.name),
                )
            });
            match user {
                Some(t) => t.name == table,
                None => first_table.is_some_and(|t| t == table),
            }
        })
        .collect()
}

/// `DomainDef::new(..)` and the builder calls that declare `d`.
fn domain_source(d: &Domain) -> String {
    let mut out = format!(
        "DomainDef::new({}, {})",
        lit(&d.name),
        lit(&crate::plan::postgres_type(&d.base))
    );
    if let Some(c) = &d.collation {
        out.push_str(&format!(".collate({})", lit(c)));
    }
    if let Some(x) = &d.default {
        out.push_str(&format!(".default({})", lit(x)));
    }
    if d.not_null {
        out.push_str(".not_null()");
    }
    for c in d.checks.values() {
        out.push_str(&format!(".check({}, {})", lit(&c.name), lit(&c.expression)));
    }
    out
}

/// `fn domains()`, or nothing when `domains` is empty.
pub fn domains_fn(domains: &[&Domain]) -> String {
    if domains.is_empty() {
        return String::new();
    }
    let defs: Vec<String> = domains.iter().map(|d| domain_source(d)).collect();
    format!(
        "fn domains() -> Vec<autogen::metadata::DomainDef> {{\nuse autogen::metadata::DomainDef;\nvec![{}]\n}}\n",
        defs.join(",\n")
    )
}
