//! `autogen.toml`: the project's settings, read once. Every key is optional; an empty file is
//! valid. An unknown key or a wrong type is one line naming the file, the line and the key.
//!
//! ```toml
//! versions_dir = "migration/src/versions"   # relative paths resolve from this file's directory
//! version_locations = ["billing/versions"]  # more directories of the same graph (Alembic's)
//! url_var = "DB_DATABASE_URL"               # the variable holding the URL (before DATABASE_URL)
//! default_url = "sqlite://app.db?mode=rwc"  # when no flag or variable gives one
//! include_tables = ["*"]                    # globs; empty = every table
//! exclude_tables = ["spatial_ref_sys"]      # left alone: never compared, never dropped
//! post_write_hooks = [["rustfmt", "--edition", "2024", "{file}"]]
//! lock_timeout = 60                         # seconds; --lock-timeout and AUTOGEN_LOCK_TIMEOUT win
//! template = "autogen-migration/revision.rs.tmpl"  # every new revision is rendered through it
//! backends = ["postgres"]                  # generated files only for these (default: all three)
//! schema = "app"                            # PostgreSQL: the one schema to manage (--schema wins)
//! tenants = "tenant_*"                      # upgrade/downgrade/current/check/stamp run per tenant
//! tenant_kind = "schema"                    # or "database" (default: schema on PostgreSQL)
//! concurrent_indexes = true                 # PostgreSQL: revision --autogenerate --concurrently
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::backend::ObjectName;
use crate::tenants::{TenantKind, TenantSpec};

/// The keys of `autogen.toml`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// Where revision files live (relative to the file's directory).
    pub versions_dir: Option<PathBuf>,
    /// More directories whose revisions belong to the same graph (Alembic's
    /// `version_locations`); the migration crate's build script compiles them all, and
    /// `revision --versions-dir` may write into any of them.
    #[serde(default)]
    pub version_locations: Vec<PathBuf>,
    /// The environment variable holding the database URL.
    pub url_var: Option<String>,
    /// The URL when neither a flag nor a variable gives one.
    pub default_url: Option<String>,
    /// Globs of the tables to manage (empty: all).
    #[serde(default)]
    pub include_tables: Vec<String>,
    /// Globs of the tables to leave alone.
    #[serde(default)]
    pub exclude_tables: Vec<String>,
    /// Commands run on each new revision file (`{file}` is replaced by its path), no shell.
    #[serde(default)]
    pub post_write_hooks: Vec<Vec<String>>,
    /// Seconds to wait for locks.
    pub lock_timeout: Option<u64>,
    /// The revision template (see [`super::apply_template`]), relative to the file's directory.
    pub template: Option<PathBuf>,
    /// The backends generated files support (`postgres`, `mysql`/`mariadb`, `sqlite`;
    /// default: all three).
    pub backends: Option<Vec<String>>,
    /// PostgreSQL: the schema to work in (the session's `search_path`), instead of the
    /// server's default (`public`).
    pub schema: Option<ObjectName>,
    /// The tenants of `upgrade`, `downgrade`, `current`, `check` and `stamp` (the syntax of
    /// `--tenants`; the flag wins).
    pub tenants: Option<TenantSpec>,
    /// What a tenant is (`--tenant-kind` wins).
    pub tenant_kind: Option<TenantKind>,
    /// `revision --autogenerate` builds and drops the indexes of existing tables
    /// `CONCURRENTLY` on PostgreSQL, as with `--concurrently`.
    #[serde(default)]
    pub concurrent_indexes: bool,
}

/// A configuration file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigFileError {
    /// It cannot be read.
    #[error("cannot read config file {}", .path.display())]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// It is not valid TOML, or a key is unknown or of the wrong type.
    #[error("{}:{line}: {detail}", .path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// The 1-based line.
        line: usize,
        /// The key (when known) and what is wrong, on one line.
        detail: String,
    },
    /// A value is of the right type but not allowed.
    #[error("{}{}: key `{key}`: {detail}", .path.display(), .line.map(|l| format!(":{l}")).unwrap_or_default())]
    BadValue {
        /// The file.
        path: PathBuf,
        /// The 1-based line of the value (of the key when the value is not found).
        line: Option<usize>,
        /// The key.
        key: &'static str,
        /// What is wrong.
        detail: String,
    },
}

impl ConfigFile {
    /// Reads and checks `path`.
    pub fn load(path: &Path) -> Result<ConfigFile, ConfigFileError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigFileError::Unreadable {
            path: path.to_path_buf(),
            source,
        })?;
        ConfigFile::parse(&text, path)
    }

    /// Parses `text`, read from `path` (for messages).
    pub fn parse(text: &str, path: &Path) -> Result<ConfigFile, ConfigFileError> {
        let file: ConfigFile = toml::from_str(text).map_err(|e| invalid(text, path, &e))?;
        file.validate(text, path)?;
        Ok(file)
    }

    fn validate(&self, text: &str, path: &Path) -> Result<(), ConfigFileError> {
        let bad_at = |key, value: Option<&str>, detail: &str| ConfigFileError::BadValue {
            path: path.to_path_buf(),
            line: value_line(text, key, value),
            key,
            detail: detail.to_string(),
        };
        let bad = |key, detail: &str| bad_at(key, None, detail);
        if let Some(var) = &self.url_var
            && (var.is_empty() || var.contains('=') || var.contains('\0'))
        {
            return Err(bad("url_var", "not a variable name"));
        }
        if self
            .lock_timeout
            .is_some_and(|s| s > crate::cli::MAX_WAIT_SECS)
        {
            return Err(bad(
                "lock_timeout",
                "must be at most 86400 seconds (one day)",
            ));
        }
        for (key, list) in [
            ("include_tables", &self.include_tables),
            ("exclude_tables", &self.exclude_tables),
        ] {
            if let Err(e) = super::TableFilter::new(list, &[]) {
                return Err(bad_at(key, Some(&e.pattern), &format!("{e}: {}", e.source)));
            }
        }
        if let Some(list) = &self.backends {
            if list.is_empty() {
                return Err(bad("backends", "empty (leave it out for all three)"));
            }
            if let Some(b) = list.iter().find(|b| backend_named(b).is_none()) {
                return Err(bad(
                    "backends",
                    &format!("unknown backend '{b}' (postgres, mysql, mariadb or sqlite)"),
                ));
            }
        }
        if self.post_write_hooks.iter().any(Vec::is_empty) {
            return Err(bad("post_write_hooks", "a hook is an empty command"));
        }
        Ok(())
    }
}

/// The 1-based line of `key = ...` in `text`, or of `value` on or after that line (a value of a
/// multi-line array); `None` when the key is not written at the start of a line.
fn value_line(text: &str, key: &str, value: Option<&str>) -> Option<usize> {
    let lines: Vec<&str> = text.lines().collect();
    let at = lines.iter().position(|l| {
        l.trim_start()
            .strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with('='))
    })?;
    let found = value.and_then(|v| {
        let quoted = format!("{v:?}");
        lines[at..]
            .iter()
            .position(|l| l.contains(&quoted))
            .map(|i| at + i)
    });
    Some(found.unwrap_or(at) + 1)
}

/// The backend a name in `backends` means.
pub fn backend_named(name: &str) -> Option<sea_orm::DbBackend> {
    match name.to_ascii_lowercase().as_str() {
        "postgres" | "postgresql" => Some(sea_orm::DbBackend::Postgres),
        "mysql" | "mariadb" => Some(sea_orm::DbBackend::MySql),
        "sqlite" => Some(sea_orm::DbBackend::Sqlite),
        _ => None,
    }
}

/// One line from a TOML error: the line of its span and the key on (or above) that line.
fn invalid(text: &str, path: &Path, err: &toml::de::Error) -> ConfigFileError {
    let start = err.span().map(|s| s.start).unwrap_or(0).min(text.len());
    let line = text[..start].matches('\n').count() + 1;
    let message = err
        .message()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let lines: Vec<&str> = text.lines().take(line).collect();
    let key = lines
        .iter()
        .rev()
        .find_map(|l| l.split_once('=').map(|(k, _)| k.trim().to_string()))
        .filter(|k| !k.is_empty() && !k.starts_with('#'));
    let detail = match key {
        Some(key) if !message.contains(&format!("`{key}`")) => format!("key `{key}`: {message}"),
        _ => message,
    };
    ConfigFileError::Invalid {
        path: path.to_path_buf(),
        line,
        detail,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> String {
        ConfigFile::parse(text, Path::new("/p/autogen.toml"))
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn empty_file_is_all_defaults() {
        assert_eq!(
            ConfigFile::parse("", Path::new("x")).unwrap(),
            ConfigFile::default()
        );
    }

    #[test]
    fn every_key() {
        let file = ConfigFile::parse(
            "versions_dir = \"m/v\"\nurl_var = \"DB_URL\"\ndefault_url = \"sqlite://a.db\"\n\
             include_tables = [\"app_*\"]\nexclude_tables = [\"tmp_*\"]\n\
             post_write_hooks = [[\"touch\", \"{file}\"]]\nlock_timeout = 5\n",
            Path::new("x"),
        )
        .unwrap();
        assert_eq!(file.versions_dir, Some(PathBuf::from("m/v")));
        assert_eq!(file.url_var.as_deref(), Some("DB_URL"));
        assert_eq!(file.lock_timeout, Some(5));
        assert_eq!(file.post_write_hooks, [["touch", "{file}"]]);
        let file = ConfigFile::parse(
            "schema = \"app\"\ntenants = \"t_*,acme\"\ntenant_kind = \"database\"\n",
            Path::new("x"),
        )
        .unwrap();
        assert_eq!(file.schema.unwrap().as_str(), "app");
        assert!(file.tenants.unwrap().needs_catalog());
        assert_eq!(file.tenant_kind, Some(TenantKind::Database));
    }

    #[test]
    fn errors_name_file_line_and_key() {
        for (text, expected) in [
            (
                "lock_timeout = 5\nversion_dir = \"x\"\n",
                "/p/autogen.toml:2: unknown field `version_dir`",
            ),
            (
                "# c\n\nlock_timeout = \"soon\"\n",
                "/p/autogen.toml:3: key `lock_timeout`: invalid type: string \"soon\"",
            ),
            (
                "exclude_tables = [\n  \"a\",\n  3,\n]\n",
                "/p/autogen.toml:3: key `exclude_tables`",
            ),
            ("url_var = \n", "/p/autogen.toml:1:"),
            (
                "tenants = \"a,,b\"\n",
                "/p/autogen.toml:1: key `tenants`: item 2 of the list is empty",
            ),
            (
                "tenants = [\"a\"]\n",
                "/p/autogen.toml:1: key `tenants`: invalid type: sequence, expected a string",
            ),
            (
                "tenant_kind = \"table\"\n",
                "/p/autogen.toml:1: key `tenant_kind`: unknown variant `table`",
            ),
            (
                "schema = \"\"\n",
                "/p/autogen.toml:1: key `schema`: an empty name",
            ),
            (
                "lock_timeout = 100000\n",
                "/p/autogen.toml:1: key `lock_timeout`: must be at most 86400 seconds",
            ),
            (
                "include_tables = [\n  \"a*\",\n  \"[b\",\n]\n",
                "/p/autogen.toml:3: key `include_tables`: invalid table pattern '[b'",
            ),
        ] {
            let err = error(text);
            assert!(err.starts_with(expected), "{text:?}: {err}");
            assert!(!err.contains('\n'), "one line: {err}");
        }
    }
}
