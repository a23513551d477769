//! The SQL type of an enum column on each backend, for generated files and the plan alike.

use sea_orm::sea_query::Alias;
use sea_orm_migration::SchemaManager;

use super::Backend;

impl Backend {
    /// An enum column's type: the named type on PostgreSQL (created by `CREATE TYPE`),
    /// inline `ENUM('a','b')` on MySQL, `text` on SQLite (which has no enums). sea-query's
    /// own `enumeration` writes the PostgreSQL name and the MySQL values unescaped, so names
    /// and values go through [`Backend::ident`] / [`Backend::string`] here.
    pub fn enum_type_sql(self, name: &str, values: &[String]) -> String {
        match self {
            Backend::Postgres => self.ident(name),
            Backend::MySql => {
                let values: Vec<String> = values.iter().map(|v| self.string(v)).collect();
                format!("ENUM({})", values.join(", "))
            }
            Backend::Sqlite => "text".into(),
        }
    }
}

/// [`Backend::enum_type_sql`] for the manager's backend, as sea-query's `custom` type takes
/// it; generated files call this (the backend is only known when the migration runs).
pub fn enum_type(manager: &SchemaManager<'_>, name: &str, values: &[&str]) -> Alias {
    let values: Vec<String> = values.iter().map(|v| (*v).to_owned()).collect();
    Alias::new(Backend::of(manager.get_database_backend()).enum_type_sql(name, &values))
}
