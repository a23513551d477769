//! `history`: the revisions, newest first.

use std::collections::BTreeSet;
use std::process::ExitCode;

use crate::Error;
use crate::cli::context::Context;
use crate::revision::parse_range;

use super::describe;

/// Prints the revisions in `range` (default all), newest first.
pub async fn history(
    ctx: &Context,
    range: Option<&str>,
    verbose: bool,
    indicate_current: bool,
) -> Result<ExitCode, Error> {
    let graph = ctx.migrations.graph();
    let ids = match range {
        Some(r) => graph.revisions_in(&parse_range(r)?)?,
        None => graph.all().iter().map(|m| m.id).collect(),
    };
    let current: BTreeSet<String> = if indicate_current {
        let migrator = ctx.migrator().await?;
        migrator
            .current_heads()
            .await?
            .into_iter()
            .map(|s| s.to_string())
            .collect()
    } else {
        BTreeSet::new()
    };
    for id in ids.iter().rev() {
        let meta = graph.get(id).expect("listed revisions exist");
        let is_current = current.contains(*id);
        if verbose {
            println!("{}", describe::verbose(graph, meta, is_current));
        } else {
            println!("{}", describe::line(graph, meta, is_current));
        }
    }
    Ok(ExitCode::SUCCESS)
}
