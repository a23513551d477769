//! A database URL parsed once into a typed value: the backend, the URL to connect with (never
//! printed) and a redacted form for messages. Connecting, locking, offline rendering and the
//! planner all take this value; nothing else looks at URL text.

use std::fmt;

use super::{ConfigError, UrlSource};
use crate::backend::{Backend, ObjectName};

/// A validated database URL.
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseUrl {
    backend: Backend,
    /// The URL handed to the driver, scheme normalized (`mariadb://` is `mysql://`).
    secret: String,
    /// The same URL with every password replaced by `***`.
    redacted: String,
    source: UrlSource,
}

impl DatabaseUrl {
    /// Parses and checks `raw`; errors name `source` and never echo the URL, which may hold a
    /// password.
    pub fn parse(raw: &str, source: UrlSource) -> Result<Self, ConfigError> {
        let incomplete = |missing: &'static str| ConfigError::IncompleteUrl {
            origin: source,
            missing,
        };
        // A byte-order mark is what some editors put at the start of a secret file.
        let text = raw.trim_start_matches('\u{feff}').trim();
        if text.is_empty() {
            return Err(ConfigError::Empty { origin: source });
        }
        let mut parsed = url::Url::parse(text).map_err(|e| ConfigError::MalformedUrl {
            origin: source,
            source: e,
        })?;
        // `Url` lower-cases the scheme, so `POSTGRES://` is `postgres` here.
        let backend = match parsed.scheme() {
            "postgres" | "postgresql" => Backend::Postgres,
            "mysql" | "mariadb" => Backend::MySql,
            "sqlite" => Backend::Sqlite,
            other => {
                return Err(ConfigError::UnsupportedScheme {
                    origin: source,
                    scheme: other.to_string(),
                });
            }
        };
        let secret = match backend {
            Backend::Sqlite => {
                let rest = text
                    .split_once(':')
                    .map(|(_, rest)| rest)
                    .unwrap_or_default();
                let rest = rest.strip_prefix("//").unwrap_or(rest);
                let path = rest.split('?').next().unwrap_or_default();
                if path.is_empty() {
                    return Err(incomplete(
                        "no database file (sqlite://<path>, or sqlite::memory: for a throwaway database)",
                    ));
                }
                format!("sqlite://{rest}")
            }
            Backend::Postgres | Backend::MySql => {
                if parsed.scheme() == "mariadb" && parsed.set_scheme("mysql").is_err() {
                    return Err(incomplete(
                        "a mariadb:// URL that cannot be read as mysql://",
                    ));
                }
                if parsed.host_str().unwrap_or_default().is_empty() {
                    return Err(incomplete(
                        "no host (scheme://[user[:password]@]host[:port]/database)",
                    ));
                }
                let database = parsed.path().trim_start_matches('/');
                if database.is_empty() {
                    return Err(incomplete(
                        "no database name (add /<database> after the host)",
                    ));
                }
                parsed.to_string()
            }
        };
        let redacted = redact(&secret);
        super::secrets::remember(&secrets_of(&secret));
        Ok(DatabaseUrl {
            backend,
            secret,
            redacted,
            source,
        })
    }

    /// The backend the URL names.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Where the URL came from.
    pub fn source(&self) -> UrlSource {
        self.source
    }

    /// The URL with every password replaced by `***`: the only form that is ever printed.
    pub fn redacted(&self) -> &str {
        &self.redacted
    }

    /// The URL to hand to the driver. Crate-private: printing it would leak the password.
    #[cfg_attr(
        not(any(feature = "postgres", feature = "mysql", feature = "sqlite")),
        allow(dead_code)
    )]
    pub(crate) fn secret(&self) -> &str {
        &self.secret
    }

    /// sea-orm options for an application's own pool (the example service's): the URL goes to
    /// the driver without passing through a printable string of ours.
    pub fn sea_orm_options(&self) -> sea_orm::ConnectOptions {
        sea_orm::ConnectOptions::new(self.secret.clone())
    }

    /// The same server and credentials with database `name` (a database tenant, a scratch
    /// database); `None` for SQLite. A `dbname` query parameter, which would win over the
    /// path, is removed.
    pub fn with_database(&self, name: &ObjectName) -> Option<DatabaseUrl> {
        if self.backend == Backend::Sqlite {
            return None;
        }
        let mut parsed = url::Url::parse(&self.secret).ok()?;
        // Percent-encoded: the drivers decode the path (a `/` or `%` in a name stays itself).
        let path = percent_encoding::utf8_percent_encode(name.as_str(), PATH_SEGMENT);
        parsed.set_path(&format!("/{path}"));
        if parsed
            .query_pairs()
            .any(|(k, _)| k.eq_ignore_ascii_case("dbname"))
        {
            // The other pairs keep their text as written (re-encoding them would print a
            // password in a form nobody remembered to scrub).
            let kept: Vec<String> = parsed
                .query()
                .unwrap_or_default()
                .split('&')
                .filter(|pair| {
                    let key = pair.split('=').next().unwrap_or_default();
                    !decode(key).eq_ignore_ascii_case("dbname")
                })
                .map(str::to_string)
                .collect();
            parsed.set_query((!kept.is_empty()).then(|| kept.join("&")).as_deref());
        }
        let secret = parsed.to_string();
        super::secrets::remember(&secrets_of(&secret));
        Some(DatabaseUrl {
            backend: self.backend,
            redacted: redact(&secret),
            secret,
            source: self.source,
        })
    }

    /// The file of a SQLite URL, or `None` for in-memory SQLite and for servers.
    pub fn sqlite_path(&self) -> Option<&str> {
        if self.backend != Backend::Sqlite {
            return None;
        }
        let rest = self.secret.strip_prefix("sqlite://")?;
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        let memory = path == ":memory:" || query.split('&').any(|kv| kv == "mode=memory");
        (!memory).then_some(path)
    }

    /// Replaces the password (if it appears) in a driver message with `***`.
    pub fn scrub(&self, message: &str) -> String {
        let mut out = message.replace(&self.secret, &self.redacted);
        for secret in secrets_of(&self.secret) {
            out = out.replace(&secret, "***");
        }
        out
    }
}

impl fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted)
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DatabaseUrl")
            .field("backend", &self.backend)
            .field("url", &self.redacted)
            .field("source", &self.source)
            .finish()
    }
}

/// What a database name keeps unencoded in a URL path: RFC 3986's unreserved characters.
const PATH_SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Whether a query parameter holds a secret: `password`, `sslpassword`, and anything whose
/// name contains `pass` or `secret`.
fn is_secret_param(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.contains("pass") || name.contains("secret")
}

/// The secret values in `url` (the userinfo password and secret query parameters), raw and
/// percent-decoded, longest first.
fn secrets_of(url: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(parsed) = url::Url::parse(url) {
        if let Some(pw) = parsed.password() {
            out.push(pw.to_string());
            out.push(decode(pw));
        }
        for (k, v) in parsed.query_pairs() {
            if is_secret_param(&k) && !v.is_empty() {
                out.push(v.to_string());
            }
        }
        if let Some(query) = parsed.query() {
            for pair in query.split('&') {
                if let Some((k, v)) = pair.split_once('=')
                    && is_secret_param(&decode(k))
                    && !v.is_empty()
                {
                    out.push(v.to_string());
                }
            }
        }
    }
    out.retain(|s| !s.is_empty());
    out.sort_by_key(|s| std::cmp::Reverse(s.len()));
    out.dedup();
    out
}

fn decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

/// `url` with the userinfo password and every secret query parameter replaced by `***`.
/// Unparseable input is replaced whole, because we cannot tell where a password would be.
pub fn redact(url: &str) -> String {
    let Ok(mut parsed) = url::Url::parse(url.trim()) else {
        return "<unparseable URL>".to_string();
    };
    if parsed.password().is_some() {
        let _ = parsed.set_password(Some("***"));
    }
    if let Some(query) = parsed.query() {
        let redacted: Vec<String> = query
            .split('&')
            .map(|pair| match pair.split_once('=') {
                Some((k, _)) if is_secret_param(&decode(k)) => format!("{k}=***"),
                _ => pair.to_string(),
            })
            .collect();
        parsed.set_query(Some(&redacted.join("&")));
    }
    parsed.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<DatabaseUrl, ConfigError> {
        DatabaseUrl::parse(s, UrlSource::Flag)
    }

    #[test]
    fn scheme_is_case_insensitive_and_trimmed() {
        for raw in [
            "POSTGRES://u@h/db",
            " postgres://u@h/db\n",
            "\u{feff}postgres://u@h/db",
            "PostgreSQL://u@h/db",
        ] {
            let url = parse(raw).unwrap();
            assert_eq!(url.backend(), Backend::Postgres, "{raw:?}");
            assert!(url.secret().starts_with("postgres"), "{raw:?}");
        }
        let url = parse("MariaDB://root@h/db").unwrap();
        assert_eq!(url.backend(), Backend::MySql);
        assert_eq!(url.secret(), "mysql://root@h/db");
    }

    #[test]
    fn every_password_form_is_redacted() {
        let url = parse(
            "postgres://u:TOPSECRET1@h/db?password=TOPSECRET2&sslpassword=TOPSECRET3&my_Secret_key=TOPSECRET4&passfile=TOPSECRET5&sslmode=disable",
        )
        .unwrap();
        let shown = url.to_string();
        assert!(!shown.contains("TOPSECRET"), "{shown}");
        assert!(shown.contains("sslmode=disable"), "{shown}");
        assert!(!format!("{url:?}").contains("TOPSECRET"));
        let msg = url.scrub("error connecting with TOPSECRET1 and TOPSECRET4");
        assert!(!msg.contains("TOPSECRET"), "{msg}");
    }

    #[test]
    fn incomplete_urls_are_refused() {
        assert!(parse("mysql://root@127.0.0.1:3306").is_err());
        assert!(parse("mysql://root@127.0.0.1:3306/").is_err());
        assert!(parse("sqlite://").is_err());
        assert!(parse("sqlite:").is_err());
        assert!(parse("").is_err());
        assert!(parse("   ").is_err());
        assert!(parse("oracle://h/db").is_err());
    }

    #[test]
    fn database_replaced_keeps_the_rest_and_the_secret() {
        let url =
            parse("postgres://u:TOPSECRET9@h:5432/main?sslmode=disable&dbname=other").unwrap();
        let tenant = url
            .with_database(&ObjectName::parse("tenant_1 /%").unwrap())
            .unwrap();
        assert_eq!(
            tenant.secret(),
            "postgres://u:TOPSECRET9@h:5432/tenant_1%20%2F%25?sslmode=disable"
        );
        assert_eq!(
            tenant.to_string(),
            "postgres://u:***@h:5432/tenant_1%20%2F%25?sslmode=disable"
        );
        assert_eq!(tenant.scrub("x TOPSECRET9 y"), "x *** y");
        assert!(
            parse("sqlite::memory:")
                .unwrap()
                .with_database(&ObjectName::parse("a").unwrap())
                .is_none()
        );
    }

    #[test]
    fn sqlite_paths() {
        assert_eq!(
            parse("sqlite://autogen.db?mode=rwc").unwrap().sqlite_path(),
            Some("autogen.db")
        );
        assert_eq!(
            parse("SQLITE:///tmp/x.db").unwrap().sqlite_path(),
            Some("/tmp/x.db")
        );
        assert_eq!(parse("sqlite::memory:").unwrap().sqlite_path(), None);
    }
}
