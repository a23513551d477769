//! The difference between what the entities (or a second database) describe and a live
//! database: introspect, normalize both sides for the backend, compare.

use sea_orm::ConnectionTrait;

use crate::compare::compare;
use crate::hydrate::{hydrate, plan_base};
use crate::introspect::introspect;
use crate::metadata::{EntityDef, desired_schema};
use crate::model::{Schema, Unmanaged};
use crate::normalize::normalize;
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
pub async fn current_schema(conn: &impl ConnectionTrait) -> Result<(Schema, usize), crate::Error> {
    let found = introspect(conn, &[VERSION_TABLE]).await?;
    Ok((
        normalize(conn.get_database_backend(), &found.schema),
        found.queries,
    ))
}

/// Entities versus the database at `conn`, over the tables `filter` manages. A managed table
/// of the database that no entity describes is listed in [`Drift::unmanaged`] and left out of
/// the comparison.
pub async fn entities_drift(
    conn: &impl ConnectionTrait,
    entities: &[EntityDef],
    filter: &TableFilter,
) -> Result<Drift, crate::Error> {
    let mut raw = desired_schema(entities, conn.get_database_backend());
    raw.tables.retain(|name, _| filter.manages(name));
    let (mut current, queries) = current_schema(conn).await?;
    current.tables.retain(|name, _| filter.manages(name));
    let unmanaged = current
        .tables
        .keys()
        .filter(|name| !raw.tables.contains_key(*name))
        .cloned()
        .collect();
    current
        .tables
        .retain(|name, _| raw.tables.contains_key(name));
    let mut drift = drift_from(conn.get_database_backend(), current, queries, &raw);
    drift.unmanaged = unmanaged;
    Ok(drift)
}

/// A desired schema (as written, not yet normalized) versus the whole database at `conn`:
/// a table the schema lacks is dropped.
pub async fn schema_drift(
    conn: &impl ConnectionTrait,
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
    let ops = compare(&current, &desired)
        .into_iter()
        .map(|op| hydrate(op, raw))
        .collect();
    Drift {
        notices: notices(&current, Some(&desired)),
        base: plan_base(&current, &desired, raw),
        current,
        ops,
        queries,
        unmanaged: Vec::new(),
    }
}

/// Database `from` versus database `to`: the ops that turn `from` into `to`.
pub async fn database_drift(
    from: &impl ConnectionTrait,
    to: &impl ConnectionTrait,
) -> Result<Drift, crate::Error> {
    let (current, q1) = current_schema(from).await?;
    let (target, q2) = current_schema(to).await?;
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
