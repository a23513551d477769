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
    })?;
    for (path, _) in &plan.files {
        println!("created {}", path.display());
    }
    println!("added workspace members {}", MEMBERS.join(", "));
    println!();
    print!("{SNIPPET}");
    Ok(ExitCode::SUCCESS)
}
