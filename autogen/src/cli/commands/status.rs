//! `current`: where the database is.

use std::process::ExitCode;

use crate::Error;
use crate::cli::context::Context;
use crate::runtime::{RevisionState, VERSION_TABLE};

use super::describe;

/// Prints the current heads of the database (nothing when at base).
pub async fn current(ctx: &Context, verbose: bool) -> Result<ExitCode, Error> {
    let migrator = ctx.migrator().await?;
    let presence = migrator.presence().await?;
    if presence.unversioned() {
        println!(
            "unversioned: the database has {} table(s) but no {VERSION_TABLE} table; if its schema matches a revision, record that with `stamp <revision>`",
            presence.other_tables
        );
        return Ok(ExitCode::SUCCESS);
    }
    let rows = migrator.applied().await?;
    // The view the database migrates on: a squash for the rows of its range, or its
    // originals for a database inside the range (see `revision::squash`).
    let view = match migrator.view(&rows) {
        Ok((view, _)) => view,
        Err(e) => {
            println!("{e}");
            std::borrow::Cow::Borrowed(ctx.migrations.graph())
        }
    };
    let graph = view.as_ref();
    // Rows no migration file defines, wherever they sit in the graph: never shown as fine.
    for row in rows.iter().filter(|r| !graph.knows(&r.revision)) {
        println!(
            "{} (unknown: no migration file defines it; upgrade and downgrade refuse until the file is back)",
            row.revision
        );
    }
    for row in &rows {
        match row.state {
            RevisionState::Applied => {}
            RevisionState::Failed => println!(
                "{} (FAILED at statement {}; repair, then stamp)",
                row.revision,
                row.failed_statement.unwrap_or(0)
            ),
            RevisionState::Running => println!(
                "{} (INTERRUPTED: started, never finished; repair, then stamp)",
                row.revision
            ),
        }
    }
    let heads = migrator.current_heads().await?;
    for id in heads {
        let row = rows.iter().find(|r| r.revision == id);
        // Unknown rows were listed above.
        let Some(meta) = graph.get(&id) else {
            continue;
        };
        if verbose {
            println!("{}", describe::verbose(graph, meta, true));
            if let Some(row) = row {
                println!("Applied at: {}  checksum: {}", row.applied_at, row.checksum);
            }
        } else {
            println!(
                "{}",
                describe::line(graph, meta, true)
                    .split_once(" -> ")
                    .map(|(_, r)| r)
                    .unwrap_or("")
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
