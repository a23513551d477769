//! Domains in canonical form: PostgreSQL's only (MySQL and SQLite have none), with the base
//! type and the default normalized as a column's are. Checks keep their text: they are
//! compared by canonical expression (see [`super::checks`]), planned as written.

use sea_orm::DbBackend;

use crate::model::{Column, Schema};

use super::{defaults, types};

/// Normalizes `schema.domains` in place for `backend`.
pub(crate) fn normalize_domains(backend: DbBackend, schema: &mut Schema) {
    if backend != DbBackend::Postgres {
        schema.domains.clear();
        return;
    }
    for d in schema.domains.values_mut() {
        d.base = types::normalize_type(backend, d.base.clone());
        let mut probe = Column::new("value", d.base.clone());
        probe.default = d.default.take();
        d.default = defaults::normalize_default(backend, &probe);
    }
}
