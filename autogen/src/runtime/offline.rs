//! `--sql`: the exact statements an online run would execute, produced without a database by
//! running the same migration code against a recording connection.

use std::collections::BTreeSet;

use super::Migrations;
use super::capture::{Side, capture_sql};
use super::checksum::checksum;
use super::error::RuntimeError;
use super::frame::{Record, frames};
use super::script::{push_frames, push_statement};
use super::version_table;
use crate::backend::Backend;
use crate::revision::comment_text;

/// Which way an offline script goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfflineDirection {
    /// `upgrade --sql [start:]end`.
    Upgrade,
    /// `downgrade --sql start:end`.
    Downgrade,
}

/// Renders the SQL script for `range` (`end`, or `start:end`).
pub async fn offline_sql(
    migrations: &Migrations,
    backend: Backend,
    direction: OfflineDirection,
    range: &str,
) -> Result<String, RuntimeError> {
    let graph = migrations.graph();
    let (start, end) = match range.split_once(':') {
        Some((s, e)) => (Some(s).filter(|s| !s.is_empty()), e),
        None => (None, range),
    };
    // The state the script starts from: everything up to `start`.
    let start_plan: Vec<&'static str> = match start {
        Some(s) if s != "base" => graph.upgrade_plan(&BTreeSet::new(), s)?,
        _ => Vec::new(),
    };
    let plan = match direction {
        OfflineDirection::Upgrade => {
            let applied = start_plan.iter().map(|s| s.to_string()).collect();
            graph.upgrade_plan(&applied, end)?
        }
        OfflineDirection::Downgrade => {
            let applied: Vec<String> = start_plan.iter().map(|s| s.to_string()).collect();
            graph.downgrade_plan(&applied, end)?
        }
    };
    let mut out = String::new();
    out.push_str(&format!(
        "-- autogen offline {} to '{end}' ({})\n\n",
        direction_name(direction),
        backend
    ));
    push_statement(
        &mut out,
        &backend
            .db()
            .build(&version_table::create_statement())
            .to_string(),
    );
    out.push('\n');
    for id in plan {
        let revision = migrations.get(id).expect("planned revision exists");
        let side = if direction == OfflineDirection::Upgrade {
            Side::Up
        } else {
            Side::Down
        };
        let body = capture_sql(backend.db(), revision.migration.as_ref(), side, id).await?;
        let sum = match side {
            Side::Up => checksum(&body),
            Side::Down => checksum(
                &capture_sql(backend.db(), revision.migration.as_ref(), Side::Up, id).await?,
            ),
        };
        out.push_str(&format!(
            "-- Running {} {id}: {}\n",
            direction_name(direction),
            comment_text(revision.meta.message)
        ));
        let applied = super::applied_sql::stored(&body);
        let record = Record {
            id,
            side,
            checksum: &sum,
            applied_sql: (side == Side::Up).then_some(applied.as_str()),
        };
        let wrapping = frames(backend, Some(record), revision.meta.transactional);
        push_frames(&mut out, &wrapping, &body);
        out.push('\n');
    }
    Ok(out)
}

fn direction_name(direction: OfflineDirection) -> &'static str {
    match direction {
        OfflineDirection::Upgrade => "upgrade",
        OfflineDirection::Downgrade => "downgrade",
    }
}
