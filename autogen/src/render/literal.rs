//! Rust and SQL literals.

/// A Rust string literal (`"..."` with escapes).
pub fn rs(s: &str) -> String {
    format!("{s:?}")
}

/// A double-quoted SQL identifier (Postgres/SQLite).
pub fn ident(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// A single-quoted SQL string.
pub fn sql_str(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// A Rust raw-string literal holding SQL, safe for any content.
pub fn raw(sql: &str) -> String {
    let mut hashes = String::from("#");
    while sql.contains(&format!("\"{hashes}")) {
        hashes.push('#');
    }
    format!("r{hashes}\"{sql}\"{hashes}")
}
