//! What each command does for one tenant, and what it reports: the single-database command's
//! own steps, on the tenant's session.

use std::collections::BTreeSet;

use serde_json::{Map, Value, json};

use super::report::TenantReport;
use crate::Error;
use crate::backend::Backend;
use crate::cli::context::Context;
use crate::drift::Drift;
use crate::ops::ops_json;
use crate::runtime::{Migrator, RevisionState, RunOptions, Side, VERSION_TABLE};
use crate::tenants::Tenant;

/// `base`, or the revisions joined.
fn heads_text(heads: &[String]) -> String {
    if heads.is_empty() {
        "base".into()
    } else {
        heads.join(", ")
    }
}

async fn connect<'c>(ctx: &'c Context, tenant: &Tenant) -> Result<Migrator<'c>, Error> {
    Ok(Migrator::connect(&tenant.url, &ctx.migrations, &tenant.options).await?)
}

fn run_options(ctx: &Context, allow_modified: bool) -> RunOptions {
    RunOptions {
        announce: false,
        ..ctx.run_options(allow_modified)
    }
}

/// `upgrade` or `downgrade` of one tenant: where it was, where it is, what ran.
#[derive(Debug)]
pub struct Moved {
    verb: &'static str,
    target: String,
    from: Vec<String>,
    to: Vec<String>,
    revisions: Vec<String>,
}

impl TenantReport for Moved {
    fn line(&self) -> String {
        if self.revisions.is_empty() {
            format!("already at {}: {}", self.target, heads_text(&self.to))
        } else {
            format!(
                "{} {} revision(s): {} -> {}",
                self.verb,
                self.revisions.len(),
                heads_text(&self.from),
                heads_text(&self.to)
            )
        }
    }

    fn json(&self) -> Map<String, Value> {
        let mut m = Map::new();
        m.insert("from".into(), json!(self.from));
        m.insert("to".into(), json!(self.to));
        m.insert("revisions".into(), json!(self.revisions));
        m
    }
}

/// `upgrade <target>` (`Side::Up`) or `downgrade <target>` (`Side::Down`) of one tenant.
pub async fn migrate(
    ctx: &Context,
    tenant: Tenant,
    side: Side,
    target: &str,
    allow_modified: bool,
) -> Result<Moved, Error> {
    let migrator = connect(ctx, &tenant).await?;
    let from = migrator.current_heads().await?;
    let options = run_options(ctx, allow_modified);
    let (verb, revisions) = match side {
        Side::Up => ("upgraded", migrator.upgrade(target, &options).await?),
        Side::Down => ("downgraded", migrator.downgrade(target, &options).await?),
    };
    let to = if revisions.is_empty() {
        from.clone()
    } else {
        migrator.current_heads().await?
    };
    Ok(Moved {
        verb,
        target: target.to_string(),
        from,
        to,
        revisions: revisions.into_iter().map(str::to_string).collect(),
    })
}

/// `stamp` of one tenant.
#[derive(Debug)]
pub struct Stamped {
    target: String,
    from: Vec<String>,
    to: Vec<String>,
    recorded: Vec<String>,
    removed: Vec<String>,
    cleared: Vec<String>,
}

impl TenantReport for Stamped {
    fn line(&self) -> String {
        let cleared = if self.cleared.is_empty() {
            String::new()
        } else {
            format!(", cleared the marker of {}", self.cleared.join(", "))
        };
        format!(
            "stamped {}: recorded {}, removed {}{cleared}: {} -> {} (no schema change)",
            self.target,
            self.recorded.len(),
            self.removed.len(),
            heads_text(&self.from),
            heads_text(&self.to)
        )
    }

    fn json(&self) -> Map<String, Value> {
        let mut m = Map::new();
        m.insert("from".into(), json!(self.from));
        m.insert("to".into(), json!(self.to));
        m.insert("recorded".into(), json!(self.recorded));
        m.insert("removed".into(), json!(self.removed));
        m.insert("cleared".into(), json!(self.cleared));
        m
    }
}

/// `stamp <target> [--purge]` of one tenant.
pub async fn stamp(
    ctx: &Context,
    tenant: Tenant,
    target: &str,
    purge: bool,
) -> Result<Stamped, Error> {
    let migrator = connect(ctx, &tenant).await?;
    let from = migrator.current_heads().await?;
    let report = migrator
        .stamp(target, purge, &run_options(ctx, true))
        .await?;
    let to = migrator.current_heads().await?;
    Ok(Stamped {
        target: target.to_string(),
        from,
        to,
        recorded: report.recorded,
        removed: report.removed,
        cleared: report.cleared.into_iter().map(|(r, _)| r).collect(),
    })
}

/// `current` of one tenant.
#[derive(Debug)]
pub struct Position {
    current: Vec<String>,
    at_head: bool,
    /// Failed, interrupted and unknown rows; an unversioned database.
    notes: Vec<String>,
}

impl TenantReport for Position {
    fn line(&self) -> String {
        let mut line = heads_text(&self.current);
        if self.at_head {
            line.push_str(" (head)");
        } else {
            line.push_str(" (not at head)");
        }
        for note in &self.notes {
            line.push_str("; ");
            line.push_str(note);
        }
        line
    }

    fn json(&self) -> Map<String, Value> {
        let mut m = Map::new();
        m.insert("current".into(), json!(self.current));
        m.insert("at_head".into(), json!(self.at_head));
        m.insert("notes".into(), json!(self.notes));
        m
    }

    fn state(&self) -> Option<(&'static str, bool)> {
        Some(if self.at_head {
            ("at head", true)
        } else {
            ("not at head", false)
        })
    }
}

/// `current` of one tenant: its heads, whether they are the graph's, and what `current`
/// warns about (failed, interrupted, unknown rows; tables without a version table).
pub async fn current(ctx: &Context, tenant: Tenant) -> Result<Position, Error> {
    let migrator = connect(ctx, &tenant).await?;
    let mut notes = Vec::new();
    let presence = migrator.presence().await?;
    if presence.unversioned() {
        notes.push(format!(
            "unversioned: {} table(s) but no {VERSION_TABLE} table",
            presence.other_tables
        ));
    }
    let graph = ctx.migrations.graph();
    for row in migrator.applied().await? {
        if graph.get(&row.revision).is_none() {
            notes.push(format!(
                "{} unknown: no migration file defines it",
                row.revision
            ));
        }
        match row.state {
            RevisionState::Applied => {}
            RevisionState::Failed => notes.push(format!(
                "{} FAILED at statement {}",
                row.revision,
                row.failed_statement.unwrap_or(0)
            )),
            RevisionState::Running => {
                notes.push(format!("{} INTERRUPTED", row.revision));
            }
        }
    }
    let current = migrator.current_heads().await?;
    let set: BTreeSet<String> = current.iter().cloned().collect();
    Ok(Position {
        at_head: set == ctx.migrations.head_ids() && notes.is_empty(),
        current,
        notes,
    })
}

/// `check` of one tenant.
#[derive(Debug)]
pub struct Checked {
    drift: Drift,
    backend: Backend,
}

impl Checked {
    fn in_sync(&self) -> bool {
        self.drift.ops.is_empty() && self.drift.unmanaged.is_empty()
    }
}

impl TenantReport for Checked {
    fn line(&self) -> String {
        if self.in_sync() {
            return "in sync".into();
        }
        let mut parts: Vec<String> = self.drift.ops.iter().map(|op| op.describe()).collect();
        parts.extend(
            self.drift
                .unmanaged
                .iter()
                .map(|t| format!("unmanaged table \"{t}\"")),
        );
        crate::revision::comment_text(&format!(
            "drift: {} op(s): {}",
            self.drift.ops.len(),
            parts.join("; ")
        ))
    }

    fn json(&self) -> Map<String, Value> {
        let mut m = Map::new();
        m.insert("in_sync".into(), json!(self.in_sync()));
        m.insert("ops".into(), json!(ops_json(&self.drift.ops, self.backend)));
        m.insert("unmanaged".into(), json!(self.drift.unmanaged));
        m.insert("notices".into(), json!(self.drift.notices));
        m
    }

    fn state(&self) -> Option<(&'static str, bool)> {
        Some(if self.in_sync() {
            ("in sync", true)
        } else {
            ("drifted", false)
        })
    }
}

/// `check` of one tenant: its schema against the entities that belong there.
pub async fn check(ctx: &Context, tenant: Tenant) -> Result<Checked, Error> {
    let migrator = connect(ctx, &tenant).await?;
    let drift = super::super::autogenerate::managed_drift(ctx, &migrator).await?;
    Ok(Checked {
        drift,
        backend: tenant.url.backend(),
    })
}

/// Whether a finished check drifted (for the exit code).
pub fn drifted(checked: &Checked) -> bool {
    !checked.in_sync()
}
