//! Finding the project root: the nearest directory, walking up from the working directory,
//! that holds `autogen.toml`, else the nearest cargo workspace root, else the working
//! directory itself. Running from `entity/` then means the same project as running from the
//! root, instead of a fresh `entity/autogen.db`.

use std::path::{Path, PathBuf};

use crate::config::{ConfigError, DEFAULT_SQLITE_FILE, DatabaseUrl, UrlSource};

/// The configuration file that marks a project root.
pub const CONFIG_FILE: &str = "autogen.toml";

/// The versions directory when none is configured, relative to the root.
pub const DEFAULT_VERSIONS_DIR: &str = "migration/src/versions";

/// The root of the project and how it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectRoot {
    /// The directory relative paths are resolved from.
    pub dir: PathBuf,
    /// `autogen.toml` in `dir`, when that is what marked the root.
    pub config: Option<PathBuf>,
}

impl ProjectRoot {
    /// Walks up from `start` (absolute) to the nearest `autogen.toml`; failing that, to the
    /// nearest `Cargo.toml` with a `[workspace]` table; failing that, `start` itself.
    pub fn find(start: &Path) -> ProjectRoot {
        let mut workspace = None;
        for dir in start.ancestors() {
            let config = dir.join(CONFIG_FILE);
            if config.is_file() {
                return ProjectRoot {
                    dir: dir.to_path_buf(),
                    config: Some(config),
                };
            }
            if workspace.is_none() && is_workspace_root(dir) {
                workspace = Some(dir.to_path_buf());
            }
        }
        ProjectRoot {
            dir: workspace.unwrap_or_else(|| start.to_path_buf()),
            config: None,
        }
    }

    /// `path` resolved from the root when it is relative.
    pub fn resolve(&self, path: &Path) -> PathBuf {
        if path.is_absolute() {
            path.to_path_buf()
        } else {
            self.dir.join(path)
        }
    }

    /// The SQLite file used when no database is configured: `autogen.db` at the root.
    pub fn default_sqlite_url(&self) -> Result<DatabaseUrl, ConfigError> {
        let file = self.dir.join(DEFAULT_SQLITE_FILE);
        DatabaseUrl::parse(
            &format!("sqlite://{}?mode=rwc", encode_path(&file)),
            UrlSource::Default,
        )
    }
}

/// Whether `dir/Cargo.toml` declares a workspace (a line `[workspace]`).
fn is_workspace_root(dir: &Path) -> bool {
    std::fs::read_to_string(dir.join("Cargo.toml"))
        .is_ok_and(|text| text.lines().any(|l| l.trim() == "[workspace]"))
}

/// A path as the SQLite driver reads it from a URL: it percent-decodes the part before `?`,
/// so `%`, `?` and `#` in a directory name must be encoded.
fn encode_path(path: &Path) -> String {
    let text = path.to_string_lossy();
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '?' => out.push_str("%3F"),
            '#' => out.push_str("%23"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(label: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("autogen-root-{label}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("ws/entity/src")).unwrap();
        std::fs::write(
            dir.join("ws/Cargo.toml"),
            "[workspace]\nmembers = [\"entity\"]\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("ws/entity/Cargo.toml"),
            "[package]\nname = \"entity\"\n",
        )
        .unwrap();
        dir
    }

    #[test]
    fn subdirectory_finds_the_workspace_root() {
        let dir = temp("ws");
        let found = ProjectRoot::find(&dir.join("ws/entity/src"));
        assert_eq!(found.dir, dir.join("ws"));
        assert_eq!(found.config, None);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn config_file_wins_over_the_workspace() {
        let dir = temp("cfg");
        std::fs::write(dir.join("ws/entity/autogen.toml"), "").unwrap();
        let found = ProjectRoot::find(&dir.join("ws/entity/src"));
        assert_eq!(found.dir, dir.join("ws/entity"));
        assert_eq!(found.config, Some(dir.join("ws/entity/autogen.toml")));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn outside_any_project_the_start_is_the_root() {
        let dir = temp("none");
        let start = dir.join("ws/..").join("loose");
        std::fs::create_dir_all(&start).unwrap();
        let found = ProjectRoot::find(&dir.join("loose"));
        assert_eq!(found.dir, dir.join("loose"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn default_sqlite_file_is_at_the_root() {
        let root = ProjectRoot {
            dir: PathBuf::from("/w/odd?dir#1%"),
            config: None,
        };
        assert_eq!(
            root.default_sqlite_url().unwrap().sqlite_path(),
            Some("/w/odd%3Fdir%231%25/autogen.db")
        );
        assert_eq!(
            root.resolve(Path::new("a/b")),
            PathBuf::from("/w/odd?dir#1%/a/b")
        );
        assert_eq!(root.resolve(Path::new("/abs")), PathBuf::from("/abs"));
    }
}
