//! `heads`, `branches` and `show`: the graph, without a database.

use std::process::ExitCode;

use crate::Error;
use crate::cli::context::Context;

use super::describe;

/// Prints every head.
pub fn heads(ctx: &Context, verbose: bool) -> Result<ExitCode, Error> {
    let graph = ctx.migrations.graph();
    for id in graph.heads() {
        let meta = graph.get(id).expect("heads exist");
        if verbose {
            println!("{}", describe::verbose(graph, meta, false));
        } else {
            let labels = graph.branch_labels_of(id)?;
            let labels = if labels.is_empty() {
                String::new()
            } else {
                format!(" ({})", labels.join(", "))
            };
            println!("{id}{labels} (head)");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints every branch point with its children.
pub fn branches(ctx: &Context, verbose: bool) -> Result<ExitCode, Error> {
    let graph = ctx.migrations.graph();
    for id in graph.branch_points() {
        let meta = graph.get(id).expect("branch points exist");
        if verbose {
            println!("{}", describe::verbose(graph, meta, false));
        } else {
            println!("{}", describe::line(graph, meta, false));
        }
        for child in graph.children(id)? {
            println!("    -> {child}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints one revision in full.
pub fn show(ctx: &Context, rev: &str) -> Result<ExitCode, Error> {
    let graph = ctx.migrations.graph();
    let meta = graph.resolve(rev)?;
    println!("{}", describe::verbose(graph, meta, false));
    Ok(ExitCode::SUCCESS)
}
