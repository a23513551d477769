//! `init`: sets up a cargo workspace that has an entity crate (for example as `sea-orm-cli
//! generate entity --lib` leaves it): the migration crate `autogen-migration/` (versions
//! directory, build script, migrator, revision template), the binary crate `autogen-cli/` listing the entities,
//! `autogen.toml`, a README snippet, and the two workspace members. Nothing is overwritten:
//! when any file exists, nothing is written and the error lists every file.

use std::path::{Path, PathBuf};

/// What to set up.
#[derive(Debug, Clone)]
pub struct InitOptions {
    /// The cargo workspace root.
    pub root: PathBuf,
    /// The entity crate's directory, relative to the root.
    pub entity_dir: PathBuf,
    /// The `autogen` crate the new crates depend on (by path).
    pub autogen_path: PathBuf,
    /// The entity crate has `entities()` (as `pull --lib` writes it): the binary returns it
    /// instead of listing each entity.
    pub entities_fn: bool,
}

/// A failure of `init`; nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    /// Files `init` would write already exist.
    #[error("init would overwrite {} (nothing written; it would write: {})", list(.existing), list(.planned))]
    Exists {
        /// The files that exist.
        existing: Vec<PathBuf>,
        /// Every file it would write.
        planned: Vec<PathBuf>,
    },
    /// The root has no `Cargo.toml` with a `[workspace]` table.
    #[error("{} is not a cargo workspace root (no [workspace] in Cargo.toml)", .0.display())]
    NotWorkspace(PathBuf),
    /// The entity crate is missing or has no entities.
    #[error("no entity crate at {}: {reason}", .dir.display())]
    NoEntities {
        /// The directory looked at.
        dir: PathBuf,
        /// What was missing.
        reason: &'static str,
    },
    /// A file could not be read or written.
    #[error("cannot {action} {}", .path.display())]
    Io {
        /// `read` or `write`.
        action: &'static str,
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
}

fn list(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The files `init` writes, relative to the root, and the new workspace manifest.
#[derive(Debug, Clone)]
pub struct InitPlan {
    /// New files and their contents.
    pub files: Vec<(PathBuf, String)>,
    /// The workspace `Cargo.toml` with the two new members.
    pub manifest: String,
}

/// The build script `init` writes is this repository's own, so the two cannot drift apart.
const BUILD_RS: &str = include_str!("../../../migration/build.rs");
const MIGRATION_TOML: &str = include_str!("init_files/migration_Cargo.toml.txt");
const MIGRATION_LIB: &str = include_str!("init_files/migration_lib.rs.txt");
const VERSIONS_README: &str = include_str!("init_files/versions_README.md.txt");
const CLI_TOML: &str = include_str!("init_files/cli_Cargo.toml.txt");
const CLI_MAIN: &str = include_str!("init_files/cli_main.rs.txt");
/// The binary's build script (the rpath of the debug build's shared library) is this
/// repository's own `cli/build.rs`.
const CLI_BUILD_RS: &str = include_str!("../../../cli/build.rs");
const CONFIG: &str = include_str!("init_files/autogen.toml.txt");
/// The README snippet `init` writes to `autogen-migration/README.md`.
pub const SNIPPET: &str = include_str!("init_files/snippet.md.txt");

/// The two new workspace members.
pub const MEMBERS: [&str; 2] = ["autogen-migration", "autogen-cli"];

/// Works out what `init` would write, without writing.
pub fn plan_init(opts: &InitOptions) -> Result<InitPlan, InitError> {
    let manifest_path = opts.root.join("Cargo.toml");
    let manifest = read(&manifest_path)?;
    if !manifest.lines().any(|l| l.trim() == "[workspace]") {
        return Err(InitError::NotWorkspace(opts.root.clone()));
    }
    let entity_root = opts.root.join(&opts.entity_dir);
    let (package, modules) = if opts.entities_fn {
        // The entity files are not written yet (`init --from-database` pulls them next).
        let manifest = std::fs::read_to_string(entity_root.join("Cargo.toml")).map_err(|_| {
            InitError::NoEntities {
                dir: entity_root.clone(),
                reason: "no Cargo.toml",
            }
        })?;
        let package = package_name(&manifest).ok_or(InitError::NoEntities {
            dir: entity_root.clone(),
            reason: "no [package] name in Cargo.toml",
        })?;
        (package, Vec::new())
    } else {
        entity_crate(&entity_root)?
    };
    let entity_dir = opts.entity_dir.to_string_lossy().replace('\\', "/");
    let crate_name = package.replace('-', "_");
    let entity_list: String = modules
        .iter()
        .map(|m| format!("        autogen::EntityDef::of::<{crate_name}::{m}::Entity>(),\n"))
        .collect();
    let entities_body = if opts.entities_fn {
        format!("    {crate_name}::entities()")
    } else {
        format!("    vec![\n{entity_list}    ]")
    };
    let autogen_path = opts.autogen_path.to_string_lossy().replace('\\', "/");
    let seaorm = seaorm_crate(&opts.root);
    let (seaorm_dependency, run) = match &seaorm {
        Some(package) => (
            format!("{package} = {{ path = \"../{SEAORM_DIR}\" }}\n"),
            format!(
                "autogen::cli::run_with_seaorm::<{}::Migrator>",
                package.replace('-', "_")
            ),
        ),
        None => (String::new(), "autogen::cli::run".to_string()),
    };
    let fill = |text: &str| {
        text.replace("{{autogen_path}}", &autogen_path)
            .replace("{{seaorm_dependency}}", &seaorm_dependency)
            .replace("{{run}}", &run)
            .replace("{{entity_package}}", &package)
            .replace("{{entity_dir}}", &entity_dir)
            .replace("{{entities_body}}", &entities_body)
    };
    let files = vec![
        ("autogen-migration/Cargo.toml", fill(MIGRATION_TOML)),
        ("autogen-migration/build.rs", BUILD_RS.to_string()),
        ("autogen-migration/src/lib.rs", MIGRATION_LIB.to_string()),
        (
            "autogen-migration/src/versions/README.md",
            VERSIONS_README.to_string(),
        ),
        ("autogen-migration/README.md", fill(SNIPPET)),
        ("autogen-cli/Cargo.toml", fill(CLI_TOML)),
        ("autogen-cli/src/main.rs", fill(CLI_MAIN)),
        ("autogen-cli/build.rs", CLI_BUILD_RS.to_string()),
        (
            "autogen-migration/revision.rs.tmpl",
            super::DEFAULT_TEMPLATE.to_string(),
        ),
        ("autogen.toml", CONFIG.to_string()),
    ]
    .into_iter()
    .map(|(p, c)| (PathBuf::from(p), c))
    .collect();
    Ok(InitPlan {
        files,
        manifest: add_members(&manifest),
    })
}

/// Writes the plan; refuses (writing nothing) when any of its files exists.
pub fn init(opts: &InitOptions) -> Result<InitPlan, InitError> {
    let plan = plan_init(opts)?;
    let planned: Vec<PathBuf> = plan.files.iter().map(|(p, _)| p.clone()).collect();
    let existing: Vec<PathBuf> = planned
        .iter()
        .filter(|p| opts.root.join(p).exists())
        .cloned()
        .chain(
            MEMBERS
                .iter()
                .map(PathBuf::from)
                .filter(|d| opts.root.join(d).exists()),
        )
        .collect();
    if !existing.is_empty() {
        return Err(InitError::Exists { existing, planned });
    }
    for (path, content) in &plan.files {
        let full = opts.root.join(path);
        if let Some(dir) = full.parent() {
            std::fs::create_dir_all(dir).map_err(|source| InitError::Io {
                action: "create",
                path: dir.to_path_buf(),
                source,
            })?;
        }
        write(&full, content)?;
    }
    write(&opts.root.join("Cargo.toml"), &plan.manifest)?;
    Ok(plan)
}

fn read(path: &Path) -> Result<String, InitError> {
    std::fs::read_to_string(path).map_err(|source| InitError::Io {
        action: "read",
        path: path.to_path_buf(),
        source,
    })
}

fn write(path: &Path, content: &str) -> Result<(), InitError> {
    std::fs::write(path, content).map_err(|source| InitError::Io {
        action: "write",
        path: path.to_path_buf(),
        source,
    })
}

/// Where sea-orm-cli's `migrate init` puts the migration crate.
const SEAORM_DIR: &str = "migration";

/// The package name of the sea-orm-migration crate at `<root>/migration`, when its `lib.rs`
/// implements `MigratorTrait`: the new crates then depend on it, so that `import seaorm` can
/// turn its migrations into revisions that call them.
fn seaorm_crate(root: &Path) -> Option<String> {
    let dir = root.join(SEAORM_DIR);
    let lib = std::fs::read_to_string(dir.join("src/lib.rs")).ok()?;
    if !lib.contains("MigratorTrait for Migrator") {
        return None;
    }
    package_name(&std::fs::read_to_string(dir.join("Cargo.toml")).ok()?)
}

fn package_name(manifest: &str) -> Option<String> {
    manifest
        .lines()
        .skip_while(|l| l.trim() != "[package]")
        .find_map(|l| {
            let (key, value) = l.split_once('=')?;
            (key.trim() == "name").then(|| value.trim().trim_matches('"').to_string())
        })
}

/// The package name of the crate at `dir` and the top-level modules of its `src/` that
/// derive an entity model, sorted.
fn entity_crate(dir: &Path) -> Result<(String, Vec<String>), InitError> {
    let missing = |reason| InitError::NoEntities {
        dir: dir.to_path_buf(),
        reason,
    };
    let manifest =
        std::fs::read_to_string(dir.join("Cargo.toml")).map_err(|_| missing("no Cargo.toml"))?;
    let package =
        package_name(&manifest).ok_or_else(|| missing("no [package] name in Cargo.toml"))?;
    let mut modules: Vec<String> = std::fs::read_dir(dir.join("src"))
        .map_err(|_| missing("no src/ directory"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .filter(|p| std::fs::read_to_string(p).is_ok_and(|text| text.contains("DeriveEntityModel")))
        .filter_map(|p| Some(p.file_stem()?.to_string_lossy().into_owned()))
        .collect();
    modules.sort();
    if modules.is_empty() {
        return Err(missing("no src/*.rs file derives DeriveEntityModel"));
    }
    Ok((package, modules))
}

/// `manifest` with [`MEMBERS`] added to `[workspace] members` (created when absent).
fn add_members(manifest: &str) -> String {
    let quoted: Vec<String> = MEMBERS.iter().map(|m| format!("\"{m}\"")).collect();
    if let Some(start) = manifest.find("members")
        && let Some(open) = manifest[start..].find('[').map(|i| start + i)
        && let Some(close) = manifest[open..].find(']').map(|i| open + i)
    {
        let inside = manifest[open + 1..close].trim_end();
        let sep = if inside.trim().is_empty() || inside.ends_with(',') {
            ""
        } else {
            ", "
        };
        return format!(
            "{}{inside}{sep}{}{}",
            &manifest[..open + 1],
            quoted.join(", "),
            &manifest[close..]
        );
    }
    manifest.replacen(
        "[workspace]",
        &format!("[workspace]\nmembers = [{}]", quoted.join(", ")),
        1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_script_is_the_one_this_repository_uses() {
        let ours = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../migration/build.rs"),
        )
        .unwrap();
        assert_eq!(BUILD_RS, ours);
    }

    #[test]
    fn members_are_added() {
        for (before, after) in [
            (
                "[workspace]\nmembers = [\"entity\"]\n",
                "[workspace]\nmembers = [\"entity\", \"autogen-migration\", \"autogen-cli\"]\n",
            ),
            (
                "[workspace]\nmembers = [\n  \"entity\",\n]\n",
                "[workspace]\nmembers = [\n  \"entity\",\"autogen-migration\", \"autogen-cli\"]\n",
            ),
            (
                "[package]\nname = \"app\"\n\n[workspace]\n",
                "[package]\nname = \"app\"\n\n[workspace]\nmembers = [\"autogen-migration\", \"autogen-cli\"]\n",
            ),
        ] {
            assert_eq!(add_members(before), after);
        }
    }
}
