//! `check --against-migrations`: replay the whole chain into a scratch database, compare it
//! with the entities, run every `down` back to base and check nothing is left. The scratch
//! database is dropped on every path: success, failure and Ctrl-C.

use std::process::ExitCode;

use crate::Error;
use crate::cli::args::Format;
use crate::cli::context::Context;
use crate::drift::{current_schema, entities_drift};
use crate::runtime::{Migrator, Scratch};

use super::scratch_run::on_scratch;

use super::autogenerate::print_check;

/// Exit 0 when the chain builds exactly the entities and its downs leave nothing, 1 when not,
/// 130 on Ctrl-C; errors (a revision that fails) are exit 2 in the binary.
pub async fn check(ctx: &Context, format: Format) -> Result<ExitCode, Error> {
    let doing = "replaying the migrations into";
    match on_scratch(ctx, doing, async |scratch| {
        replay(ctx, scratch, format).await
    })
    .await?
    {
        Some(code) => Ok(code),
        None => {
            eprintln!("error: interrupted; the scratch database was dropped");
            Ok(ExitCode::from(130))
        }
    }
}

async fn replay(ctx: &Context, scratch: &Scratch, format: Format) -> Result<ExitCode, Error> {
    let migrator = Migrator::connect(&scratch.url, &ctx.migrations, &ctx.scratch_options()).await?;
    let options = ctx.run_options(false);
    migrator.upgrade("heads", &options).await?;
    let drift = entities_drift(migrator.connection(), &ctx.entities, &ctx.table_filter()?).await?;
    let backend = scratch.url.backend();
    migrator.downgrade("base", &options).await?;
    let (left, _) = current_schema(migrator.connection()).await?;
    let left: Vec<String> = left.tables.keys().cloned().collect();
    let branches = super::conflicts::heads_report(ctx).await?;
    let mut extra = serde_json::Map::new();
    extra.insert("down_to_base_left".into(), serde_json::json!(left));
    let code = print_check(&drift, format, backend, &branches, extra);
    if format == Format::Text {
        if left.is_empty() {
            println!("Downgrade to base leaves only the version table.");
        } else {
            println!(
                "Downgrade to base leaves table(s): {} (a down that does not undo its up)",
                left.join(", ")
            );
        }
    }
    Ok(if left.is_empty() {
        code
    } else {
        ExitCode::from(1)
    })
}
