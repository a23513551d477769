//! An index expression or predicate written in PostgreSQL's spelling, made fit for SQLite, or
//! the reason it is not.
//!
//! `pg_get_indexdef` (and so `pull` from PostgreSQL) writes casts SQLite cannot parse:
//! `lower((email)::text)`, `WHERE ((status)::text = 'open'::text)`. A cast to `text` or
//! `character varying` (no length) is dropped where that provably changes nothing on SQLite:
//! on a string literal, or on a column the table declares as a string. Any other cast, and
//! PostgreSQL-only syntax (`ARRAY[..]`, `= ANY (..)`, `ILIKE`, `SIMILAR TO`), is a reason:
//! the index is then not created on SQLite, with a notice, instead of a statement that fails.

use std::collections::BTreeSet;

/// Casts that mean nothing to a value SQLite already holds as text.
const TEXT_TYPES: [&str; 3] = ["text", "character varying", "varchar"];

/// Words that only PostgreSQL reads in an index expression.
const POSTGRES_ONLY: [&str; 5] = ["array", "any", "all", "ilike", "similar"];

/// `sql` without its provably harmless casts, or why SQLite cannot take it. `text_columns`
/// are the table's string columns.
pub fn for_sqlite(sql: &str, text_columns: &BTreeSet<String>) -> Result<String, String> {
    let chars: Vec<char> = sql.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\'' || c == '"' {
            let end = closing(&chars, i);
            out.extend(&chars[i..end]);
            i = end;
        } else if c == ':' && chars.get(i + 1) == Some(&':') {
            let (ty, next) = cast_type(&chars, i + 2);
            if !TEXT_TYPES.contains(&ty.as_str()) || !operand_is_text(&out, text_columns) {
                return Err(format!("a PostgreSQL cast (::{ty}) in {sql}"));
            }
            i = next;
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            if POSTGRES_ONLY.contains(&word.to_ascii_lowercase().as_str()) {
                return Err(format!("PostgreSQL syntax ({word}) in {sql}"));
            }
            out.push_str(&word);
        } else {
            if c == '~' {
                return Err(format!("a PostgreSQL operator (~) in {sql}"));
            }
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

/// The index after the literal or quoted name opening at `i` (its quote doubled inside).
fn closing(chars: &[char], i: usize) -> usize {
    let q = chars[i];
    let mut j = i + 1;
    while j < chars.len() {
        if chars[j] == q {
            if chars.get(j + 1) == Some(&q) {
                j += 2;
                continue;
            }
            return j + 1;
        }
        j += 1;
    }
    chars.len()
}

/// The cast's type name from `i` (lower-cased, words joined by one space, with any `(..)` or
/// `[]` after it), and the index after it.
fn cast_type(chars: &[char], mut i: usize) -> (String, usize) {
    let mut words: Vec<String> = Vec::new();
    loop {
        let mut j = i;
        while j < chars.len() && chars[j] == ' ' {
            j += 1;
        }
        let start = j;
        while j < chars.len() && (chars[j].is_alphanumeric() || chars[j] == '_') {
            j += 1;
        }
        let word: String = chars[start..j].iter().collect::<String>().to_lowercase();
        // `character varying` is the one multi-word type a string cast takes.
        let joins = words.last().is_some_and(|w| w == "character") && word == "varying";
        if word.is_empty() || (!words.is_empty() && !joins) {
            break;
        }
        words.push(word);
        i = j;
    }
    let mut ty = words.join(" ");
    while let Some(&c) = chars.get(i)
        && (c == '(' || c == '[')
    {
        let close = if c == '(' { ')' } else { ']' };
        let end = chars[i..]
            .iter()
            .position(|x| *x == close)
            .map_or(chars.len(), |p| i + p + 1);
        ty.extend(&chars[i..end]);
        i = end;
    }
    (ty, i)
}

/// Whether what `out` ends with is a string literal, or a column of `text_columns` (bare,
/// quoted or in parentheses).
fn operand_is_text(out: &str, text_columns: &BTreeSet<String>) -> bool {
    let end = out.trim_end();
    if end.ends_with('\'') {
        return true;
    }
    let inner = end
        .strip_suffix(')')
        .and_then(|e| e.rfind('(').map(|at| &e[at + 1..]))
        .unwrap_or(end);
    let name = match inner.strip_suffix('"') {
        Some(e) => e.rfind('"').map(|at| &e[at + 1..]),
        None => inner
            .rsplit(|c: char| !(c.is_alphanumeric() || c == '_'))
            .next(),
    };
    name.is_some_and(|n| !n.is_empty() && text_columns.contains(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cols() -> BTreeSet<String> {
        ["email".to_owned(), "status".to_owned()].into()
    }

    #[test]
    fn harmless_casts_go() {
        for (pg, sqlite) in [
            ("lower((email)::text)", "lower((email))"),
            ("((status)::text = 'open'::text)", "((status) = 'open')"),
            ("\"email\"::character varying", "\"email\""),
            ("status = 'a''b'::varchar", "status = 'a''b'"),
            ("lower(email)", "lower(email)"),
            ("note = 'x::int'", "note = 'x::int'"),
        ] {
            assert_eq!(for_sqlite(pg, &cols()).as_deref(), Ok(sqlite), "{pg}");
        }
    }

    #[test]
    fn others_are_reasons() {
        for pg in [
            "(id)::text",
            "lower((email)::varchar(10))",
            "created::date",
            "'english'::regconfig",
            "((status)::text = ANY ((ARRAY['a'::character varying])::text[]))",
            "email ILIKE 'a%'",
            "email ~ 'x'",
        ] {
            assert!(for_sqlite(pg, &cols()).is_err(), "{pg}");
        }
    }
}
