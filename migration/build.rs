//! Lists `src/versions/*.rs` so that adding a migration file needs no edit to any other file.
//!
//! The directory is read from `CARGO_MANIFEST_DIR` when the script *runs*: `env!` would fix the
//! path when the script is compiled, and a workspace moved with its `target/` (a CI cache
//! restore) would then silently list the old checkout's files.

use std::fmt::Write;
use std::path::Path;

fn main() {
    let manifest_dir =
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest_dir).join("src/versions");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    files.sort();

    let mut out = String::new();
    let mut entries = String::new();
    for path in &files {
        let stem = path.file_stem().unwrap().to_string_lossy();
        let module: String = stem
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        let module = format!("v_{module}");
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
    writeln!(
        out,
        "\n/// Every revision in `src/versions/`, in file-name order.\npub fn revisions() -> Vec<autogen::runtime::Revision> {{\n    vec![\n{entries}    ]\n}}"
    )
    .unwrap();
    let target = Path::new(&std::env::var("OUT_DIR").unwrap()).join("versions.rs");
    std::fs::write(target, out).unwrap();
}
