//! Quoting, one function per kind of token and backend: the only place that writes quotes.

use super::Backend;

impl Backend {
    /// The quote character identifiers are wrapped in.
    pub fn ident_quote(self) -> char {
        match self {
            Backend::MySql => '`',
            Backend::Postgres | Backend::Sqlite => '"',
        }
    }

    /// An identifier as SQL text: wrapped in the backend's quote, with that quote doubled
    /// inside (PostgreSQL and SQLite `"`, MySQL `` ` ``). Safe for any name.
    pub fn ident(self, name: &str) -> String {
        let q = self.ident_quote();
        format!("{q}{}{q}", self.ident_body(name))
    }

    /// What goes between the quotes of an identifier: `name` with the backend's quote doubled.
    /// For builders that write the quotes but not the escaping: sea-query 1.0.2 writes index
    /// and foreign-key names as `quote + name + quote` (`backend/*/index.rs`, `foreign_key.rs`).
    pub fn ident_body(self, name: &str) -> String {
        let q = self.ident_quote();
        let mut out = String::with_capacity(name.len());
        for ch in name.chars() {
            if ch == q {
                out.push(q);
            }
            out.push(ch);
        }
        out
    }

    /// Whether `name` holds the identifier quote of any backend, so that it reads differently
    /// between each backend's quotes.
    pub fn needs_escaping_anywhere(name: &str) -> bool {
        Backend::ALL.iter().any(|b| name.contains(b.ident_quote()))
    }

    /// `schema.table`-style dotted names, each part quoted.
    pub fn idents(self, parts: &[&str]) -> String {
        parts
            .iter()
            .map(|p| self.ident(p))
            .collect::<Vec<_>>()
            .join(".")
    }

    /// A string literal as SQL text: `'` doubled; on MySQL backslashes too, because MySQL
    /// treats `\` as an escape inside strings unless `NO_BACKSLASH_ESCAPES` is set
    /// (<https://dev.mysql.com/doc/refman/8.0/en/string-literals.html>).
    pub fn string(self, s: &str) -> String {
        let mut out = String::with_capacity(s.len() + 2);
        out.push('\'');
        for ch in s.chars() {
            match ch {
                '\'' => out.push_str("''"),
                '\\' if self == Backend::MySql => out.push_str("\\\\"),
                _ => out.push(ch),
            }
        }
        out.push('\'');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::Backend;

    #[test]
    fn identifiers_double_their_own_quote_only() {
        let name = "i\"; DROP TABLE y; --`x";
        assert_eq!(
            Backend::Postgres.ident(name),
            "\"i\"\"; DROP TABLE y; --`x\""
        );
        assert_eq!(Backend::Sqlite.ident(name), "\"i\"\"; DROP TABLE y; --`x\"");
        assert_eq!(Backend::MySql.ident(name), "`i\"; DROP TABLE y; --``x`");
    }

    #[test]
    fn strings_escape_backslashes_on_mysql_only() {
        assert_eq!(Backend::MySql.string("a'b\\"), "'a''b\\\\'");
        assert_eq!(Backend::Postgres.string("a'b\\"), "'a''b\\'");
    }
}
