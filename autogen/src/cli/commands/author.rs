//! `revision` and `merge`: writing new migration files.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::Error;
use crate::cli::context::Context;
use crate::revision::{NewRevision, clean_message, file_name, new_revision_id, render, rustfmt};

/// `revision -m <msg>`: an empty revision for hand-written or data migrations.
pub fn revision(ctx: &Context, new: NewRevision) -> Result<ExitCode, Error> {
    let path = write_source(ctx, &new, &rustfmt(&render(&new)))?;
    println!("Generated {}", path.display());
    Ok(ExitCode::SUCCESS)
}

/// The metadata of a new revision on top of `head` (default: the single head).
pub fn new_revision(
    ctx: &Context,
    message: &str,
    head: Option<&str>,
    branch_label: Option<&str>,
    depends_on: &[String],
    rev_id: Option<&str>,
) -> Result<NewRevision, Error> {
    // Before any work (autogenerate connects and compares): fail where nothing can be written.
    versions_dir(ctx)?;
    let graph = ctx.migrations.graph();
    let parents: Vec<String> = match head {
        Some("base") => Vec::new(),
        Some(h) => graph
            .resolve_many(h)?
            .into_iter()
            .map(str::to_string)
            .collect(),
        None if graph.is_empty() => Vec::new(),
        None => vec![graph.resolve("head")?.id.to_string()],
    };
    let depends_on = depends_on
        .iter()
        .map(|d| graph.resolve(d).map(|m| m.id.to_string()))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(NewRevision {
        id: checked_id(ctx, rev_id)?,
        down_revisions: parents,
        branch_labels: branch_label
            .map(|l| vec![l.to_string()])
            .unwrap_or_default(),
        depends_on,
        // Bidi and control characters would make the file read differently than it runs.
        message: clean_message(message),
        create_date: chrono::Utc::now()
            .format("%Y-%m-%d %H:%M:%S UTC")
            .to_string(),
        ..NewRevision::default()
    })
}

/// `merge -m <msg> [revs...]`: a revision whose parents are the given heads (default: all).
pub async fn merge(
    ctx: &Context,
    message: &str,
    revisions: &[String],
    branch_label: Option<&str>,
    rev_id: Option<&str>,
) -> Result<ExitCode, Error> {
    versions_dir(ctx)?;
    let graph = ctx.migrations.graph();
    let parents: Vec<String> = if revisions.is_empty() {
        graph.heads().into_iter().map(str::to_string).collect()
    } else {
        // The same revision named twice (or by id and prefix) is one parent.
        let mut ids: Vec<String> = Vec::new();
        for r in revisions {
            for id in graph.resolve_many(r)? {
                if !ids.iter().any(|known| known == id) {
                    ids.push(id.to_string());
                }
            }
        }
        ids
    };
    // A parent that is an ancestor of another parent is already merged into it.
    for p in &parents {
        for q in &parents {
            if graph.ancestors(q)?.contains(&p.as_str()) {
                return Err(Error::Usage(format!(
                    "cannot merge {p} with {q}: {p} is already an ancestor of {q}"
                )));
            }
        }
    }
    if parents.len() < 2 {
        return Err(Error::Usage(format!(
            "merge needs at least two revisions, got {}: {}",
            parents.len(),
            parents.join(", ")
        )));
    }
    let new = NewRevision {
        id: checked_id(ctx, rev_id)?,
        down_revisions: parents,
        branch_labels: branch_label
            .map(|l| vec![l.to_string()])
            .unwrap_or_default(),
        // Bidi and control characters would make the file read differently than it runs.
        message: clean_message(message),
        create_date: chrono::Utc::now()
            .format("%Y-%m-%d %H:%M:%S UTC")
            .to_string(),
        ..NewRevision::default()
    };
    // Said before the file is written: a conflict is for the reviewer of the merge.
    let report = super::conflicts::pairs_report(ctx, &new.down_revisions).await?;
    let path = write_source(ctx, &new, &rustfmt(&render(&new)))?;
    for line in report {
        println!("{line}");
    }
    println!("Generated {}", path.display());
    Ok(ExitCode::SUCCESS)
}

fn checked_id(ctx: &Context, rev_id: Option<&str>) -> Result<String, Error> {
    let id = rev_id.map(str::to_string).unwrap_or_else(new_revision_id);
    if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(Error::Usage(format!(
            "revision id '{id}' must be letters, digits or '_'"
        )));
    }
    if ctx.migrations.get(&id).is_some() {
        return Err(Error::Usage(format!("revision id '{id}' already exists")));
    }
    Ok(id)
}

/// Writes the file atomically (temp file + rename) so a failure leaves nothing half-written.
pub fn write_source(ctx: &Context, new: &NewRevision, source: &str) -> Result<PathBuf, Error> {
    write_source_in(&ctx.project, &versions_dir(ctx)?, new, source)
}

/// [`write_source`] into `dir`, with `project`'s template and hooks.
pub fn write_source_in(
    project: &crate::project::Project,
    dir: &std::path::Path,
    new: &NewRevision,
    source: &str,
) -> Result<PathBuf, Error> {
    let templated = match &project.file.template {
        Some(template) => {
            let template = project.root.resolve(template);
            let text = std::fs::read_to_string(&template).map_err(|source| {
                crate::project::TemplateError::Unreadable {
                    path: template.clone(),
                    source,
                }
            })?;
            let id = &new.id;
            let (message, date) = (&new.message, &new.create_date);
            Some(crate::project::apply_template(
                &text, &template, source, id, message, date,
            )?)
        }
        None => None,
    };
    let source = templated.as_deref().unwrap_or(source);
    let path = dir.join(file_name(&new.id, &new.message));
    if path.exists() {
        return Err(Error::FileExists { path });
    }
    let tmp = dir.join(format!(".{}.tmp", new.id));
    // The error names the file the user asked for, not the temporary one.
    let failed = |source| Error::Io {
        action: "write",
        path: path.clone(),
        source,
    };
    std::fs::write(&tmp, source).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        failed(e)
    })?;
    std::fs::rename(&tmp, &path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        failed(e)
    })?;
    crate::project::run_hooks(&project.file.post_write_hooks, &path, &project.root.dir)?;
    Ok(path)
}

/// The versions directory, which must be a directory.
/// With `version_locations` in `autogen.toml`, it must be one of them: the migration crate
/// compiles only those.
fn versions_dir(ctx: &Context) -> Result<PathBuf, Error> {
    let dir = ctx.versions_dir();
    if !dir.is_dir() {
        return Err(Error::NoVersionsDir { path: dir });
    }
    let locations = ctx.project.version_locations();
    if !ctx.project.file.version_locations.is_empty()
        && !locations.iter().any(|l| crate::project::same_dir(l, &dir))
    {
        return Err(Error::Usage(format!(
            "versions directory {} is not in version_locations of autogen.toml ({}); the migration crate would not compile it",
            dir.display(),
            locations
                .iter()
                .map(|l| l.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    Ok(dir)
}
