//! Reading the real schema back from the catalog, to check what a run actually did.

use std::collections::BTreeSet;

use autogen::runtime::VERSION_TABLE;
use sea_orm::{ConnectionTrait, DbBackend, Statement};

/// User tables of the connected database (the version table excluded), sorted.
pub async fn tables(conn: &impl ConnectionTrait) -> BTreeSet<String> {
    let backend = conn.get_database_backend();
    let sql = match backend {
        DbBackend::Postgres => {
            "SELECT tablename AS name FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"
        }
        DbBackend::MySql => {
            "SELECT CAST(table_name AS CHAR) AS name FROM information_schema.tables WHERE table_schema = DATABASE()"
        }
        _ => "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    };
    let rows = conn
        .query_all_raw(Statement::from_string(backend, sql))
        .await
        .expect("catalog query");
    rows.iter()
        .map(|r| r.try_get::<String>("", "name").expect("table name"))
        .filter(|n| n != VERSION_TABLE)
        .collect()
}

/// Whether the version table exists.
pub async fn has_version_table(conn: &impl ConnectionTrait) -> bool {
    let backend = conn.get_database_backend();
    let sql = match backend {
        DbBackend::Postgres => format!(
            "SELECT tablename AS name FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = '{VERSION_TABLE}'"
        ),
        DbBackend::MySql => format!(
            "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = '{VERSION_TABLE}'"
        ),
        _ => format!(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name = '{VERSION_TABLE}'"
        ),
    };
    !conn
        .query_all_raw(Statement::from_string(backend, sql))
        .await
        .expect("catalog query")
        .is_empty()
}

/// Revision ids in the version table, in `seq` order, with duplicates kept (so a test can see
/// a revision recorded twice).
pub async fn version_rows(conn: &impl ConnectionTrait) -> Vec<String> {
    let backend = conn.get_database_backend();
    let sql = format!("SELECT revision FROM {VERSION_TABLE} ORDER BY seq");
    conn.query_all_raw(Statement::from_string(backend, sql))
        .await
        .expect("version table query")
        .iter()
        .map(|r| r.try_get::<String>("", "revision").expect("revision"))
        .collect()
}

/// A sorted set of table names, for terse assertions.
pub fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|s| s.to_string()).collect()
}
