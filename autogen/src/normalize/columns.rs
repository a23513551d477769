//! Column-level normalization: type first (defaults depend on it), then default.

use sea_orm::DbBackend;

use crate::model::Column;

use super::{defaults, identity, types};

/// Normalizes one column's type and default in place.
pub(crate) fn normalize_column(backend: DbBackend, column: &mut Column) {
    column.col_type = types::normalize_type(backend, column.col_type.clone());
    column.default = defaults::normalize_default(backend, column);
    column.identity = identity::normalize_identity(backend, column);
}
