//! Parsing a single SQL string literal in each backend's dialect, and printing it back in one
//! canonical spelling: `'...'` with embedded quotes doubled.

use sea_orm::DbBackend;

/// Decodes `sql` if it is exactly one string literal in `backend`'s dialect.
///
/// - Postgres: `'...'` (only `''` escapes) and `E'...'` (backslash escapes, which is how
///   sea-query writes strings containing quotes or control characters).
/// - MySQL/MariaDB: `'...'` with both `''` and backslash escapes (MariaDB reports `'it''s'`
///   and `'a\\b'`; sea-query writes `'it\'s'`).
/// - SQLite: `'...'` with `''` only.
pub(crate) fn parse_string_literal(backend: DbBackend, sql: &str) -> Option<String> {
    let (body, backslashes) = match backend {
        DbBackend::Postgres => match sql.strip_prefix(['E', 'e']) {
            Some(rest) if rest.starts_with('\'') => (rest, true),
            _ => (sql, false),
        },
        DbBackend::MySql => (sql, true),
        _ => (sql, false),
    };
    let inner = body.strip_prefix('\'')?.strip_suffix('\'')?;
    unescape(inner, backslashes)
}

/// Prints `value` as a canonical string literal.
pub(crate) fn quote(value: &str) -> String {
    format!("'{}'", value.replace('\'', "''"))
}

/// Unescapes the inside of a literal; `None` if it is not one literal (a lone quote means the
/// text was e.g. `'a' || 'b'`).
fn unescape(inner: &str, backslashes: bool) -> Option<String> {
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                // Only a doubled quote is allowed inside.
                if chars.next() != Some('\'') {
                    return None;
                }
                out.push('\'');
            }
            '\\' if backslashes => out.push(unescape_backslash(&mut chars)?),
            c => out.push(c),
        }
    }
    Some(out)
}

/// Decodes the character after a backslash (the backslash is already consumed).
fn unescape_backslash(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> Option<char> {
    let c = chars.next()?;
    Some(match c {
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        'b' => '\x08',
        'f' => '\x0C',
        'Z' | 'z' => '\x1A',
        // `\0` (MySQL NUL) or a Postgres octal escape `\ooo`.
        '0'..='7' => {
            let mut value = c.to_digit(8)?;
            for _ in 0..2 {
                match chars.peek().and_then(|d| d.to_digit(8)) {
                    Some(d) => {
                        value = value * 8 + d;
                        chars.next();
                    }
                    None => break,
                }
            }
            char::from_u32(value)?
        }
        other => other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dialects() {
        let pg = DbBackend::Postgres;
        let my = DbBackend::MySql;
        let lite = DbBackend::Sqlite;
        assert_eq!(parse_string_literal(pg, "'it''s'").as_deref(), Some("it's"));
        assert_eq!(
            parse_string_literal(pg, r"E'it\'s'").as_deref(),
            Some("it's")
        );
        assert_eq!(parse_string_literal(pg, r"'a\b'").as_deref(), Some(r"a\b"));
        assert_eq!(
            parse_string_literal(pg, r"E'a\\b\n'").as_deref(),
            Some("a\\b\n")
        );
        assert_eq!(
            parse_string_literal(pg, r"E'\001'").as_deref(),
            Some("\x01")
        );
        assert_eq!(parse_string_literal(my, r"'a\\b'").as_deref(), Some(r"a\b"));
        assert_eq!(
            parse_string_literal(my, r"'it\'s'").as_deref(),
            Some("it's")
        );
        assert_eq!(
            parse_string_literal(lite, "'it''s'").as_deref(),
            Some("it's")
        );
        assert_eq!(parse_string_literal(lite, "'a' || 'b'"), None);
        assert_eq!(parse_string_literal(lite, "0"), None);
        assert_eq!(quote("it's"), "'it''s'");
    }
}
