//! Spotting keywords (`AUTOINCREMENT`, `CHECK`) in a `CREATE TABLE` statement.

/// The statement's characters, upper-cased, with quoted text (string literals, quoted
/// identifiers) blanked out, so keywords are only found where SQLite would parse them.
fn masked(create_sql: &str) -> Vec<char> {
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

/// The `CHECK (..)` clauses of the statement, each as its expression text.
pub(crate) fn check_clauses(create_sql: &str) -> Vec<String> {
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
                        out.push(chars[open + 1..i].iter().collect::<String>().trim().into());
                        break;
                    }
                }
                _ => {}
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_outside_quotes_only() {
        let sql = r#"CREATE TABLE t (a int CHECK (a > (0)), "check" text, b text DEFAULT 'CHECK (x)', CONSTRAINT c check(b <> ')'))"#;
        assert_eq!(check_clauses(sql), vec!["a > (0)", "b <> ')'"]);
        assert!(!has_autoincrement("CREATE TABLE t (\"AUTOINCREMENT\" int)"));
        assert!(has_autoincrement(
            "CREATE TABLE t (id integer primary key autoincrement)"
        ));
    }
}
