//! The resolution order: flag, `DATABASE_URL`, `DATABASE_URL_FILE`, `POSTGRES_*`, `.env`,
//! then the embedded SQLite default.

use std::collections::HashMap;
use std::path::Path;

use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};

use super::{ConfigError, DatabaseUrl, UrlSource};

/// The URL used when nothing else is configured: a SQLite file in the working directory.
pub const DEFAULT_SQLITE_URL: &str = "sqlite://autogen.db?mode=rwc";

/// Works out the database URL from the flag, the process environment and `.env` in `dir`.
pub fn resolve_database_url(flag: Option<&str>, dir: &Path) -> Result<DatabaseUrl, ConfigError> {
    let process: HashMap<String, String> = std::env::vars().collect();
    if let Some(url) = flag {
        return validate_url(url, UrlSource::Flag);
    }
    if let Some(found) = from_vars(&process, false)? {
        return Ok(found);
    }
    // `.env` only fills in what the real environment does not set, as dotenvy does.
    let env_file = dir.join(".env");
    if env_file.exists() {
        let vars = read_dotenv(&env_file)?;
        if let Some(found) = from_vars(&vars, true)? {
            return Ok(found);
        }
    }
    validate_url(DEFAULT_SQLITE_URL, UrlSource::Default)
}

fn read_dotenv(path: &Path) -> Result<HashMap<String, String>, ConfigError> {
    let iter = dotenvy::from_path_iter(path).map_err(|e| dotenv_error(path, e))?;
    iter.map(|item| item.map_err(|e| dotenv_error(path, e)))
        .collect()
}

/// A `.env` error without the offending text: dotenvy quotes the malformed line, which may be
/// a password (and may span lines). Names the line number and the variable instead.
fn dotenv_error(path: &Path, err: dotenvy::Error) -> ConfigError {
    let dotenvy::Error::LineParse(snippet, _) = err else {
        return ConfigError::DotEnv(err.to_string());
    };
    let first = snippet.lines().next().unwrap_or("").trim();
    let content = std::fs::read_to_string(path).unwrap_or_default();
    let found = content
        .lines()
        .enumerate()
        .find(|(_, line)| !first.is_empty() && line.contains(first));
    let message = match found {
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
    ConfigError::DotEnv(message)
}

/// Applies the variable-based steps to one set of variables.
fn from_vars(
    vars: &HashMap<String, String>,
    dotenv: bool,
) -> Result<Option<DatabaseUrl>, ConfigError> {
    let pick = |normal: UrlSource| if dotenv { UrlSource::DotEnv } else { normal };
    if let Some(url) = vars.get("DATABASE_URL").filter(|v| !v.is_empty()) {
        return validate_url(url, pick(UrlSource::Env)).map(Some);
    }
    if let Some(path) = vars.get("DATABASE_URL_FILE").filter(|v| !v.is_empty()) {
        let content = std::fs::read_to_string(path).map_err(|e| ConfigError::UnreadableFile {
            path: path.clone(),
            reason: e.to_string(),
        })?;
        return validate_url(content.trim(), pick(UrlSource::File)).map(Some);
    }
    if vars
        .keys()
        .any(|k| k.starts_with("POSTGRES_") && k != "POSTGRES_PASSWORD")
    {
        return postgres_vars(vars, pick(UrlSource::PostgresVars)).map(Some);
    }
    Ok(None)
}

fn postgres_vars(
    vars: &HashMap<String, String>,
    source: UrlSource,
) -> Result<DatabaseUrl, ConfigError> {
    let get = |k: &'static str| vars.get(k).filter(|v| !v.is_empty());
    let user = get("POSTGRES_USER").ok_or(ConfigError::MissingVar("POSTGRES_USER"))?;
    let host = get("POSTGRES_HOST")
        .map(String::as_str)
        .unwrap_or("localhost");
    let db = get("POSTGRES_DB").unwrap_or(user);
    let port = match get("POSTGRES_PORT") {
        Some(p) => p
            .parse::<u16>()
            .map_err(|_| ConfigError::BadPort(p.clone()))?,
        None => 5432,
    };
    let user = utf8_percent_encode(user, NON_ALPHANUMERIC);
    let auth = match get("POSTGRES_PASSWORD") {
        Some(pw) => format!("{user}:{}", utf8_percent_encode(pw, NON_ALPHANUMERIC)),
        None => user.to_string(),
    };
    validate_url(&format!("postgres://{auth}@{host}:{port}/{db}"), source)
}

fn validate_url(url: &str, source: UrlSource) -> Result<DatabaseUrl, ConfigError> {
    DatabaseUrl::parse(url, source)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn postgres_vars_build_an_encoded_url() {
        let v = vars(&[
            ("POSTGRES_USER", "app"),
            ("POSTGRES_PASSWORD", "p@ss:w/rd"),
            ("POSTGRES_HOST", "db"),
            ("POSTGRES_PORT", "6543"),
            ("POSTGRES_DB", "shop"),
        ]);
        let got = from_vars(&v, false).unwrap().unwrap();
        assert_eq!(got.secret(), "postgres://app:p%40ss%3Aw%2Frd@db:6543/shop");
        assert_eq!(got.source(), UrlSource::PostgresVars);
    }

    #[test]
    fn non_integer_port_is_named() {
        let v = vars(&[("POSTGRES_USER", "app"), ("POSTGRES_PORT", "54x")]);
        let err = from_vars(&v, false).unwrap_err().to_string();
        assert_eq!(
            err,
            "POSTGRES_PORT must be an integer port number, got '54x'"
        );
    }

    #[test]
    fn database_url_wins_over_postgres_vars() {
        let v = vars(&[("DATABASE_URL", "sqlite://x.db"), ("POSTGRES_USER", "app")]);
        assert_eq!(
            from_vars(&v, false).unwrap().unwrap().secret(),
            "sqlite://x.db"
        );
    }

    #[test]
    fn malformed_url_does_not_echo_the_password() {
        let err = validate_url("postgres://u:secret@host:port/db", UrlSource::Env).unwrap_err();
        assert!(!err.to_string().contains("secret"), "{err}");
        assert!(
            err.to_string()
                .starts_with("malformed database URL from DATABASE_URL")
        );
    }

    #[test]
    fn dotenv_errors_do_not_quote_the_line() {
        let dir = std::env::temp_dir().join(format!("autogen-dotenv-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(".env");
        for (content, expected) in [
            (
                "A=1\nDATABASE_URL=\"postgres://u:s3cret@h/db\n",
                "cannot parse .env file: line 2: malformed value of DATABASE_URL (not shown)",
            ),
            (
                "export POSTGRES_PASSWORD=s3 cret\n",
                "cannot parse .env file: line 1: malformed value of POSTGRES_PASSWORD (not shown)",
            ),
        ] {
            std::fs::write(&path, content).unwrap();
            let err = read_dotenv(&path).unwrap_err().to_string();
            assert_eq!(err, expected);
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn mariadb_scheme_is_mysql() {
        assert_eq!(
            validate_url("mariadb://root@h/db", UrlSource::Flag)
                .unwrap()
                .secret(),
            "mysql://root@h/db"
        );
    }
}
