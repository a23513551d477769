//! `--sql`: the exact statements an online run would execute, produced without a database by
//! running the same migration code against a recording connection.

use std::collections::BTreeSet;

use sea_orm::DbBackend;

use super::Migrations;
use super::capture::{Side, capture_sql};
use super::checksum::checksum;
use super::error::RuntimeError;
use super::migrator::{mysql_epilogue, mysql_prologue};
use super::version_table::{self, RevisionState};

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
    backend: DbBackend,
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
        backend_name(backend)
    ));
    push(
        &mut out,
        &backend
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
        let body = capture_sql(backend, revision.migration.as_ref(), side, id).await?;
        let sum = match side {
            Side::Up => checksum(&body),
            Side::Down => {
                checksum(&capture_sql(backend, revision.migration.as_ref(), Side::Up, id).await?)
            }
        };
        out.push_str(&format!(
            "-- Running {} {id}: {}\n",
            direction_name(direction),
            revision.meta.message
        ));
        if backend == DbBackend::Sqlite {
            push(&mut out, "PRAGMA foreign_keys = OFF");
        }
        let transactional = backend != DbBackend::MySql;
        if transactional {
            push(&mut out, "BEGIN");
        }
        if !transactional {
            // The same `running` marker an online MySQL run writes first.
            for stmt in mysql_prologue(id, &sum, side) {
                push(&mut out, &stmt.to_string());
            }
        }
        for stmt in &body {
            push(&mut out, stmt);
        }
        let record = if transactional {
            vec![match side {
                Side::Up => backend.build(&version_table::insert_statement(
                    id,
                    &sum,
                    RevisionState::Applied,
                    None,
                )),
                Side::Down => backend.build(&version_table::delete_statement(id)),
            }]
        } else {
            mysql_epilogue(id, side)
        };
        for stmt in record {
            push(&mut out, &stmt.to_string());
        }
        if transactional {
            push(&mut out, "COMMIT");
        }
        if backend == DbBackend::Sqlite {
            push(&mut out, "PRAGMA foreign_keys = ON");
        }
        out.push('\n');
    }
    Ok(out)
}

fn push(out: &mut String, stmt: &str) {
    out.push_str(stmt.trim_end_matches(';'));
    out.push_str(";\n");
}

fn direction_name(direction: OfflineDirection) -> &'static str {
    match direction {
        OfflineDirection::Upgrade => "upgrade",
        OfflineDirection::Downgrade => "downgrade",
    }
}

/// Display name of a backend.
pub fn backend_name(backend: DbBackend) -> &'static str {
    match backend {
        DbBackend::Postgres => "postgres",
        DbBackend::MySql => "mysql",
        _ => "sqlite",
    }
}
