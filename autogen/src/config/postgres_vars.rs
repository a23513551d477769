//! The `POSTGRES_*` variables (the names the official `postgres` image uses) as one URL.
//!
//! Rule: the family is in use as soon as any of its five variables is set. Then
//! `POSTGRES_USER`, `POSTGRES_HOST` and `POSTGRES_DB` are required (a default host or database
//! would be a guess, and a wrong guess is a silently wrong database); `POSTGRES_PASSWORD` (trust
//! or peer authentication) and `POSTGRES_PORT` (5432) are optional. Set-but-empty is an error.

use std::collections::HashMap;
use std::path::PathBuf;

use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};

use super::{ConfigError, DatabaseUrl, UrlSource};

/// The five variables, in the order messages list them.
pub(super) const NAMES: [&str; 5] = [
    "POSTGRES_USER",
    "POSTGRES_PASSWORD",
    "POSTGRES_HOST",
    "POSTGRES_PORT",
    "POSTGRES_DB",
];

const REQUIRED: [&str; 3] = ["POSTGRES_USER", "POSTGRES_HOST", "POSTGRES_DB"];

/// The URL the variables describe, `None` when none of them is set. `file` is the `.env` file
/// they come from, for messages.
pub(super) fn url_from(
    vars: &HashMap<String, String>,
    file: &Option<PathBuf>,
    source: UrlSource,
) -> Result<Option<DatabaseUrl>, ConfigError> {
    let present: Vec<&'static str> = NAMES
        .into_iter()
        .filter(|k| vars.contains_key(*k))
        .collect();
    if present.is_empty() {
        return Ok(None);
    }
    if let Some(var) = present.iter().find(|k| vars[**k].trim().is_empty()) {
        return Err(ConfigError::EmptyVar {
            var,
            file: file.clone(),
        });
    }
    let missing: Vec<&'static str> = REQUIRED
        .into_iter()
        .filter(|k| !present.contains(k))
        .collect();
    if !missing.is_empty() {
        return Err(ConfigError::MissingVars {
            present,
            missing,
            file: file.clone(),
        });
    }
    let get = |k: &str| vars.get(k).map(|v| v.trim());
    let host = host(get("POSTGRES_HOST").unwrap_or_default(), file)?;
    let port = match get("POSTGRES_PORT") {
        Some(p) => match p.parse::<u16>() {
            Ok(n) if n > 0 => n,
            _ => {
                return Err(ConfigError::BadPort {
                    value: p.to_string(),
                    file: file.clone(),
                });
            }
        },
        None => 5432,
    };
    let enc = encode;
    let user = enc(get("POSTGRES_USER").unwrap_or_default());
    let db = enc(get("POSTGRES_DB").unwrap_or_default());
    // The password is taken as is: leading or trailing spaces may be part of it.
    let auth = match vars.get("POSTGRES_PASSWORD") {
        Some(pw) => format!("{user}:{}", enc(pw)),
        None => user,
    };
    DatabaseUrl::parse(&format!("postgres://{auth}@{host}:{port}/{db}"), source).map(Some)
}

/// The host part of the URL: a name or address, an IPv6 address put in brackets.
fn host(value: &str, file: &Option<PathBuf>) -> Result<String, ConfigError> {
    url_host(value).ok_or_else(|| ConfigError::BadHost {
        value: value.to_string(),
        file: file.clone(),
    })
}

/// `value` as the host part of a URL (an IPv6 address in brackets), `None` when it holds a
/// character that would move the rest into another URL part.
pub(super) fn url_host(value: &str) -> Option<String> {
    let bad = value
        .chars()
        .any(|c| matches!(c, '/' | '?' | '#' | '@' | '\\') || c.is_whitespace() || c.is_control());
    if bad {
        return None;
    }
    let is_v6 = value.contains(':') && value.parse::<std::net::Ipv6Addr>().is_ok();
    Some(if is_v6 {
        format!("[{value}]")
    } else {
        value.to_string()
    })
}

/// User, password and database are data, not URL syntax: every reserved character encoded.
pub(super) fn encode(s: &str) -> String {
    utf8_percent_encode(s, NON_ALPHANUMERIC).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::test_vars as vars;

    fn url(pairs: &[(&str, &str)]) -> Result<Option<DatabaseUrl>, ConfigError> {
        url_from(&vars(pairs), &None, UrlSource::PostgresVars)
    }

    #[test]
    fn full_set_builds_an_encoded_url() {
        let got = url(&[
            ("POSTGRES_USER", "app"),
            ("POSTGRES_PASSWORD", "p@ss:w/rd"),
            ("POSTGRES_HOST", "db"),
            ("POSTGRES_PORT", "6543"),
            ("POSTGRES_DB", "sh/op"),
        ])
        .unwrap()
        .unwrap();
        assert_eq!(
            got.secret(),
            "postgres://app:p%40ss%3Aw%2Frd@db:6543/sh%2Fop"
        );
        let v6 = url(&[
            ("POSTGRES_USER", "app"),
            ("POSTGRES_HOST", "::1"),
            ("POSTGRES_DB", "shop"),
        ])
        .unwrap()
        .unwrap();
        assert_eq!(v6.secret(), "postgres://app@[::1]:5432/shop");
    }

    #[test]
    fn partial_sets_name_what_is_missing() {
        let err = url(&[("POSTGRES_PASSWORD", "x")]).unwrap_err().to_string();
        assert!(
            err.contains(
                "POSTGRES_PASSWORD set, but POSTGRES_USER, POSTGRES_HOST, POSTGRES_DB missing"
            ),
            "{err}"
        );
        let err = url(&[("POSTGRES_USER", "app"), ("POSTGRES_HOST", "h")])
            .unwrap_err()
            .to_string();
        assert!(err.contains("but POSTGRES_DB missing"), "{err}");
        assert_eq!(url(&[]).unwrap(), None);
    }

    #[test]
    fn bad_values_are_named() {
        let base = [("POSTGRES_USER", "app"), ("POSTGRES_DB", "d")];
        for (k, v, needle) in [
            ("POSTGRES_HOST", "127.0.0.1/evil", "POSTGRES_HOST"),
            ("POSTGRES_HOST", "h?x", "POSTGRES_HOST"),
            ("POSTGRES_HOST", "a@b", "POSTGRES_HOST"),
            ("POSTGRES_HOST", "a#b", "POSTGRES_HOST"),
            ("POSTGRES_HOST", "", "POSTGRES_HOST is set but empty"),
        ] {
            let mut pairs = base.to_vec();
            pairs.push((k, v));
            let err = url(&pairs).unwrap_err().to_string();
            assert!(err.contains(needle), "{v}: {err}");
        }
        for port in ["54x", "0", "70000", "-1"] {
            let err = url(&[
                ("POSTGRES_USER", "app"),
                ("POSTGRES_HOST", "h"),
                ("POSTGRES_DB", "d"),
                ("POSTGRES_PORT", port),
            ])
            .unwrap_err()
            .to_string();
            assert!(err.contains(&format!("got '{port}'")), "{err}");
        }
    }
}
