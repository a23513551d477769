//! `init`: sets up the workspace around the working directory (see [`crate::project::init`]).

use std::path::Path;
use std::process::ExitCode;

use crate::Error;
use crate::cli::context::Context;
use crate::project::{InitOptions, MEMBERS, SNIPPET};

/// Writes the new crates and settings, or refuses listing what exists.
pub fn init(
    ctx: &Context,
    entity_dir: &Path,
    autogen_path: Option<&Path>,
) -> Result<ExitCode, Error> {
    let autogen_path = autogen_path
        .map(Path::to_path_buf)
        // The crate this binary was built from: a sensible path dependency to start with.
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf());
    let plan = crate::project::init(&InitOptions {
        root: ctx.project.root.dir.clone(),
        entity_dir: entity_dir.to_path_buf(),
        autogen_path,
        entities_fn: false,
    })?;
    for (path, _) in &plan.files {
        println!("created {}", path.display());
    }
    println!("added workspace members {}", MEMBERS.join(", "));
    println!();
    print!("{SNIPPET}");
    Ok(ExitCode::SUCCESS)
}

/// `init --from-database`: `pull --lib` into the entity crate, `init` (the binary returns the
/// pulled `entities()`), a baseline revision of the live schema, and `stamp` of it — for a
/// database that has tables but no version table. Every file is checked before the first write.
pub async fn init_from_database(
    ctx: &Context,
    entity_dir: &Path,
    autogen_path: Option<&Path>,
) -> Result<ExitCode, Error> {
    use crate::pull::{PullOptions, render as render_entities, write_files};
    let root = ctx.project.root.dir.clone();
    let url = ctx.url().await?;
    let (conn, _) = crate::runtime::connect(&url, &ctx.connect_options()).await?;
    let backend = conn.get_database_backend();
    if crate::runtime::presence(&conn).await?.version_table {
        return Err(Error::Usage(format!(
            "init --from-database: the database already has the version table {}; use init, then revision --autogenerate",
            crate::runtime::VERSION_TABLE
        )));
    }
    let (mut schema, _) = crate::drift::current_schema(&conn).await?;
    let managed = ctx.table_filter()?;
    schema.tables.retain(|name, _| managed.manages(name));
    if schema.tables.is_empty() {
        return Err(Error::Usage(
            "init --from-database: the database has no table to adopt (see the config's include/exclude)".into(),
        ));
    }
    let pulled = render_entities(&schema, PullOptions { lib: true, backend });
    let src = root.join(entity_dir).join("src");
    // `init` lists every file it would write when one exists; the pulled files first.
    let clash: Vec<String> = pulled
        .files
        .iter()
        .filter(|(name, _)| src.join(name).exists())
        .map(|(name, _)| src.join(name).display().to_string())
        .collect();
    if !clash.is_empty() {
        return Err(Error::Usage(format!(
            "init --from-database would overwrite {} (nothing written)",
            clash.join(", ")
        )));
    }
    let autogen_path = autogen_path
        .map(Path::to_path_buf)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf());
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).ok();
    let plan = crate::project::init(&InitOptions {
        root: root.clone(),
        entity_dir: entity_dir.to_path_buf(),
        autogen_path,
        entities_fn: true,
    })?;
    let adopted = async {
        let written = write_files(&src, &pulled.files, false)?;
        let baseline = baseline_and_stamp(ctx, &url, &root, backend, &schema).await?;
        Ok::<_, Error>((written, baseline))
    }
    .await;
    let (written, (path, id)) = match adopted {
        Ok(done) => done,
        Err(e) => {
            // Nothing half-written: init's crates did not exist before (it refuses otherwise),
            // nor did the pulled files.
            for dir in MEMBERS {
                let _ = std::fs::remove_dir_all(root.join(dir));
            }
            for (file, _) in plan
                .files
                .iter()
                .filter(|(f, _)| f.starts_with("autogen.toml"))
            {
                let _ = std::fs::remove_file(root.join(file));
            }
            for (name, _) in &pulled.files {
                let _ = std::fs::remove_file(src.join(name));
            }
            if let Some(manifest) = manifest {
                let _ = std::fs::write(root.join("Cargo.toml"), manifest);
            }
            return Err(e);
        }
    };
    for path in &written {
        println!("wrote {}", path.display());
    }
    for note in &pulled.notes {
        println!("{note}");
    }
    for (path, _) in &plan.files {
        println!("created {}", path.display());
    }
    println!("added workspace members {}", MEMBERS.join(", "));
    println!("Generated baseline {}", path.display());
    println!("Stamped {id} (no schema change).");
    println!();
    print!("{SNIPPET}");
    Ok(ExitCode::SUCCESS)
}

/// Writes the baseline of `schema` through the `autogen.toml` init just wrote (versions dir,
/// template, hooks) and stamps it; returns the file and the revision id.
async fn baseline_and_stamp(
    ctx: &Context,
    url: &crate::config::DatabaseUrl,
    root: &Path,
    backend: sea_orm::DbBackend,
    schema: &crate::model::Schema,
) -> Result<(std::path::PathBuf, String), Error> {
    use crate::render::{RenderInput, render_migration_for};
    use crate::revision::{NewRevision, RevisionMeta, new_revision_id};
    use crate::runtime::{Migrations, Migrator, Revision};

    let project = crate::project::Project::load(None, root)?;
    let drift = crate::drift::baseline_from_live(backend, schema);
    let new = NewRevision {
        id: new_revision_id(),
        message: format!("baseline\n\n{}", super::autogenerate::BASELINE_NOTE),
        create_date: chrono::Utc::now()
            .format("%Y-%m-%d %H:%M:%S UTC")
            .to_string(),
        ..NewRevision::default()
    };
    let source = render_migration_for(
        RenderInput {
            revision: new.clone(),
            ops: &drift.ops,
            before: &drift.base,
        },
        &project.backends(),
    );
    let dir = project.versions_dir(None);
    let path = super::author::write_source_in(&project, &dir, &new, &source)?;

    // Recorded, not run: the same ops as the file, so the checksum is the one `upgrade`
    // computes from it later.
    let id: &'static str = Box::leak(new.id.clone().into_boxed_str());
    let migrations = Migrations::new(vec![Revision::new(
        RevisionMeta {
            id,
            down_revisions: &[],
            branch_labels: &[],
            depends_on: &[],
            replaces: &[],
            transactional: true,
            message: "baseline",
            create_date: "",
        },
        crate::plan::OpsMigration::new(id, drift.ops.clone(), drift.base.clone()),
    )])?;
    let migrator = Migrator::connect(url, &migrations, &ctx.connect_options()).await?;
    migrator.stamp(id, false, &ctx.run_options(true)).await?;
    Ok((path, new.id))
}
