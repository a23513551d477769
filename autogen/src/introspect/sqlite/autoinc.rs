//! Spotting keywords (`AUTOINCREMENT`, `CHECK`) in a `CREATE TABLE` statement.

/// The statement's characters, upper-cased, with quoted text (string literals, quoted
/// identifiers) blanked out, so keywords are only found where SQLite would parse them.
pub(super) fn masked(create_sql: &str) -> Vec<char> {
    let mut bare = Vec::with_capacity(create_sql.len());
    let mut closing: Option<char> = None;
    for c in create_sql.chars() {
        match closing {
            // Inside a string literal or quoted identifier: skip until its closing quote
            // (a doubled quote just closes and reopens, which gives the same result).
            Some(close) if c == close => {
                closing = None;
                bare.push(' ');
            }
            Some(_) => bare.push(' '),
            None => match c {
                '\'' | '"' | '`' => {
                    closing = Some(c);
                    bare.push(' ');
                }
                '[' => {
                    closing = Some(']');
                    bare.push(' ');
                }
                _ => bare.push(c.to_ascii_uppercase()),
            },
        }
    }
    bare
}

/// Start positions (in chars) of `word` as a whole word in the masked statement.
fn word_positions(bare: &[char], word: &str) -> Vec<usize> {
    let word: Vec<char> = word.chars().collect();
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    (0..bare.len().saturating_sub(word.len() - 1))
        .filter(|&i| {
            bare[i..i + word.len()] == word[..]
                && (i == 0 || !is_word(bare[i - 1]))
                && bare.get(i + word.len()).is_none_or(|c| !is_word(*c))
        })
        .collect()
}

/// Whether the statement uses the `AUTOINCREMENT` keyword outside quoted text.
///
/// SQLite allows it only on an `INTEGER PRIMARY KEY` column, so at most one column per table
/// can carry it; the caller decides which.
pub(crate) fn has_autoincrement(create_sql: &str) -> bool {
    !word_positions(&masked(create_sql), "AUTOINCREMENT").is_empty()
}

/// The `CHECK (..)` clauses of the statement: the name of `CONSTRAINT name CHECK (..)` (empty
/// for an unnamed check) and the expression text.
pub(crate) fn check_clauses(create_sql: &str) -> Vec<(String, String)> {
    let bare = masked(create_sql);
    let chars: Vec<char> = create_sql.chars().collect();
    let mut out = Vec::new();
    for start in word_positions(&bare, "CHECK") {
        let Some(open) = (start + 5..bare.len()).find(|&i| !bare[i].is_whitespace()) else {
            continue;
        };
        if bare[open] != '(' {
            continue;
        }
        let mut depth = 0usize;
        for (i, c) in bare.iter().enumerate().skip(open) {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        let expr = chars[open + 1..i].iter().collect::<String>();
                        out.push((constraint_name(&bare, &chars, start), expr.trim().into()));
                        break;
                    }
                }
                _ => {}
            }
        }
    }
    out
}

/// Where the quoted text whose closing quote is at `close` opened (a doubled quote continues
/// the same text).
fn quoted_start(chars: &[char], close: usize) -> Option<usize> {
    let mut closing: Option<char> = None;
    let mut start = 0;
    let mut last_closed: Option<(usize, usize)> = None;
    for (i, &c) in chars.iter().enumerate().take(close + 1) {
        match closing {
            Some(q) if c == q => {
                closing = None;
                last_closed = Some((start, i));
            }
            Some(_) => {}
            None => {
                let q = match c {
                    '\'' | '"' | '`' => c,
                    '[' => ']',
                    _ => continue,
                };
                // A quote right after a closing one of the same kind is a doubled quote.
                if !matches!(last_closed, Some((_, e)) if e + 1 == i && chars[e] == c) {
                    start = i;
                }
                closing = Some(q);
            }
        }
    }
    last_closed.filter(|&(_, e)| e == close).map(|(s, _)| s)
}

/// The name in `CONSTRAINT name` right before position `start`, or empty.
fn constraint_name(bare: &[char], chars: &[char], start: usize) -> String {
    let skip_ws = |mut i: usize| {
        while i > 0 && chars[i - 1].is_whitespace() {
            i -= 1;
        }
        i
    };
    let end = skip_ws(start);
    if end == 0 {
        return String::new();
    }
    let (begin, name) = match chars[end - 1] {
        q @ ('"' | '`' | ']') => {
            let open = if q == ']' { '[' } else { q };
            let Some(b) = quoted_start(chars, end - 1).filter(|&b| chars[b] == open) else {
                return String::new();
            };
            let inner: String = chars[b + 1..end - 1].iter().collect();
            let doubled = format!("{q}{q}");
            (b, inner.replace(&doubled, &q.to_string()))
        }
        _ => {
            let mut b = end;
            while b > 0 && (chars[b - 1].is_alphanumeric() || chars[b - 1] == '_') {
                b -= 1;
            }
            (b, chars[b..end].iter().collect())
        }
    };
    let before = skip_ws(begin);
    let keyword: String = bare[before.saturating_sub(10)..before].iter().collect();
    if keyword == "CONSTRAINT" && (before < 11 || !bare[before - 11].is_alphanumeric()) {
        name
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_outside_quotes_only() {
        let sql = r#"CREATE TABLE t (a int CHECK (a > (0)), "check" text, b text DEFAULT 'CHECK (x)', CONSTRAINT c check(b <> ')'))"#;
        assert_eq!(
            check_clauses(sql),
            vec![
                (String::new(), "a > (0)".to_string()),
                ("c".to_string(), "b <> ')'".to_string())
            ]
        );
        let quoted = r#"CREATE TABLE t (a int, CONSTRAINT "my ""c""" CHECK (a > 1))"#;
        assert_eq!(check_clauses(quoted)[0].0, "my \"c\"");
        assert!(!has_autoincrement("CREATE TABLE t (\"AUTOINCREMENT\" int)"));
        assert!(has_autoincrement(
            "CREATE TABLE t (id integer primary key autoincrement)"
        ));
    }
}
