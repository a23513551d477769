//! Spotting `AUTOINCREMENT` in a `CREATE TABLE` statement.

/// Whether the statement uses the `AUTOINCREMENT` keyword outside quoted text.
///
/// SQLite allows it only on an `INTEGER PRIMARY KEY` column, so at most one column per table
/// can carry it; the caller decides which.
pub(crate) fn has_autoincrement(create_sql: &str) -> bool {
    let mut bare = String::with_capacity(create_sql.len());
    let mut closing: Option<char> = None;
    for c in create_sql.chars() {
        match closing {
            // Inside a string literal or quoted identifier: skip until its closing quote
            // (a doubled quote just closes and reopens, which gives the same result).
            Some(close) if c == close => closing = None,
            Some(_) => {}
            None => match c {
                '\'' | '"' | '`' => closing = Some(c),
                '[' => closing = Some(']'),
                _ => bare.push(c.to_ascii_uppercase()),
            },
        }
        if closing.is_some() {
            bare.push(' ');
        }
    }
    bare.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .any(|word| word == "AUTOINCREMENT")
}
