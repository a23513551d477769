//! Lists the revision files so that adding one needs no edit to any other file: every
//! `*.rs` in `src/versions/`, plus every directory `autogen.toml` names in `versions_dir` and
//! `version_locations` (Alembic's `version_locations`: several directories, one graph).
//!
//! Paths are read when the script *runs*: `env!` would fix them when the script is compiled,
//! and a workspace moved with its `target/` (a CI cache restore) would then silently list the
//! old checkout's files. `autogen.toml` is found as the cli finds it: `AUTOGEN_CONFIG`, else
//! the nearest one walking up from this crate.

use std::fmt::Write;
use std::path::{Path, PathBuf};

fn main() {
    let manifest_dir =
        PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let mut dirs = vec![manifest_dir.join("src/versions")];
    println!("cargo:rerun-if-env-changed=AUTOGEN_CONFIG");
    if let Some(config) = config_file(&manifest_dir) {
        println!("cargo:rerun-if-changed={}", config.display());
        dirs.extend(configured_dirs(&config));
    }
    let mut seen = Vec::new();
    dirs.retain(|d| {
        let key = d.canonicalize().unwrap_or_else(|_| d.clone());
        let new = !seen.contains(&key);
        seen.push(key);
        new
    });

    let mut out = String::new();
    let mut entries = String::new();
    for (i, dir) in dirs.iter().enumerate() {
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "rs"))
            .collect();
        files.sort();
        for path in &files {
            let stem = path.file_stem().unwrap().to_string_lossy();
            let module: String = stem
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                .collect();
            // The directory's index keeps modules apart if two directories hold the same name.
            let module = format!("v{i}_{module}");
            println!("cargo:rerun-if-changed={}", path.display());
            writeln!(
                out,
                "#[path = {:?}]\nmod {module};",
                path.display().to_string()
            )
            .unwrap();
            writeln!(
                entries,
                "        autogen::runtime::Revision::new({module}::REVISION, {module}::Migration),"
            )
            .unwrap();
        }
    }
    writeln!(
        out,
        "\n/// Every revision file, by directory then file name.\npub fn revisions() -> Vec<autogen::runtime::Revision> {{\n    vec![\n{entries}    ]\n}}"
    )
    .unwrap();
    let target = Path::new(&std::env::var("OUT_DIR").unwrap()).join("versions.rs");
    std::fs::write(target, out).unwrap();
}

/// `AUTOGEN_CONFIG`, else the nearest `autogen.toml` above this crate.
fn config_file(manifest_dir: &Path) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("AUTOGEN_CONFIG") {
        return Some(PathBuf::from(path)).filter(|p| p.is_file());
    }
    manifest_dir
        .ancestors()
        .map(|d| d.join("autogen.toml"))
        .find(|p| p.is_file())
}

/// `versions_dir` and `version_locations` of `config`, relative to its directory. A file the
/// cli would refuse is left for the cli to report (one clear line there, not a build panic).
fn configured_dirs(config: &Path) -> Vec<PathBuf> {
    let base = config.parent().unwrap_or(Path::new("."));
    let Ok(table) = std::fs::read_to_string(config)
        .unwrap_or_default()
        .parse::<toml::Table>()
    else {
        return Vec::new();
    };
    let one = table.get("versions_dir").and_then(|v| v.as_str());
    let many = table
        .get("version_locations")
        .and_then(|v| v.as_array())
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str());
    one.into_iter().chain(many).map(|d| base.join(d)).collect()
}
