//! `import seaorm`: switches a project from sea-orm-migration in one command (see
//! [`crate::project::plan_import`]). `seaql_migrations` is read, never written.

use std::path::PathBuf;
use std::process::ExitCode;

use sea_orm::ConnectionTrait;

use crate::Error;
use crate::backend::Backend;
use crate::cli::context::Context;
use crate::project::plan_import;
use crate::revision::{RevisionMeta, render, rustfmt};
use crate::runtime::{Migrations, Migrator, Revision};

/// sea-orm-migration's own version table.
const SEAQL_TABLE: &str = "seaql_migrations";

/// Writes one revision per sea-orm-migration and stamps the applied ones; on any failure
/// nothing stays written.
pub async fn seaorm(ctx: &Context) -> Result<ExitCode, Error> {
    let seaorm = ctx.seaorm.ok_or_else(|| {
        Error::Usage(
            "import seaorm: this binary has no sea-orm-migration Migrator; call autogen::cli::run_with_seaorm::<migration::Migrator>(..) in its main (init does when it finds a migration crate)".into(),
        )
    })?;
    let dir = ctx.versions_dir();
    if !dir.is_dir() {
        return Err(Error::NoVersionsDir { path: dir });
    }
    let existing = revision_files(&dir);
    if !ctx.migrations.is_empty() || !existing.is_empty() {
        return Err(Error::Usage(format!(
            "import seaorm needs an empty versions directory, {} has revisions ({}); nothing written",
            dir.display(),
            existing.join(", ")
        )));
    }
    let names: Vec<String> = (seaorm.migrations)()
        .iter()
        .map(|m| m.name().to_string())
        .collect();
    let url = ctx.url().await?;
    let (conn, _) = crate::runtime::connect(&url, &ctx.connect_options()).await?;
    let applied = applied_seaorm(&conn).await?;
    let date = chrono::Utc::now()
        .format("%Y-%m-%d %H:%M:%S UTC")
        .to_string();
    let (revisions, target) =
        plan_import(&names, &applied, seaorm.path, &date).map_err(Error::Usage)?;

    let mut written: Vec<PathBuf> = Vec::new();
    let undo = |written: &[PathBuf]| {
        for path in written {
            let _ = std::fs::remove_file(path);
        }
    };
    for new in &revisions {
        match super::author::write_source(ctx, new, &rustfmt(&render(new))) {
            Ok(path) => written.push(path),
            Err(e) => {
                undo(&written);
                return Err(e);
            }
        }
    }
    if let Some(target) = &target {
        // The stamp runs the same code the new files will run (the original migrations), so
        // the checksums it records are the ones `upgrade` computes later from the files.
        let in_memory: Vec<Revision> = revisions
            .iter()
            .zip((seaorm.migrations)())
            .map(|(new, migration)| Revision {
                meta: RevisionMeta {
                    // One command's lifetime: the metadata the build script will compile in.
                    id: leak(&new.id),
                    down_revisions: Box::leak(
                        new.down_revisions
                            .iter()
                            .map(|p| leak(p))
                            .collect::<Vec<_>>()
                            .into_boxed_slice(),
                    ),
                    branch_labels: &[],
                    depends_on: &[],
                    replaces: &[],
                    transactional: true,
                    message: leak(&new.message),
                    create_date: leak(&new.create_date),
                },
                migration,
            })
            .collect();
        let stamped = async {
            let migrations = Migrations::new(in_memory)?;
            let migrator = Migrator::connect(&url, &migrations, &ctx.connect_options()).await?;
            migrator
                .stamp(target, false, &ctx.run_options(true))
                .await?;
            Ok::<_, Error>(())
        };
        if let Err(e) = stamped.await {
            undo(&written);
            return Err(e);
        }
    }
    for path in &written {
        println!("Generated {}", path.display());
    }
    println!(
        "Imported {} sea-orm-migration(s); stamped {} as applied ({}); {SEAQL_TABLE} left as it is.",
        revisions.len(),
        applied.len(),
        target.as_deref().unwrap_or("none")
    );
    println!("Rebuild the migration binary, then `current` shows the imported head.");
    Ok(ExitCode::SUCCESS)
}

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}

/// The `.rs` files in the versions directory, sorted.
fn revision_files(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".rs"))
        .collect();
    names.sort();
    names
}

/// The versions `seaql_migrations` lists; none when the table does not exist.
async fn applied_seaorm(conn: &impl ConnectionTrait) -> Result<Vec<String>, Error> {
    let db = conn.get_database_backend();
    let backend = Backend::of(db);
    let name = backend.string(SEAQL_TABLE);
    let exists = match backend {
        Backend::Postgres => format!(
            "SELECT tablename AS name FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = {name}"
        ),
        Backend::MySql => format!(
            "SELECT CAST(table_name AS CHAR) AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = {name}"
        ),
        Backend::Sqlite => {
            format!("SELECT name FROM sqlite_schema WHERE type = 'table' AND name = {name}")
        }
    };
    let failed = |e: sea_orm::DbErr| {
        Error::Usage(format!(
            "import seaorm: cannot read {SEAQL_TABLE}: {}",
            crate::config::scrub_known_secrets(&e.to_string())
        ))
    };
    let found = conn
        .query_all_raw(sea_orm::Statement::from_string(db, exists))
        .await
        .map_err(failed)?;
    if found.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT version FROM {} ORDER BY version",
        backend.ident(SEAQL_TABLE)
    );
    let rows = conn
        .query_all_raw(sea_orm::Statement::from_string(db, sql))
        .await
        .map_err(failed)?;
    rows.iter()
        .map(|row| row.try_get::<String>("", "version").map_err(failed))
        .collect()
}
