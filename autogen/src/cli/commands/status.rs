//! `current`: where the database is.

use std::process::ExitCode;

use crate::Error;
use crate::cli::context::Context;
use crate::runtime::RevisionState;

use super::describe;

/// Prints the current heads of the database (nothing when at base).
pub async fn current(ctx: &Context, verbose: bool) -> Result<ExitCode, Error> {
    let migrator = ctx.migrator().await?;
    let rows = migrator.applied().await?;
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
    let graph = ctx.migrations.graph();
    for id in heads {
        let row = rows.iter().find(|r| r.revision == id);
        // A row from a branch whose files this build lacks: show it rather than fail.
        let Some(meta) = graph.get(&id) else {
            println!("{id} (unknown: no migration file defines it)");
            if let Some(row) = row.filter(|_| verbose) {
                println!("Applied at: {}  checksum: {}", row.applied_at, row.checksum);
            }
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
