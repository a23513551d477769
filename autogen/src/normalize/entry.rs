//! The normalization entry point.

use sea_orm::DbBackend;

use crate::model::{Schema, Table};

use super::{columns, comments, keys};

/// Returns the canonical form of `schema` for `backend`.
pub fn normalize(backend: DbBackend, schema: &Schema) -> Schema {
    let mut out = schema.clone();
    for table in out.tables.values_mut() {
        normalize_table(backend, table);
    }
    out
}

/// Normalizes one table in place.
fn normalize_table(backend: DbBackend, table: &mut Table) {
    for column in &mut table.columns {
        columns::normalize_column(backend, column);
    }
    comments::normalize_comments(backend, table);
    keys::normalize_keys(backend, table);
}
