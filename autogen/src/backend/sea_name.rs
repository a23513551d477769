//! Index and foreign-key names for sea-query builders in generated migration files.

use sea_orm_migration::SchemaManager;

use super::Backend;

/// `name` escaped for the manager's backend, for sea-query's `Index::name` and
/// `ForeignKey::name`: sea-query 1.0.2 wraps those names in quotes without escaping them, so
/// a quote inside a name would end the identifier early. Generated files call this for names
/// that hold a quote character (the backend is only known when the migration runs).
pub fn escaped_name(manager: &SchemaManager<'_>, name: &str) -> String {
    Backend::of(manager.get_database_backend()).ident_body(name)
}
