//! Domains (PostgreSQL): created with the enum types, changed next, dropped last.

use crate::model::{Domain, Schema};
use crate::normalize::checks::canonical;
use crate::ops::Op;

use super::phases::Phases;

/// Diffs `Schema::domains` by name: a new domain is created before any table or column uses
/// it, a changed one is one `AlterDomain` (before the column changes), and a domain the
/// desired schema lacks is dropped at the very end, once no column uses it.
pub(super) fn diff_domains(current: &Schema, desired: &Schema, phases: &mut Phases) {
    for (name, want) in &desired.domains {
        match current.domains.get(name) {
            None => phases.create_domains.push(Op::CreateDomain(want.clone())),
            Some(have) if !same_domain(have, want) => phases.alter_domains.push(Op::AlterDomain {
                from: have.clone(),
                to: want.clone(),
            }),
            Some(_) => {}
        }
    }
    for (name, have) in &current.domains {
        if !desired.domains.contains_key(name) {
            phases.drop_domains.push(Op::DropDomain(have.clone()));
        }
    }
}

/// Whether two domains are the same: base type, default, `NOT NULL`, collation, and the
/// same check names with the same canonical expressions.
pub(crate) fn same_domain(a: &Domain, b: &Domain) -> bool {
    a.base == b.base
        && a.default == b.default
        && a.not_null == b.not_null
        && a.collation == b.collation
        && a.checks.len() == b.checks.len()
        && a.checks.iter().all(|(k, c)| {
            b.checks
                .get(k)
                .is_some_and(|d| canonical(&c.expression) == canonical(&d.expression))
        })
}
