//! The resolution order: flag, `DATABASE_URL`, `DATABASE_URL_FILE`, `POSTGRES_*`, `.env`,
//! the secret (`--secret-id` or `--secret-file`), then the embedded SQLite default.
//!
//! Nothing falls through silently: a variable that is set but empty is an error naming it
//! (in the process environment and in `.env` alike), and the SQLite default is used only when
//! none of the variables is set at all and there is no `.env` entry for any of them.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::{ConfigError, DatabaseUrl, SecretSource, UrlSource, postgres_vars};

/// The URL used when nothing else is configured: a SQLite file in the working directory.
pub const DEFAULT_SQLITE_URL: &str = "sqlite://autogen.db?mode=rwc";

/// The file [`DEFAULT_SQLITE_URL`] names, relative to the working directory.
pub const DEFAULT_SQLITE_FILE: &str = "autogen.db";

/// Works out the database URL from the flag, the process environment and `.env` in `dir`.
pub fn resolve_database_url(flag: Option<&str>, dir: &Path) -> Result<DatabaseUrl, ConfigError> {
    match configured_url(flag, dir)? {
        Some(url) => Ok(url),
        None => DatabaseUrl::parse(DEFAULT_SQLITE_URL, UrlSource::Default),
    }
}

/// [`resolve_database_url`] with a secret between `.env` and the default: flag, environment,
/// `.env`, the secret (fetched once, only when nothing above is set), then SQLite. `timeout`
/// bounds the Secrets Manager call.
pub async fn resolve_with_secret(
    flag: Option<&str>,
    dir: &Path,
    secret: &SecretSource,
    timeout: Duration,
) -> Result<DatabaseUrl, ConfigError> {
    if let Some(url) = configured_url(flag, dir)? {
        if *secret != SecretSource::None {
            // Said, not silent: the user asked for a secret and gets another database.
            tracing::warn!(
                "{} ({}) not used: the database URL comes from {}, which takes precedence",
                secret.flag(),
                secret.describe(),
                url.source()
            );
        }
        return Ok(url);
    }
    if let Some(url) = secret.fetch(timeout).await? {
        return Ok(url);
    }
    DatabaseUrl::parse(DEFAULT_SQLITE_URL, UrlSource::Default)
}

/// The URL from the flag, the environment or `.env`; `None` when none of them sets one.
fn configured_url(flag: Option<&str>, dir: &Path) -> Result<Option<DatabaseUrl>, ConfigError> {
    if let Some(url) = flag {
        return DatabaseUrl::parse(url, UrlSource::Flag).map(Some);
    }
    // Lossy, not skipped: a value that is not UTF-8 must fail to parse, not fall through.
    let process: HashMap<String, String> = std::env::vars_os()
        .filter_map(|(k, v)| Some((k.into_string().ok()?, v.to_string_lossy().into_owned())))
        .collect();
    if let Some(found) = from_vars(&process, None)? {
        return Ok(Some(found));
    }
    // `.env` only fills in what the real environment does not set, as dotenvy does.
    let env_file = dir.join(".env");
    if env_file.exists() {
        let vars = read_dotenv(&env_file)?;
        if let Some(found) = from_vars(&vars, Some(env_file))? {
            return Ok(Some(found));
        }
    }
    Ok(None)
}

fn read_dotenv(path: &Path) -> Result<HashMap<String, String>, ConfigError> {
    let iter = dotenvy::from_path_iter(path).map_err(|e| dotenv_error(path, e))?;
    iter.map(|item| item.map_err(|e| dotenv_error(path, e)))
        .collect()
}

/// A `.env` error without the offending text: dotenvy quotes the malformed line, which may be
/// a password (and may span lines). Names the line number and the variable instead.
fn dotenv_error(path: &Path, err: dotenvy::Error) -> ConfigError {
    let snippet = match err {
        dotenvy::Error::Io(source) => {
            return ConfigError::DotEnvIo {
                path: path.to_path_buf(),
                source,
            };
        }
        dotenvy::Error::LineParse(snippet, _) => snippet,
        // `EnvVar` only comes from reading the process environment, which we do not ask for.
        _ => String::new(),
    };
    let first = snippet.lines().next().unwrap_or("").trim();
    let content = std::fs::read_to_string(path).unwrap_or_default();
    let found = content
        .lines()
        .enumerate()
        .find(|(_, line)| !first.is_empty() && line.contains(first));
    let detail = match found {
        Some((n, line)) => {
            let key = line.split('=').next().unwrap_or("").trim();
            let key = key.strip_prefix("export ").unwrap_or(key).trim();
            let is_name =
                !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            if is_name && line.contains('=') {
                format!("line {}: malformed value of {key} (not shown)", n + 1)
            } else {
                format!("line {}: malformed entry (not shown)", n + 1)
            }
        }
        None => "malformed entry (not shown)".to_string(),
    };
    ConfigError::DotEnvSyntax {
        path: path.to_path_buf(),
        detail,
    }
}

/// Applies the variable-based steps to one set of variables; `file` is the `.env` file they
/// come from (`None` for the process environment).
fn from_vars(
    vars: &HashMap<String, String>,
    file: Option<PathBuf>,
) -> Result<Option<DatabaseUrl>, ConfigError> {
    let pick = |normal: UrlSource| {
        if file.is_some() {
            UrlSource::DotEnv
        } else {
            normal
        }
    };
    let empty = |var: &'static str| ConfigError::EmptyVar {
        var,
        file: file.clone(),
    };
    if let Some(url) = vars.get("DATABASE_URL") {
        if url.trim_start_matches('\u{feff}').trim().is_empty() {
            return Err(empty("DATABASE_URL"));
        }
        return DatabaseUrl::parse(url, pick(UrlSource::Env)).map(Some);
    }
    if let Some(path) = vars.get("DATABASE_URL_FILE") {
        if path.trim().is_empty() {
            return Err(empty("DATABASE_URL_FILE"));
        }
        let path = PathBuf::from(path);
        let content =
            std::fs::read_to_string(&path).map_err(|source| ConfigError::UnreadableFile {
                path: path.clone(),
                source,
            })?;
        // `parse` strips a byte-order mark and surrounding whitespace (a trailing newline).
        return match DatabaseUrl::parse(&content, pick(UrlSource::File)) {
            Err(ConfigError::Empty { .. }) => Err(ConfigError::EmptyFile { path }),
            other => other.map(Some),
        };
    }
    postgres_vars::url_from(vars, &file, pick(UrlSource::PostgresVars))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::test_vars as vars;

    #[test]
    fn database_url_wins_over_postgres_vars() {
        let v = vars(&[("DATABASE_URL", "sqlite://x.db"), ("POSTGRES_USER", "app")]);
        assert_eq!(
            from_vars(&v, None).unwrap().unwrap().secret(),
            "sqlite://x.db"
        );
    }

    #[test]
    fn empty_variables_are_errors_naming_them() {
        for (pairs, expected) in [
            (&[("DATABASE_URL", "")][..], "DATABASE_URL is set but empty"),
            (
                &[("DATABASE_URL", " \n")][..],
                "DATABASE_URL is set but empty",
            ),
            (
                &[("DATABASE_URL_FILE", ""), ("POSTGRES_USER", "app")][..],
                "DATABASE_URL_FILE is set but empty",
            ),
            (
                &[("POSTGRES_PASSWORD", "")][..],
                "POSTGRES_PASSWORD is set but empty",
            ),
        ] {
            let err = from_vars(&vars(pairs), None).unwrap_err().to_string();
            assert_eq!(err, expected, "{pairs:?}");
        }
        let err = from_vars(
            &vars(&[("DATABASE_URL", "")]),
            Some(PathBuf::from("/w/.env")),
        )
        .unwrap_err()
        .to_string();
        assert_eq!(err, "DATABASE_URL is set but empty in .env file /w/.env");
    }

    #[test]
    fn malformed_url_does_not_echo_the_password() {
        let err =
            DatabaseUrl::parse("postgres://u:secret@host:port/db", UrlSource::Env).unwrap_err();
        assert!(!err.to_string().contains("secret"), "{err}");
        assert_eq!(err.to_string(), "malformed database URL from DATABASE_URL");
        let cause = std::error::Error::source(&err)
            .expect("the parser's error")
            .to_string();
        assert_eq!(cause, "invalid port number");
    }

    #[test]
    fn dotenv_errors_do_not_quote_the_line() {
        let dir = std::env::temp_dir().join(format!("autogen-dotenv-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(".env");
        let shown = path.display();
        for (content, detail) in [
            (
                "A=1\nDATABASE_URL=\"postgres://u:s3cret@h/db\n",
                "line 2: malformed value of DATABASE_URL (not shown)",
            ),
            (
                "export POSTGRES_PASSWORD=s3 cret\n",
                "line 1: malformed value of POSTGRES_PASSWORD (not shown)",
            ),
        ] {
            std::fs::write(&path, content).unwrap();
            let err = read_dotenv(&path).unwrap_err().to_string();
            assert_eq!(err, format!("cannot parse .env file {shown}: {detail}"));
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn mariadb_scheme_is_mysql() {
        assert_eq!(
            DatabaseUrl::parse("mariadb://root@h/db", UrlSource::Flag)
                .unwrap()
                .secret(),
            "mysql://root@h/db"
        );
    }
}
