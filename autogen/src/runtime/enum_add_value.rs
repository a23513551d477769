//! `ALTER TYPE .. ADD VALUE` cannot run inside a transaction block before PostgreSQL 12
//! (<https://www.postgresql.org/docs/11/sql-altertype.html>, "Notes"). Generated revisions run
//! it in the revision's transaction, which PostgreSQL 12+ allows; on an older server such a
//! revision is refused before it starts, naming the way out (`transactional: false`).

/// The major version in a `SELECT version()` string (`PostgreSQL 11.22 on x86_64 ..`).
pub fn postgres_major(version: &str) -> Option<u32> {
    let mut words = version.split_whitespace();
    if !words.next()?.eq_ignore_ascii_case("PostgreSQL") {
        return None;
    }
    let release = words.next()?;
    let major: String = release.chars().take_while(char::is_ascii_digit).collect();
    major.parse().ok()
}

/// Whether `statement` adds a value to an enum type.
pub fn adds_enum_value(statement: &str) -> bool {
    let words: Vec<String> = statement
        .split_whitespace()
        .take(16)
        .map(str::to_ascii_uppercase)
        .collect();
    words.first().is_some_and(|w| w == "ALTER")
        && words.get(1).is_some_and(|w| w == "TYPE")
        && words.windows(2).any(|w| w[0] == "ADD" && w[1] == "VALUE")
}

/// The first statement PostgreSQL `version` cannot run inside a transaction, if a
/// transactional run would.
pub fn refused<'a>(version: &str, statements: &'a [String]) -> Option<&'a str> {
    if postgres_major(version)? >= 12 {
        return None;
    }
    statements
        .iter()
        .find(|s| adds_enum_value(s))
        .map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_old_servers_refuse_add_value_in_a_transaction() {
        let sql = vec![
            r#"CREATE TABLE "t" ()"#.to_string(),
            r#"ALTER TYPE "mood" ADD VALUE 'ok' BEFORE 'sad'"#.to_string(),
        ];
        let v11 = "PostgreSQL 11.22 (Debian 11.22-1) on x86_64-pc-linux-gnu";
        let v15 = "PostgreSQL 15.20 (Debian 15.20-0+deb12u1) on x86_64-pc-linux-gnu";
        assert_eq!(postgres_major(v11), Some(11));
        assert_eq!(postgres_major("PostgreSQL 9.6.24 on x"), Some(9));
        assert_eq!(refused(v11, &sql), Some(sql[1].as_str()));
        assert_eq!(refused(v15, &sql), None);
        assert_eq!(refused(v11, &sql[..1]), None);
        assert_eq!(refused("CockroachDB CCL v23.1", &sql), None);
        assert!(!adds_enum_value("ALTER TABLE t ADD COLUMN value int"));
        assert!(adds_enum_value(
            "alter type mood add value if not exists 'x'"
        ));
    }
}
