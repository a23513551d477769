//! The guard at the start of a file generated for some backends only (`backends` in
//! `autogen.toml`): on any other backend the revision fails naming the file and the backend,
//! instead of silently running none of its steps.

use sea_orm::DbBackend;
use sea_orm_migration::{DbErr, SchemaManager};

/// `Ok` when the manager's backend is one of `supported`; otherwise an error naming `file`.
pub fn require_backend(
    manager: &SchemaManager<'_>,
    file: &str,
    supported: &[DbBackend],
) -> Result<(), DbErr> {
    check_backend(manager.get_database_backend(), file, supported)
}

/// [`require_backend`] on a backend value.
pub fn check_backend(backend: DbBackend, file: &str, supported: &[DbBackend]) -> Result<(), DbErr> {
    if supported.contains(&backend) {
        return Ok(());
    }
    let name = |b: &DbBackend| crate::Backend::of(*b).name().to_string();
    Err(DbErr::Migration(format!(
        "{file} was generated for {} only (backends in autogen.toml) and cannot run on {}",
        supported.iter().map(name).collect::<Vec<_>>().join(", "),
        name(&backend)
    )))
}
