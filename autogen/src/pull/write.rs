//! Writing pulled files: all of them, or none when one exists and `--force` is not given.

use std::path::{Path, PathBuf};

/// Why nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum PullError {
    /// Files exist and `--force` was not given.
    #[error("pull would overwrite {} (pass --force to replace them); nothing written", .0.join(", "))]
    WouldOverwrite(Vec<String>),
    /// A file could not be written.
    #[error("cannot write {path}")]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
}

/// Writes `files` under `dir`; refuses, writing nothing, if any exists and `force` is off.
pub fn write_files(
    dir: &Path,
    files: &[(String, String)],
    force: bool,
) -> Result<Vec<PathBuf>, PullError> {
    let existing: Vec<String> = files
        .iter()
        .filter(|(name, _)| dir.join(name).exists())
        .map(|(name, _)| dir.join(name).display().to_string())
        .collect();
    if !existing.is_empty() && !force {
        return Err(PullError::WouldOverwrite(existing));
    }
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| PullError::Write { path, source }
    };
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let mut written = Vec::new();
    for (name, text) in files {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(io(&path))?;
        written.push(path);
    }
    Ok(written)
}
