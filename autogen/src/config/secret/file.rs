//! `--secret-file`: the secret's JSON (or URL) kept on disk for development.

use std::path::Path;

use super::SecretError;

/// The file's text.
pub(super) fn read(path: &Path) -> Result<String, SecretError> {
    std::fs::read_to_string(path).map_err(|source| SecretError::Unreadable {
        path: path.to_path_buf(),
        source,
    })
}
