//! Rust literals.

/// A Rust string literal (`"..."` with escapes).
pub fn rs(s: &str) -> String {
    format!("{s:?}")
}

/// A Rust raw-string literal holding SQL, safe for any content.
pub fn raw(sql: &str) -> String {
    let mut hashes = String::from("#");
    while sql.contains(&format!("\"{hashes}")) {
        hashes.push('#');
    }
    format!("r{hashes}\"{sql}\"{hashes}")
}
