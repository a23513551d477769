//! `revision --autogenerate` and `check` (entities versus the live database) and `diff` (one
//! live database versus another).

use std::collections::BTreeSet;
use std::process::ExitCode;

use crate::Error;
use crate::backend::Backend;
use crate::cli::args::Format;
use crate::cli::context::Context;
use crate::config::{DatabaseUrl, UrlSource};
use crate::drift::{database_drift, entities_drift};
use crate::ops::Op;
use crate::plan::OpsMigration;
use crate::render::{RenderInput, render_migration_for};
use crate::revision::{NewRevision, comment_text};
use crate::runtime::{Side, capture_sql, connect, frames, push_frames};

use super::author::write_source;

/// Writes a revision holding the detected ops; writes nothing when there are none.
pub async fn revision(ctx: &Context, new: NewRevision) -> Result<ExitCode, Error> {
    let migrator = ctx.migrator().await?;
    // Generating against an out-of-date database would re-emit what pending revisions do.
    let heads = ctx.migrations.head_ids();
    let current: BTreeSet<String> = migrator.current_heads().await?.into_iter().collect();
    if current != heads {
        return Err(Error::Usage(format!(
            "the database is not at head (at {}, head is {}): run `upgrade` first",
            list(&current),
            list(&heads)
        )));
    }
    let drift = entities_drift(migrator.connection(), &ctx.entities, &ctx.table_filter()?).await?;
    print_unmanaged(&drift.unmanaged);
    if drift.ops.is_empty() {
        println!("No changes detected; no revision written.");
        return Ok(ExitCode::SUCCESS);
    }
    print_ops(&drift.ops);
    print_notices(&drift.notices);
    let source = render_migration_for(
        RenderInput {
            revision: new.clone(),
            ops: &drift.ops,
            before: &drift.current,
        },
        &ctx.project.backends(),
    );
    let path = write_source(ctx, &new, &source)?;
    println!("Generated {}", path.display());
    Ok(ExitCode::SUCCESS)
}

/// Exit 0 in sync, 1 with drift (ops listed), errors become exit 2 in the binary.
pub async fn check(ctx: &Context, format: Format) -> Result<ExitCode, Error> {
    let migrator = ctx.migrator().await?;
    let drift = entities_drift(migrator.connection(), &ctx.entities, &ctx.table_filter()?).await?;
    if format == Format::Json {
        let value = serde_json::json!({
            "in_sync": drift.ops.is_empty() && drift.unmanaged.is_empty(),
            "ops": drift.ops.iter().map(Op::to_json).collect::<Vec<_>>(),
            "unmanaged": drift.unmanaged,
            "notices": drift.notices,
        });
        println!("{value}");
    } else if drift.unmanaged.is_empty() {
        report(&drift.ops, &drift.notices, format);
    } else {
        print_unmanaged(&drift.unmanaged);
        print_ops(&drift.ops);
        print_notices(&drift.notices);
    }
    Ok(if drift.ops.is_empty() && drift.unmanaged.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `diff --from A --to B`: the ops (or, with `--sql`, the upgrade SQL for A's backend) that
/// turn A into B. Exit 0 when they match, 1 when they differ.
pub async fn diff(
    ctx: &Context,
    from: &str,
    to: &str,
    format: Format,
    sql: bool,
) -> Result<ExitCode, Error> {
    let from = DatabaseUrl::parse(from, UrlSource::DiffFrom)?;
    let to = DatabaseUrl::parse(to, UrlSource::DiffTo)?;
    let options = ctx.connect_options();
    // Both at once: the two handshakes overlap instead of adding up.
    let ((from_conn, _), (to_conn, _)) =
        tokio::try_join!(connect(&from, &options), connect(&to, &options))?;
    let drift = database_drift(&from_conn, &to_conn).await?;
    if sql {
        let backend = from.backend();
        let migration = OpsMigration::new("diff", drift.ops.clone(), drift.current.clone());
        let statements = capture_sql(backend.db(), &migration, Side::Up, "diff").await?;
        match format {
            Format::Json => {
                let value = serde_json::json!({
                    "in_sync": drift.ops.is_empty(),
                    "ops": drift.ops.iter().map(Op::to_json).collect::<Vec<_>>(),
                    "notices": drift.notices,
                    "sql": statements,
                });
                println!("{value}");
            }
            Format::Text => print!(
                "{}",
                sql_script(backend, &drift.ops, &drift.notices, &statements)
            ),
        }
    } else {
        report(&drift.ops, &drift.notices, format);
    }
    Ok(if drift.ops.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// A script that applies `statements` the way the migrator would run a revision of them
/// (the same frames as online runs and offline `--sql`, without a version-table row).
fn sql_script(backend: Backend, ops: &[Op], notices: &[String], statements: &[String]) -> String {
    let mut out = String::new();
    for notice in notices {
        out.push_str(&format!("-- {}\n", comment_text(notice)));
    }
    if ops.is_empty() {
        out.push_str("-- No changes detected: the databases match.\n");
        return out;
    }
    for op in ops {
        out.push_str(&format!("-- {}\n", comment_text(&op.describe())));
    }
    push_frames(&mut out, &frames(backend, None), statements);
    out
}

/// Prints ops and notices (one line per unmanaged object) as text or JSON (shared with
/// `diff`).
pub fn report(ops: &[Op], notices: &[String], format: Format) {
    match format {
        Format::Json => {
            let value = serde_json::json!({
                "in_sync": ops.is_empty(),
                "ops": ops.iter().map(Op::to_json).collect::<Vec<_>>(),
                "notices": notices,
            });
            println!("{value}");
        }
        Format::Text if ops.is_empty() => {
            println!("No changes detected: the database matches.");
            print_notices(notices);
        }
        Format::Text => {
            print_ops(ops);
            print_notices(notices);
        }
    }
}

fn print_notices(notices: &[String]) {
    for notice in notices {
        println!("{notice}");
    }
}

/// One line per table no entity describes: the managed set must not be silently incomplete.
fn print_unmanaged(tables: &[String]) {
    for table in tables {
        println!(
            "unmanaged table {}: in the database but in no entity and no exclude pattern (never dropped; add an entity or an exclude pattern)",
            comment_text(&format!("\"{table}\""))
        );
    }
}

fn print_ops(ops: &[Op]) {
    for op in ops {
        match op.is_destructive() {
            Some(warning) => println!("{}  [WARNING: {warning}]", op.describe()),
            None => println!("{}", op.describe()),
        }
    }
}

fn list(ids: &BTreeSet<String>) -> String {
    if ids.is_empty() {
        "base".to_string()
    } else {
        ids.iter().cloned().collect::<Vec<_>>().join(", ")
    }
}
