//! A [`TenantSpec`] turned into the sorted list of tenant names, and each name into where
//! its migrator connects.

use std::collections::BTreeSet;

use sea_orm::{AccessMode, ConnectionTrait, TransactionTrait};

use super::spec::{Selector, TenantKind, TenantSpec};
use crate::Error;
use crate::backend::{Backend, ObjectName};
use crate::config::DatabaseUrl;
use crate::runtime::{ConnectOptions, Session};

/// One tenant: its name and where its session goes.
#[derive(Debug, Clone)]
pub struct Tenant {
    /// The schema or database name.
    pub name: ObjectName,
    /// The URL (the configured one, or with the database replaced).
    pub url: DatabaseUrl,
    /// How to connect (the schema set for a schema tenant).
    pub options: ConnectOptions,
}

/// The tenants of `spec`, sorted by name, each with its URL and options. A glob that matches
/// nothing, a query that returns nothing or a value that is not a name is an error: a run
/// over no tenant, or over a tenant nobody meant, must not pass unnoticed. `base` is the
/// configured database (the catalog of globs, the database of queries and schemas).
pub async fn resolve(
    spec: &TenantSpec,
    kind: TenantKind,
    base: &DatabaseUrl,
    options: &ConnectOptions,
) -> Result<Vec<Tenant>, Error> {
    kind.check(base.backend()).map_err(Error::Usage)?;
    let names = names(spec, kind, base, options).await?;
    names
        .into_iter()
        .map(|name| {
            let mut options = options.clone();
            let url = match kind {
                TenantKind::Schema => {
                    options.schema = Some(name.clone());
                    base.clone()
                }
                TenantKind::Database => base.with_database(&name).ok_or_else(|| {
                    Error::Usage(format!("{base} cannot name database tenant {name}"))
                })?,
            };
            Ok(Tenant { name, url, options })
        })
        .collect()
}

async fn names(
    spec: &TenantSpec,
    kind: TenantKind,
    base: &DatabaseUrl,
    options: &ConnectOptions,
) -> Result<BTreeSet<ObjectName>, Error> {
    if !spec.needs_catalog() {
        let TenantSpec::Names(items) = spec else {
            unreachable!("a query needs the catalog")
        };
        return Ok(items
            .iter()
            .filter_map(|s| match s {
                Selector::Exact(n) => Some(n.clone()),
                Selector::Glob(_) => None,
            })
            .collect());
    }
    // The configured database itself, on its default search path.
    let catalog_options = ConnectOptions {
        schema: None,
        ..options.clone()
    };
    let session = Session::open(base, &catalog_options).await?;
    let conn = session.connection();
    let backend = base.backend();
    match spec {
        TenantSpec::Query(query) => {
            let found = query_names(conn, backend, query).await?;
            if found.is_empty() {
                return Err(Error::Usage(format!(
                    "--tenants sql: the query returned no {kind}"
                )));
            }
            Ok(found)
        }
        TenantSpec::Names(items) => {
            let sql = catalog_sql(backend, kind);
            let rows = conn
                .query_all_raw(sea_orm::Statement::from_string(backend.db(), sql))
                .await
                .map_err(|e| Error::Usage(format!("--tenants: cannot list the {kind}s: {e}")))?;
            let mut all = Vec::with_capacity(rows.len());
            for row in rows {
                let name: String = row.try_get_by_index(0).map_err(|e| {
                    Error::Usage(format!("--tenants: cannot list the {kind}s: {e}"))
                })?;
                all.push(name);
            }
            let mut out = BTreeSet::new();
            for item in items {
                match item {
                    Selector::Exact(name) => {
                        out.insert(name.clone());
                    }
                    Selector::Glob(pattern) => {
                        let matched: Vec<&String> =
                            all.iter().filter(|n| pattern.matches(n)).collect();
                        if matched.is_empty() {
                            return Err(Error::Usage(format!(
                                "--tenants: pattern '{}' matches no {kind}",
                                pattern.as_str()
                            )));
                        }
                        for name in matched {
                            // The catalog's own names: only an over-long one can be refused.
                            out.insert(
                                ObjectName::parse(name)
                                    .map_err(|e| Error::Usage(format!("--tenants: {kind} {e}")))?,
                            );
                        }
                    }
                }
            }
            Ok(out)
        }
    }
}

/// Every schema (but PostgreSQL's own) or database (but the system ones) of the server.
fn catalog_sql(backend: Backend, kind: TenantKind) -> &'static str {
    match (backend, kind) {
        (Backend::Postgres, TenantKind::Schema) => {
            "SELECT nspname::text FROM pg_catalog.pg_namespace \
             WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' ORDER BY 1"
        }
        (Backend::Postgres, TenantKind::Database) => {
            "SELECT datname::text FROM pg_catalog.pg_database \
             WHERE datallowconn AND NOT datistemplate ORDER BY 1"
        }
        _ => {
            "SELECT CAST(schema_name AS CHAR) FROM information_schema.schemata \
             WHERE schema_name NOT IN ('mysql', 'information_schema', 'performance_schema', 'sys') \
             ORDER BY 1"
        }
    }
}

/// The first column of every row of `query`, run in a read-only transaction (rolled back):
/// the query names tenants, it cannot change anything.
async fn query_names(
    conn: &sea_orm::DatabaseConnection,
    backend: Backend,
    query: &str,
) -> Result<BTreeSet<ObjectName>, Error> {
    let failed = |e: &dyn std::fmt::Display| Error::Usage(format!("--tenants sql: {e}"));
    let tx = conn
        .begin_with_config(None, Some(AccessMode::ReadOnly))
        .await
        .map_err(|e| failed(&e))?;
    let rows = tx
        .query_all_raw(sea_orm::Statement::from_string(backend.db(), query))
        .await
        .map_err(|e| failed(&e))?;
    tx.rollback().await.map_err(|e| failed(&e))?;
    let mut out = BTreeSet::new();
    for (i, row) in rows.iter().enumerate() {
        let value: Option<String> = row.try_get_by_index(0).map_err(|e| {
            failed(&format!(
                "row {}: {e} (the first column must be text)",
                i + 1
            ))
        })?;
        let value = value.ok_or_else(|| failed(&format!("row {}: NULL", i + 1)))?;
        let name = ObjectName::parse(&value).map_err(|e| failed(&format!("row {}: {e}", i + 1)))?;
        out.insert(name);
    }
    Ok(out)
}
