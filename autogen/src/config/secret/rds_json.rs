//! A secret's text as a database URL: either the URL itself (teams store
//! `db_connection_string_<env>`), or the JSON object RDS writes
//! (`{"engine","host","port","username","password","dbname"}`), see
//! <https://docs.aws.amazon.com/secretsmanager/latest/userguide/reference_secret_json_structure.html>.

use serde_json::{Map, Value};

use super::SecretError;
use crate::config::postgres_vars::{encode, url_host};
use crate::config::{DatabaseUrl, UrlSource};

/// The URL the secret describes; `what` names the secret in errors.
pub(super) fn url_from_secret(
    text: &str,
    what: &str,
    source: UrlSource,
) -> Result<DatabaseUrl, SecretError> {
    let text = text.trim_start_matches('\u{feff}').trim();
    if text.is_empty() {
        return Err(SecretError::Empty {
            what: what.to_string(),
        });
    }
    let url_error = |e| SecretError::Url {
        what: what.to_string(),
        source: Box::new(e),
    };
    if !text.starts_with('{') {
        return DatabaseUrl::parse(text, source).map_err(url_error);
    }
    // serde_json's errors name a line and column, never the text.
    let value: Value = serde_json::from_str(text).map_err(|source| SecretError::Json {
        what: what.to_string(),
        source,
    })?;
    let Value::Object(map) = value else {
        return Err(SecretError::NotObject {
            what: what.to_string(),
        });
    };
    let url = build(&map, what)?;
    // `parse` registers the password (encoded and decoded) with `scrub_known_secrets`.
    DatabaseUrl::parse(&url, source).map_err(url_error)
}

/// The URL text the RDS keys describe, the password percent-encoded.
fn build(map: &Map<String, Value>, what: &str) -> Result<String, SecretError> {
    let bad = |key: &'static str, problem: &'static str| SecretError::BadKey {
        what: what.to_string(),
        key,
        problem,
    };
    let text = |key: &'static str| -> Result<Option<&str>, SecretError> {
        match map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if s.trim().is_empty() && key != "password" => {
                Err(bad(key, "is empty"))
            }
            Some(Value::String(s)) => Ok(Some(s.as_str())),
            Some(_) => Err(bad(key, "must be a string")),
        }
    };
    let required = |key: &'static str| {
        text(key)?.ok_or_else(|| SecretError::MissingKey {
            what: what.to_string(),
            key,
        })
    };
    let (scheme, default_port) = match text("engine")?.map(|e| e.trim().to_ascii_lowercase()) {
        None => ("postgres", 5432),
        Some(e) => match e.as_str() {
            "postgres" | "postgresql" | "aurora-postgresql" => ("postgres", 5432),
            "mysql" | "mariadb" | "aurora" | "aurora-mysql" => ("mysql", 3306),
            _ => {
                return Err(SecretError::UnsupportedEngine {
                    what: what.to_string(),
                    engine: e,
                });
            }
        },
    };
    let host = url_host(required("host")?.trim()).ok_or_else(|| {
        bad(
            "host",
            "must be a host name or address (no '/', '?', '#', '@', '\\' or spaces)",
        )
    })?;
    let port = port(map.get("port"), default_port).ok_or_else(|| {
        bad(
            "port",
            "must be an integer port from 1 to 65535 (or a string of digits such as \"5432\")",
        )
    })?;
    let user = encode(required("username")?.trim());
    let password = encode(required("password")?);
    let db = encode(required("dbname")?.trim());
    Ok(format!("{scheme}://{user}:{password}@{host}:{port}/{db}"))
}

/// The port: an integer, or a string holding one; absent is the engine's default.
fn port(value: Option<&Value>, default: u16) -> Option<u16> {
    let n = match value {
        None | Some(Value::Null) => return Some(default),
        Some(Value::Number(n)) => n.as_u64()?,
        Some(Value::String(s))
            if !s.trim().is_empty() && s.trim().bytes().all(|b| b.is_ascii_digit()) =>
        {
            s.trim().parse().ok()?
        }
        Some(_) => return None,
    };
    u16::try_from(n).ok().filter(|p| *p > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(text: &str) -> Result<DatabaseUrl, SecretError> {
        url_from_secret(text, "secret 'db'", UrlSource::Secret)
    }

    #[test]
    fn rds_json_with_special_password_is_encoded() {
        let u = url(
            r#"{"engine":"postgres","host":"db.internal","port":5432,"username":"app","password":"p@ss:w/rd?#%","dbname":"shop"}"#,
        )
        .unwrap();
        assert_eq!(
            u.secret(),
            "postgres://app:p%40ss%3Aw%2Frd%3F%23%25@db.internal:5432/shop"
        );
        assert!(!u.to_string().contains("p%40ss"), "{u}");
    }

    #[test]
    fn string_port_is_accepted_and_others_refused() {
        let base = |port: &str| {
            format!(
                r#"{{"engine":"mysql","host":"h","port":{port},"username":"u","password":"pw","dbname":"d"}}"#
            )
        };
        assert_eq!(
            url(&base("\"3307\"")).unwrap().secret(),
            "mysql://u:pw@h:3307/d"
        );
        for bad in [
            "\"54x\"", "\"\"", "0", "70000", "5432.5", "-1", "true", "[1]",
        ] {
            let err = url(&base(bad)).unwrap_err().to_string();
            assert!(
                err.starts_with("secret 'db': key 'port' must be an integer"),
                "{bad}: {err}"
            );
        }
        let no_port =
            r#"{"engine":"mariadb","host":"h","username":"u","password":"pw","dbname":"d"}"#;
        assert_eq!(url(no_port).unwrap().secret(), "mysql://u:pw@h:3306/d");
    }

    #[test]
    fn missing_and_bad_keys_are_named_without_values() {
        let err = url(r#"{"host":"h","username":"u","password":"Zx-sekrit-1"}"#)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("secret 'db' has no key 'dbname'"), "{err}");
        let err = url(r#"{"host":"h","username":"u","password":7,"dbname":"d"}"#)
            .unwrap_err()
            .to_string();
        assert_eq!(err, "secret 'db': key 'password' must be a string");
        let err = url(r#"{"engine":"oracle","host":"h","username":"u","password":"Zx-sekrit-1","dbname":"d"}"#)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("'oracle'") && !err.contains("Zx-sekrit"),
            "{err}"
        );
        let err = url(r#"{"host":"h/x","username":"u","password":"p","dbname":"d"}"#)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("secret 'db': key 'host' must be"), "{err}");
    }

    #[test]
    fn url_secrets_and_malformed_text() {
        assert_eq!(
            url(" postgres://u:pw@h/d\n").unwrap().secret(),
            "postgres://u:pw@h/d"
        );
        let err = url(r#"{"password":"Zx-sekrit-1""#).unwrap_err();
        assert_eq!(err.to_string(), "secret 'db' is not valid JSON");
        let err = url("[1]").unwrap_err().to_string();
        assert!(err.contains("does not hold a usable database URL"), "{err}");
        let err = url("postgres://u:Zx-sekrit-1@h:port/d").unwrap_err();
        assert!(
            !crate::Error::from(crate::config::ConfigError::from(err))
                .one_line()
                .contains("Zx-sekrit")
        );
        assert_eq!(url("  ").unwrap_err().to_string(), "secret 'db' is empty");
    }
}
