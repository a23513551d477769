//! The difference between what the entities (or a second database) describe and a live
//! database: introspect, normalize both sides for the backend, compare.

use crate::introspect::CatalogConnection;

use std::collections::BTreeSet;

use crate::compare::{Rename, apply_renames, compare, rename_candidates};
use crate::hydrate::{hydrate, plan_base};
use crate::introspect::introspect;
use crate::metadata::{EntityDef, desired_schema};
use crate::model::{ColumnType, Schema, Unmanaged, UnmanagedKind};
use crate::normalize::{normalize, normalized};
use crate::ops::Op;
use crate::project::TableFilter;
use crate::runtime::VERSION_TABLE;

/// Ops that turn the current schema into the desired one.
#[derive(Debug, Clone)]
pub struct Drift {
    /// The current schema, normalized.
    pub current: Schema,
    /// What a plan of `ops` starts from (a generated file, `OpsMigration`): `current`, with
    /// each column the entities also declare restated as they declare it
    /// ([`crate::hydrate::plan_base`]), so a file generated here restates untouched columns
    /// for the other backends as the entity says, not as this backend reports them.
    pub base: Schema,
    /// The ops, in executable order.
    pub ops: Vec<Op>,
    /// Catalog queries issued (constant per run, whatever the number of tables).
    pub queries: usize,
    /// Tables in the database that no entity describes and no pattern excludes: reported,
    /// never dropped (a forgotten entity must not turn into a `drop table`).
    pub unmanaged: Vec<String>,
    /// One line per object read but not managed (views, triggers, partitions, ...): said in
    /// the output and the generated file, never dropped.
    pub notices: Vec<String>,
}

/// Reads and normalizes the schema of a live database, without our version table.
pub async fn current_schema(
    conn: &impl CatalogConnection,
) -> Result<(Schema, usize), crate::Error> {
    let found = introspect(conn, &[VERSION_TABLE]).await?;
    Ok((
        normalized(conn.get_database_backend(), found.schema),
        found.queries,
    ))
}

/// Entities versus the database at `conn`, over the tables `filter` manages. A managed table
/// of the database that no entity describes is listed in [`Drift::unmanaged`] and left out of
/// the comparison.
pub async fn entities_drift(
    conn: &impl CatalogConnection,
    entities: &[EntityDef],
    filter: &TableFilter,
) -> Result<Drift, crate::Error> {
    entities_drift_with(conn, entities, filter, &mut |_| Ok(Vec::new())).await
}

/// Decides which rename candidates become renames (see [`entities_drift_with`]).
pub type RenameDecider<'a> = dyn FnMut(&[Rename]) -> Result<Vec<Rename>, crate::Error> + 'a;

/// [`entities_drift`], with renames: `decide` sees the rename candidates (see
/// [`rename_candidates`]) and returns the renames to plan (accepted candidates and any given
/// explicitly), which become rename hints; an error from it, or a rename naming something
/// neither side has, stops the run.
pub async fn entities_drift_with(
    conn: &impl CatalogConnection,
    entities: &[EntityDef],
    filter: &TableFilter,
    decide: &mut RenameDecider<'_>,
) -> Result<Drift, crate::Error> {
    let backend = conn.get_database_backend();
    let mut raw = desired_schema(entities, backend);
    raw.tables.retain(|name, _| filter.manages(name));
    let (mut current, queries) = current_schema(conn).await?;
    current.tables.retain(|name, _| filter.manages(name));
    let renames = decide(&rename_candidates(&current, &normalize(backend, &raw)))?;
    apply_renames(&current, &mut raw, &renames).map_err(crate::Error::Usage)?;
    let kept: BTreeSet<&str> = raw
        .tables
        .values()
        .flat_map(|t| [Some(t.name.as_str()), t.renamed_from.as_deref()])
        .flatten()
        .collect();
    let unmanaged = current
        .tables
        .keys()
        .filter(|name| !kept.contains(name.as_str()))
        .cloned()
        .collect();
    current
        .tables
        .retain(|name, _| kept.contains(name.as_str()));
    leave_foreign_enums(&mut current, &raw);
    leave_foreign_domains(&mut current, &raw);
    let mut drift = drift_from(backend, current, queries, &raw);
    drift.unmanaged = unmanaged;
    Ok(drift)
}

/// Enum types that no entity declares and no managed table uses belong to someone else (an
/// excluded or unmanaged table, another application): they leave the comparison, so they are
/// never dropped, and are named in a notice instead.
fn leave_foreign_enums(current: &mut Schema, raw: &Schema) {
    let used: BTreeSet<&str> = current
        .tables
        .values()
        .flat_map(|t| &t.columns)
        .filter_map(|c| match &c.col_type {
            ColumnType::Enum { name, .. } => Some(name.as_str()),
            _ => None,
        })
        .chain(raw.enums.keys().map(String::as_str))
        .collect();
    let foreign: Vec<String> = current
        .enums
        .keys()
        .filter(|name| !used.contains(name.as_str()))
        .cloned()
        .collect();
    for name in foreign {
        let e = current.enums.remove(&name).expect("listed above");
        current.unmanaged.push(Unmanaged {
            kind: UnmanagedKind::UserType,
            table: None,
            name,
            detail: Some(format!(
                "enum type ({}) used by no managed table",
                e.values.join(", ")
            )),
            sql: None,
        });
    }
}

/// Domains, likewise: one that no entity declares and no managed table uses stays where it
/// is, named in a notice.
fn leave_foreign_domains(current: &mut Schema, raw: &Schema) {
    let used: BTreeSet<String> = current
        .tables
        .values()
        .flat_map(|t| &t.columns)
        .filter_map(|c| match &c.col_type {
            ColumnType::Domain { name, .. } => Some(name.clone()),
            _ => None,
        })
        .chain(raw.domains.keys().cloned())
        .collect();
    let foreign: Vec<String> = current
        .domains
        .keys()
        .filter(|name| !used.contains(*name))
        .cloned()
        .collect();
    for name in foreign {
        let Some(d) = current.domains.remove(&name) else {
            continue;
        };
        current.unmanaged.push(Unmanaged {
            kind: UnmanagedKind::UserType,
            table: None,
            name,
            detail: Some(format!(
                "domain ({}) used by no managed table",
                crate::ops::type_name(&d.base)
            )),
            sql: None,
        });
    }
}

/// A desired schema (as written, not yet normalized) versus the whole database at `conn`:
/// a table the schema lacks is dropped.
pub async fn schema_drift(
    conn: &impl CatalogConnection,
    raw: &Schema,
) -> Result<Drift, crate::Error> {
    let (current, queries) = current_schema(conn).await?;
    Ok(drift_from(
        conn.get_database_backend(),
        current,
        queries,
        raw,
    ))
}

/// The entities versus an empty database on `backend`: the ops of a baseline revision, which
/// creates everything an existing (unversioned) database already holds.
pub fn baseline_drift(
    backend: sea_orm::DbBackend,
    entities: &[EntityDef],
    filter: &TableFilter,
) -> Drift {
    let mut raw = desired_schema(entities, backend);
    raw.tables.retain(|name, _| filter.manages(name));
    drift_from(backend, Schema::default(), 0, &raw)
}

/// The ops of a baseline that recreates `live` (a normalized live schema, already limited to
/// the managed tables) on an empty database: `init --from-database`, whose entities are pulled
/// from that same schema and not compiled yet.
pub fn baseline_from_live(backend: sea_orm::DbBackend, live: &Schema) -> Drift {
    drift_from(backend, Schema::default(), 0, live)
}

fn drift_from(backend: sea_orm::DbBackend, current: Schema, queries: usize, raw: &Schema) -> Drift {
    let desired = normalize(backend, raw);
    let restate = without_domains_off_postgres(backend, raw);
    let ops = compare(&current, &desired)
        .into_iter()
        .map(|op| hydrate(op, &restate))
        .collect();
    Drift {
        notices: notices(&current, Some(&desired)),
        base: plan_base(&current, &desired, &restate),
        current,
        ops,
        queries,
        unmanaged: Vec::new(),
    }
}

/// The entities' columns as a file generated on `backend` restates them: off PostgreSQL a
/// column of a domain is its base type. Such a file creates no domain (the backend has none),
/// so on PostgreSQL it must not name one: it makes the base type, and `check` there then
/// proposes the domain.
fn without_domains_off_postgres(backend: sea_orm::DbBackend, raw: &Schema) -> Schema {
    let mut out = raw.clone();
    if backend == sea_orm::DbBackend::Postgres {
        return out;
    }
    for t in out.tables.values_mut() {
        for c in &mut t.columns {
            c.col_type = c.col_type.base().clone();
        }
    }
    out
}

/// Database `from` versus database `to`: the ops that turn `from` into `to`.
pub async fn database_drift(
    from: &impl CatalogConnection,
    to: &impl CatalogConnection,
) -> Result<Drift, crate::Error> {
    // Both at once: each database has its own connection, so the two servers' (or one
    // server's two backends') catalog work overlaps instead of adding up.
    let ((current, q1), (target, q2)) = tokio::try_join!(current_schema(from), current_schema(to))?;
    let ops = compare(&current, &target);
    Ok(Drift {
        notices: notices(&current, Some(&target)),
        base: current.clone(),
        current,
        ops,
        queries: q1 + q2,
        unmanaged: Vec::new(),
    })
}

/// The notice lines: every unmanaged object of `current`, then those only `target` has
/// (which the ops do not create).
pub fn notices(current: &Schema, target: Option<&Schema>) -> Vec<String> {
    let key = |u: &Unmanaged| (u.kind, u.table.clone(), u.name.clone());
    let mut out: Vec<String> = current.unmanaged.iter().map(ToString::to_string).collect();
    if let Some(target) = target {
        let have: Vec<_> = current.unmanaged.iter().map(key).collect();
        out.extend(
            target
                .unmanaged
                .iter()
                .filter(|u| !have.contains(&key(u)))
                .map(|u| format!("{u} (only in the target: not created)")),
        );
    }
    out
}
