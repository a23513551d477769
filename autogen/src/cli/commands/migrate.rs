//! `upgrade`, `downgrade` and `stamp`, online or as offline SQL.

use std::process::ExitCode;

use crate::Error;
use crate::cli::context::Context;
use crate::runtime::{OfflineDirection, offline_sql};

/// `upgrade [target] [--sql]`.
pub async fn upgrade(
    ctx: &Context,
    target: &str,
    sql: bool,
    allow_modified: bool,
) -> Result<ExitCode, Error> {
    if sql {
        return offline(ctx, OfflineDirection::Upgrade, target).await;
    }
    let migrator = ctx.migrator().await?;
    let applied = migrator
        .upgrade(target, &ctx.run_options(allow_modified))
        .await?;
    if applied.is_empty() {
        println!("Already at {target}; nothing to upgrade.");
    } else {
        println!(
            "Upgraded {} revision(s): {}",
            applied.len(),
            applied.join(", ")
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `downgrade <target> [--sql]`.
pub async fn downgrade(
    ctx: &Context,
    target: &str,
    sql: bool,
    allow_modified: bool,
) -> Result<ExitCode, Error> {
    if sql {
        if !target.contains(':') {
            return Err(Error::Usage(format!(
                "downgrade --sql needs a range 'start:end' (e.g. head:base), got '{target}'"
            )));
        }
        return offline(ctx, OfflineDirection::Downgrade, target).await;
    }
    let migrator = ctx.migrator().await?;
    let reverted = migrator
        .downgrade(target, &ctx.run_options(allow_modified))
        .await?;
    if reverted.is_empty() {
        println!("Already at {target}; nothing to downgrade.");
    } else {
        println!(
            "Downgraded {} revision(s): {}",
            reverted.len(),
            reverted.join(", ")
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `stamp <target> [--purge]`.
pub async fn stamp(ctx: &Context, target: &str, purge: bool) -> Result<ExitCode, Error> {
    let migrator = ctx.migrator().await?;
    let report = migrator
        .stamp(target, purge, &ctx.run_options(true))
        .await?;
    for (revision, state) in &report.cleared {
        println!(
            "Cleared the {} marker of revision {revision}.",
            state.as_str()
        );
    }
    println!(
        "Stamped {target}: recorded {} revision(s){}, removed {}{} (no schema change).",
        report.recorded.len(),
        listed(&report.recorded),
        report.removed.len(),
        listed(&report.removed),
    );
    Ok(ExitCode::SUCCESS)
}

async fn offline(
    ctx: &Context,
    direction: OfflineDirection,
    range: &str,
) -> Result<ExitCode, Error> {
    let url = ctx.url().await?;
    let script = offline_sql(&ctx.migrations, url.backend(), direction, range).await?;
    print!("{script}");
    Ok(ExitCode::SUCCESS)
}

/// ` (a, b)` for a non-empty list of ids.
fn listed(ids: &[String]) -> String {
    if ids.is_empty() {
        String::new()
    } else {
        format!(" ({})", ids.join(", "))
    }
}
