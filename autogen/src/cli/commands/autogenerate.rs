//! `revision --autogenerate` and `check` (entities versus the live database) and `diff` (one
//! live database versus another).

use std::collections::BTreeSet;
use std::process::ExitCode;

use crate::Error;
use crate::backend::Backend;
use crate::cli::args::Format;
use crate::cli::context::Context;
use crate::compare::Rename;
use crate::config::{DatabaseUrl, UrlSource};
use crate::drift::{Drift, RenameDecider, database_drift, entities_drift_with};
use crate::metadata::entities_in;
use crate::ops::{HazardClass, Op, build_concurrently, hazards_for, ops_json, report_lines};
use crate::plan::OpsMigration;
use crate::render::{RenderInput, render_migration_for};
use crate::revision::{NewRevision, comment_text};
use crate::runtime::{Migrator, Side, capture_sql, connect, frames, push_frames};

use super::author::write_source;

/// The hazard options of `revision --autogenerate`.
#[derive(Debug, Clone, Default)]
pub struct HazardOptions {
    /// Leave the data-loss ops out (and list them).
    pub no_destructive: bool,
    /// Exit 1 without writing when an op has a hazard of one of these classes.
    pub fail_on: Vec<HazardClass>,
    /// Run the revision on a scratch copy first (see `verify`).
    pub verify: bool,
    /// Renames given with `--rename` (candidates are asked for on a terminal).
    pub renames: Vec<Rename>,
    /// Build and drop indexes of existing tables `CONCURRENTLY` on PostgreSQL (see
    /// `ops::build_concurrently`).
    pub concurrently: bool,
}

/// Writes a revision holding the detected ops; writes nothing when there are none.
pub async fn revision(
    ctx: &Context,
    new: NewRevision,
    options: &HazardOptions,
) -> Result<ExitCode, Error> {
    let migrator = ctx.migrator().await?;
    if ctx.migrations.head_ids().is_empty() && migrator.presence().await?.unversioned() {
        return baseline(ctx, &migrator, new).await;
    }
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
    let drift = renaming_drift(ctx, &migrator, &mut |candidates| {
        super::renames::decide(&options.renames, candidates)
    })
    .await?;
    print_unmanaged(&drift.unmanaged);
    let backends: Vec<Backend> = ctx
        .project
        .backends()
        .into_iter()
        .map(Backend::of)
        .collect();
    let mut ops = drift.ops.clone();
    if options.no_destructive {
        let (kept, left): (Vec<Op>, Vec<Op>) = ops
            .into_iter()
            .partition(|op| op.is_destructive().is_none());
        for op in &left {
            println!("left out (--no-destructive, data loss): {}", op.describe());
        }
        ops = kept;
    }
    if ops.is_empty() {
        println!("No changes detected; no revision written.");
        return Ok(ExitCode::SUCCESS);
    }
    let mut new = new;
    // Only PostgreSQL has CONCURRENTLY; a file for other backends only stays as it was.
    if options.concurrently && backends.contains(&Backend::Postgres) {
        let marked = build_concurrently(&mut ops);
        new.transactional = marked == 0;
        if marked > 0 && marked < ops.len() {
            println!(
                "note: {marked} index op(s) run CONCURRENTLY, so PostgreSQL runs this revision outside a transaction: if a later statement fails, the earlier ones stay applied (a separate revision for the indexes avoids that)"
            );
        }
    }
    print_ops(&ops, &backends);
    print_notices(&drift.notices);
    let failing: Vec<String> = ops
        .iter()
        .zip(hazards_for(&ops))
        .flat_map(|(op, hazards)| {
            hazards
                .into_iter()
                .filter(|h| options.fail_on.contains(&h.class) && h.applies_to_any(&backends))
                .map(move |h| format!("{} ({}: {})", op.describe(), h.tag(), h.message))
        })
        .collect();
    if !failing.is_empty() {
        for line in &failing {
            println!("refused (--fail-on): {line}");
        }
        let classes: Vec<&str> = options.fail_on.iter().map(|c| c.name()).collect();
        eprintln!(
            "error: {} op hazard(s) of class {}; no revision written",
            failing.len(),
            classes.join(", ")
        );
        return Ok(ExitCode::from(1));
    }
    if options.verify {
        super::verify::verify(ctx, &ops, &drift.base).await?;
        println!(
            "Verified on a scratch copy: upgrade, nothing left to generate, downgrade restores the schema."
        );
    }
    let source = render_migration_for(
        RenderInput {
            revision: new.clone(),
            ops: &ops,
            before: &drift.base,
        },
        &ctx.project.backends(),
    );
    let path = write_source(ctx, &new, &source)?;
    println!("Generated {}", path.display());
    Ok(ExitCode::SUCCESS)
}

/// The first revision of a database that already holds tables but no version table (one
/// adopted by autogen): a *baseline* that creates everything the entities describe, so that a
/// fresh database can be built from it, while the existing one records it with `stamp`.
async fn baseline(
    ctx: &Context,
    migrator: &Migrator<'_>,
    mut new: NewRevision,
) -> Result<ExitCode, Error> {
    let conn = migrator.connection();
    // What the database holds and the entities do not describe is still said.
    let live = managed_drift(ctx, migrator).await?;
    print_unmanaged(&live.unmanaged);
    let (entities, _) = entities_in(&ctx.entities, migrator.namespace().as_deref());
    let drift =
        crate::drift::baseline_drift(conn.get_database_backend(), &entities, &ctx.table_filter()?);
    if drift.ops.is_empty() {
        println!("No entities to baseline; no revision written.");
        return Ok(ExitCode::SUCCESS);
    }
    new.message = format!("{}\n\n{BASELINE_NOTE}", new.message);
    print_ops(&drift.ops, &[Backend::of(conn.get_database_backend())]);
    let source = render_migration_for(
        RenderInput {
            revision: new.clone(),
            ops: &drift.ops,
            before: &drift.base,
        },
        &ctx.project.backends(),
    );
    let path = write_source(ctx, &new, &source)?;
    println!("Generated baseline {}", path.display());
    if !live.ops.is_empty() {
        println!(
            "warning: the database differs from the entities in {} op(s) (see `check`); the baseline describes the entities",
            live.ops.len()
        );
    }
    println!(
        "The database has tables but no version table: record the baseline there without running it: `stamp {}`",
        new.id
    );
    Ok(ExitCode::SUCCESS)
}

/// The line that marks a baseline revision in its message.
pub const BASELINE_NOTE: &str = "baseline: creates the schema the database held when autogen adopted it; on that database it is recorded with `stamp`, not run";

/// Exit 0 in sync, 1 with drift (ops listed), errors become exit 2 in the binary.
pub async fn check(ctx: &Context, format: Format, diff: bool) -> Result<ExitCode, Error> {
    let migrator = ctx.migrator().await?;
    let drift = managed_drift(ctx, &migrator).await?;
    let backend = Backend::of(migrator.connection().get_database_backend());
    if diff {
        print_unmanaged(&drift.unmanaged);
        print_ddl_diff(&drift, backend, ("database", "entities"));
        return Ok(exit_code(&drift));
    }
    let branches = super::conflicts::heads_report(ctx).await?;
    Ok(print_check(
        &drift,
        format,
        backend,
        &branches,
        serde_json::Map::new(),
    ))
}

/// The entities that belong in the migrator's schema (see [`entities_in`]) versus that
/// schema; the entities left out are said in the notices.
pub async fn managed_drift(ctx: &Context, migrator: &Migrator<'_>) -> Result<Drift, Error> {
    renaming_drift(ctx, migrator, &mut |_| Ok(Vec::new())).await
}

/// [`managed_drift`], with the renames `decide` picks among the candidates.
async fn renaming_drift(
    ctx: &Context,
    migrator: &Migrator<'_>,
    decide: &mut RenameDecider<'_>,
) -> Result<Drift, Error> {
    let (entities, notes) = entities_in(&ctx.entities, migrator.namespace().as_deref());
    let mut drift = entities_drift_with(
        migrator.connection(),
        &entities,
        &ctx.table_filter()?,
        decide,
    )
    .await?;
    drift.notices.extend(notes);
    Ok(drift)
}

/// Prints what `check` found (text, or one JSON object with `extra` keys added) and returns
/// its exit code: 0 in sync, 1 with ops or unmanaged tables.
pub fn print_check(
    drift: &Drift,
    format: Format,
    backend: Backend,
    branches: &[String],
    extra: serde_json::Map<String, serde_json::Value>,
) -> ExitCode {
    if format == Format::Json {
        let mut value = serde_json::json!({
            "branches": branches,
            "in_sync": drift.ops.is_empty() && drift.unmanaged.is_empty(),
            "ops": ops_json(&drift.ops, backend),
            "unmanaged": drift.unmanaged,
            "notices": drift.notices,
        });
        value.as_object_mut().expect("object").extend(extra);
        println!("{value}");
    } else if drift.unmanaged.is_empty() {
        for line in branches {
            println!("{line}");
        }
        report(&drift.ops, &drift.notices, format, backend);
    } else {
        for line in branches {
            println!("{line}");
        }
        print_unmanaged(&drift.unmanaged);
        print_ops(&drift.ops, &[backend]);
        print_notices(&drift.notices);
    }
    exit_code(drift)
}

/// 0 in sync, 1 with ops or unmanaged tables.
fn exit_code(drift: &Drift) -> ExitCode {
    if drift.ops.is_empty() && drift.unmanaged.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// The unified diff of the DDL before and after the ops (coloured on a terminal unless
/// `NO_COLOR` is set), or the in-sync line.
fn print_ddl_diff(drift: &Drift, backend: Backend, labels: (&str, &str)) {
    use std::io::IsTerminal;
    let mut after = drift.current.clone();
    crate::model::apply::apply_all(&mut after, &drift.ops);
    let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let text = crate::render::ddl_diff(&drift.current, &after, backend, labels, colour);
    if text.is_empty() {
        println!("No changes detected: the database matches.");
    } else {
        print!("{text}");
    }
    print_notices(&drift.notices);
}

/// `diff --from A --to B`: the ops (or, with `--sql`, the upgrade SQL for A's backend) that
/// turn A into B. Exit 0 when they match, 1 when they differ.
pub async fn diff(
    ctx: &Context,
    from: &str,
    to: &str,
    format: Format,
    sql: bool,
    ddl: bool,
) -> Result<ExitCode, Error> {
    let from = DatabaseUrl::parse(from, UrlSource::DiffFrom)?;
    let to = DatabaseUrl::parse(to, UrlSource::DiffTo)?;
    let options = ctx.connect_options();
    // Both at once: the two handshakes overlap instead of adding up.
    let ((from_conn, _), (to_conn, _)) =
        tokio::try_join!(connect(&from, &options), connect(&to, &options))?;
    let drift = database_drift(&from_conn, &to_conn).await?;
    if ddl {
        print_ddl_diff(&drift, from.backend(), ("from", "to"));
    } else if sql {
        let backend = from.backend();
        let migration = OpsMigration::new("diff", drift.ops.clone(), drift.base.clone());
        let statements = capture_sql(backend.db(), &migration, Side::Up, "diff").await?;
        match format {
            Format::Json => {
                let value = serde_json::json!({
                    "in_sync": drift.ops.is_empty(),
                    "ops": ops_json(&drift.ops, backend),
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
        report(&drift.ops, &drift.notices, format, from.backend());
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
    push_frames(&mut out, &frames(backend, None, true), statements);
    out
}

/// Prints ops and notices (one line per unmanaged object) as text or JSON (shared with
/// `diff`).
pub fn report(ops: &[Op], notices: &[String], format: Format, backend: Backend) {
    match format {
        Format::Json => {
            let value = serde_json::json!({
                "in_sync": ops.is_empty(),
                "ops": ops_json(ops, backend),
                "notices": notices,
            });
            println!("{value}");
        }
        Format::Text if ops.is_empty() => {
            println!("No changes detected: the database matches.");
            print_notices(notices);
        }
        Format::Text => {
            print_ops(ops, &[backend]);
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

/// One line per op, then its hazards on `backends` (see [`report_lines`]).
pub(super) fn print_ops(ops: &[Op], backends: &[Backend]) {
    for line in report_lines(ops, backends) {
        println!("{line}");
    }
}

fn list(ids: &BTreeSet<String>) -> String {
    if ids.is_empty() {
        "base".to_string()
    } else {
        ids.iter().cloned().collect::<Vec<_>>().join(", ")
    }
}
