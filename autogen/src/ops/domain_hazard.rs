//! What can go wrong when a domain changes
//! (<https://www.postgresql.org/docs/15/sql-alterdomain.html>).

use super::{Hazard, HazardClass, type_name};
use crate::backend::Backend;
use crate::model::Domain;
use crate::normalize::checks::canonical;

/// The hazards of `ALTER DOMAIN` from `from` to `to`: a new check or `NOT NULL` is verified
/// against every column of the domain and fails on a violating row; a base type change is not
/// planned at all (PostgreSQL has no `ALTER DOMAIN .. TYPE`).
pub(super) fn domain_hazards(from: &Domain, to: &Domain) -> Vec<Hazard> {
    let name = &to.name;
    let mut out = Vec::new();
    if from.base != to.base {
        out.push(Hazard::new(
            HazardClass::MayFail,
            "domain_base_type",
            format!(
                "the base type of domain {name} changes from {} to {}: PostgreSQL cannot alter it in place and this revision does not; move its columns to another type, drop and recreate the domain by hand",
                type_name(&from.base),
                type_name(&to.base)
            ),
        ));
    }
    if to.not_null && !from.not_null {
        out.push(Hazard::new(
            HazardClass::MayFail,
            "domain_not_null",
            format!("making domain {name} NOT NULL fails if a column of it holds NULL"),
        ));
    }
    for (key, check) in &to.checks {
        let same = from
            .checks
            .get(key)
            .is_some_and(|c| canonical(&c.expression) == canonical(&check.expression));
        if !same {
            out.push(Hazard::new(
                HazardClass::MayFail,
                "new_domain_check",
                format!(
                    "adding check {} to domain {name} fails if a column of it holds a value that violates it",
                    check.name
                ),
            ));
        }
    }
    out.into_iter().map(|h| h.on(Backend::Postgres)).collect()
}
