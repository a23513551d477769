//! `pull`: entity files from the database's tables (see [`crate::pull`]).

use std::path::Path;
use std::process::ExitCode;

use crate::Error;
use crate::cli::context::Context;
use crate::drift::current_schema;
use crate::project::TableFilter;
use crate::pull::{PullOptions, render, write_files};

/// Reads the managed tables (limited by `--tables`), renders and writes the entity files.
pub async fn pull(
    ctx: &Context,
    tables: &[String],
    dir: &Path,
    lib: bool,
    force: bool,
) -> Result<ExitCode, Error> {
    let only = TableFilter::new(tables, &[])?;
    let managed = ctx.table_filter()?;
    let migrator = ctx.migrator().await?;
    let conn = migrator.connection();
    let (mut schema, _) = current_schema(conn).await?;
    schema
        .tables
        .retain(|name, _| managed.manages(name) && only.manages(name));
    if schema.tables.is_empty() {
        return Err(Error::Usage(
            "pull found no table to write (check --tables and the config's include/exclude)".into(),
        ));
    }
    let pulled = render(
        &schema,
        PullOptions {
            lib,
            backend: conn.get_database_backend(),
        },
    );
    let dir = ctx.project.root.dir.join(dir);
    let written = write_files(&dir, &pulled.files, force)?;
    for path in &written {
        println!("wrote {}", path.display());
    }
    for note in &pulled.notes {
        println!("{note}");
    }
    println!(
        "{} tables pulled; list them with `entities()` from {}",
        schema.tables.len()
            - pulled
                .notes
                .iter()
                .filter(|n| n.contains("no primary key"))
                .count(),
        dir.join(if lib { "lib.rs" } else { "mod.rs" }).display()
    );
    Ok(ExitCode::SUCCESS)
}
