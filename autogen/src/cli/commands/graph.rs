//! `heads`, `branches` and `show`: the graph, without a database.

use std::process::ExitCode;

use crate::Error;
use crate::cli::context::Context;

use super::describe;

/// Prints every head; with `check`, more than one head is exit 1, each named with its file.
pub async fn heads(ctx: &Context, verbose: bool, check: bool) -> Result<ExitCode, Error> {
    let graph = ctx.migrations.graph();
    if check {
        return heads_check(ctx).await;
    }
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

/// `heads --check`: exit 0 with one head (or none), 1 with several, naming each revision
/// and its file so the reviewer knows which branches to merge.
async fn heads_check(ctx: &Context) -> Result<ExitCode, Error> {
    let graph = ctx.migrations.graph();
    let heads = graph.heads();
    if heads.len() <= 1 {
        for id in &heads {
            println!("{id} (head)");
        }
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{} heads: merge them with `merge -m <message>` before release",
        heads.len()
    );
    let mut dirs = vec![ctx.versions_dir()];
    dirs.extend(ctx.project.version_locations());
    let shown: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
    for id in &heads {
        let meta = graph.get(id).expect("heads exist");
        let file = dirs
            .iter()
            .find_map(|d| revision_file(d, id))
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| format!("no file {id}_*.rs in {}", shown.join(", ")));
        println!("{id} {:?}: {file}", meta.message);
    }
    for line in super::conflicts::heads_report(ctx).await? {
        println!("{line}");
    }
    Ok(ExitCode::from(1))
}

/// The file of revision `id` in `dir` (`<id>_<slug>.rs`), if there is one.
pub fn revision_file(dir: &std::path::Path, id: &str) -> Option<std::path::PathBuf> {
    let prefix = format!("{id}_");
    let mut found: Vec<_> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "rs")
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(&prefix) || n == format!("{id}.rs"))
        })
        .collect();
    found.sort();
    found.into_iter().next()
}
