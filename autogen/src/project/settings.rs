//! The settings of one run, each from the first of: command-line flag, environment, the
//! config file, the default. Pure functions of their inputs, so the order is tested directly.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::{ConfigFile, ConfigFileError, DEFAULT_VERSIONS_DIR, ProjectRoot, TableFilter};
use crate::config::{ConfigError, DatabaseUrl, UrlSource, resolve_database_url};

/// The project: its root and its config file (all defaults when there is none).
#[derive(Debug, Clone)]
pub struct Project {
    /// Where relative paths resolve from.
    pub root: ProjectRoot,
    /// The settings of `autogen.toml`.
    pub file: ConfigFile,
}

impl Project {
    /// `explicit` (`-c/--config` or `AUTOGEN_CONFIG`) names the file, whose directory is then
    /// the root; otherwise the root is found walking up from `cwd`.
    pub fn load(explicit: Option<&Path>, cwd: &Path) -> Result<Project, ConfigFileError> {
        let root = match explicit {
            Some(path) => {
                let path = cwd.join(path);
                ProjectRoot {
                    dir: path.parent().unwrap_or(cwd).to_path_buf(),
                    config: Some(path),
                }
            }
            None => ProjectRoot::find(cwd),
        };
        let file = match &root.config {
            Some(path) => ConfigFile::load(path)?,
            None => ConfigFile::default(),
        };
        Ok(Project { root, file })
    }

    /// The versions directory: the flag (as given), the file's (from the root), the default.
    pub fn versions_dir(&self, flag: Option<&Path>) -> PathBuf {
        match (flag, &self.file.versions_dir) {
            (Some(dir), _) => dir.to_path_buf(),
            (None, Some(dir)) => self.root.resolve(dir),
            (None, None) => self.root.resolve(Path::new(DEFAULT_VERSIONS_DIR)),
        }
    }

    /// Every directory of revision files: the default versions directory (the file's or the
    /// default, not a flag), then `version_locations`, each once.
    pub fn version_locations(&self) -> Vec<PathBuf> {
        let mut out = vec![self.versions_dir(None)];
        for dir in &self.file.version_locations {
            let dir = self.root.resolve(dir);
            if !out.iter().any(|d| same_dir(d, &dir)) {
                out.push(dir);
            }
        }
        out
    }

    /// The lock timeout: `parsed` (clap's value: flag, variable or its default) unless neither
    /// the flag nor the variable was given and the file sets one.
    pub fn lock_timeout(&self, parsed: Duration, flag_or_env_given: bool) -> Duration {
        match self.file.lock_timeout {
            Some(secs) if !flag_or_env_given => Duration::from_secs(secs),
            _ => parsed,
        }
    }

    /// The backends generated files support.
    pub fn backends(&self) -> Vec<sea_orm::DbBackend> {
        match &self.file.backends {
            Some(list) => list
                .iter()
                .filter_map(|b| super::config_file::backend_named(b))
                .collect(),
            None => crate::render::ALL_BACKENDS.to_vec(),
        }
    }

    /// The tables to manage.
    pub fn table_filter(&self) -> Result<TableFilter, super::BadPattern> {
        TableFilter::new(&self.file.include_tables, &self.file.exclude_tables)
    }

    /// The database URL when something sets one: the flag; the variable the file names;
    /// `DATABASE_URL` and the other standard sources (`.env` at the root); the file's
    /// `default_url` (a relative SQLite path resolves from the root). `None`: nothing does
    /// (a secret, then SQLite `autogen.db` at the root, come next).
    pub fn configured_url(
        &self,
        flag: Option<&str>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Option<DatabaseUrl>, ConfigError> {
        if flag.is_none()
            && let Some(var) = &self.file.url_var
            && let Some(value) = env(var)
        {
            if value.trim().is_empty() {
                return Err(ConfigError::EmptyNamedVar { var: var.clone() });
            }
            return DatabaseUrl::parse(&value, UrlSource::ConfigVar).map(Some);
        }
        let found = resolve_database_url(flag, &self.root.dir)?;
        if found.source() != UrlSource::Default {
            return Ok(Some(found));
        }
        self.file
            .default_url
            .as_ref()
            .map(|url| DatabaseUrl::parse(&self.rooted_sqlite(url), UrlSource::ConfigDefault))
            .transpose()
    }

    /// `sqlite://relative.db...` as a path under the root; other URLs unchanged.
    fn rooted_sqlite(&self, url: &str) -> String {
        let trimmed = url.trim();
        match trimmed.get(..9) {
            Some(scheme) if scheme.eq_ignore_ascii_case("sqlite://") => {
                let rest = &trimmed[9..];
                if rest.starts_with('/') || rest.starts_with(":memory:") {
                    trimmed.to_string()
                } else {
                    format!("sqlite://{}/{rest}", self.root.dir.display())
                }
            }
            _ => trimmed.to_string(),
        }
    }
}

/// Whether two paths name the same directory (compared resolved when both exist).
pub fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(file: ConfigFile) -> Project {
        Project {
            root: ProjectRoot {
                dir: PathBuf::from("/proj"),
                config: Some(PathBuf::from("/proj/autogen.toml")),
            },
            file,
        }
    }

    /// Flag > environment > file > default, for each setting a file can hold.
    #[test]
    fn flag_beats_environment_beats_file_beats_default() {
        let with = |versions: Option<&str>, lock: Option<u64>| {
            project(ConfigFile {
                versions_dir: versions.map(PathBuf::from),
                lock_timeout: lock,
                ..ConfigFile::default()
            })
        };
        // (file value, flag, expected)
        for (file, flag, expected) in [
            (None, None, "/proj/migration/src/versions"),
            (Some("db/versions"), None, "/proj/db/versions"),
            (Some("/abs/versions"), None, "/abs/versions"),
            (Some("db/versions"), Some("cli/v"), "cli/v"),
            (None, Some("cli/v"), "cli/v"),
        ] {
            let p = with(file, None);
            assert_eq!(
                p.versions_dir(flag.map(Path::new)),
                PathBuf::from(expected),
                "versions_dir: file {file:?}, flag {flag:?}"
            );
        }
        let secs = Duration::from_secs;
        // (file value, clap's value, flag or variable given, expected)
        for (file, parsed, given, expected) in [
            (None, 60, false, 60),
            (Some(5), 60, false, 5),
            (Some(5), 7, true, 7),
            (None, 7, true, 7),
            (Some(0), 60, false, 0),
        ] {
            assert_eq!(
                with(None, file).lock_timeout(secs(parsed), given),
                secs(expected),
                "lock_timeout: file {file:?}, parsed {parsed}, given {given}"
            );
        }
        let named = project(ConfigFile {
            url_var: Some("DB_URL".into()),
            ..ConfigFile::default()
        });
        let env = |var: &str| (var == "DB_URL").then(|| "postgres://u@h/named".to_string());
        let url = named.configured_url(None, env).unwrap().unwrap();
        assert_eq!(
            (url.source(), url.to_string()),
            (UrlSource::ConfigVar, "postgres://u@h/named".to_string())
        );
        let url = named
            .configured_url(Some("mysql://u@h/flag"), env)
            .unwrap()
            .unwrap();
        assert_eq!(url.source(), UrlSource::Flag);
        let err = named
            .configured_url(None, |_| Some(" ".into()))
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "DB_URL (the url_var of autogen.toml) is set but empty"
        );
    }

    #[test]
    fn relative_sqlite_default_resolves_from_the_root() {
        let p = project(ConfigFile::default());
        assert_eq!(
            p.rooted_sqlite("sqlite://data/app.db?mode=rwc"),
            "sqlite:///proj/data/app.db?mode=rwc"
        );
        assert_eq!(p.rooted_sqlite("sqlite:///abs.db"), "sqlite:///abs.db");
        assert_eq!(p.rooted_sqlite("sqlite::memory:"), "sqlite::memory:");
        assert_eq!(p.rooted_sqlite("postgres://h/db"), "postgres://h/db");
    }
}
