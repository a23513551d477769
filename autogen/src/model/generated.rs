//! Generated (computed) columns: `GENERATED ALWAYS AS (expr) STORED|VIRTUAL`
//! (<https://www.postgresql.org/docs/15/ddl-generated-columns.html>,
//! <https://mariadb.com/kb/en/generated-columns/>,
//! <https://dev.mysql.com/doc/refman/8.0/en/create-table-generated-columns.html>,
//! <https://www.sqlite.org/gencol.html>).

use serde::{Deserialize, Serialize};

/// How a column's value is computed from the other columns of its row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Generated {
    /// The expression as SQL text, without `GENERATED ALWAYS AS (..)`; compared normalized
    /// ([`crate::normalize::checks::canonical`]), planned as written.
    pub expression: String,
    /// `STORED` (computed on write) rather than `VIRTUAL` (computed on read). PostgreSQL 15
    /// has only stored columns; MariaDB's `PERSISTENT` is `STORED`.
    pub stored: bool,
}

impl Generated {
    /// `GENERATED ALWAYS AS (expr) STORED` (or `VIRTUAL`).
    pub fn sql(&self) -> String {
        format!(
            "GENERATED ALWAYS AS ({}) {}",
            self.expression,
            if self.stored { "STORED" } else { "VIRTUAL" }
        )
    }

    /// Whether two generations are the same: same kind, same canonical expression.
    pub fn same(a: Option<&Generated>, b: Option<&Generated>) -> bool {
        use crate::normalize::checks::canonical;
        match (a, b) {
            (None, None) => true,
            (Some(a), Some(b)) => {
                a.stored == b.stored && canonical(&a.expression) == canonical(&b.expression)
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Generated;

    fn g(expression: &str, stored: bool) -> Generated {
        Generated {
            expression: expression.into(),
            stored,
        }
    }

    #[test]
    fn generated_columns_compare_by_canonical_expression_and_kind() {
        // PostgreSQL prints `a*2` back as `(a * 2)`, MariaDB as `` `a` * 2 ``.
        assert!(Generated::same(
            Some(&g("(a * 2)", true)),
            Some(&g("a*2", true))
        ));
        assert!(Generated::same(
            Some(&g("`a` * 2", true)),
            Some(&g("a * 2", true))
        ));
        assert!(!Generated::same(
            Some(&g("a * 2", true)),
            Some(&g("a * 3", true))
        ));
        assert!(!Generated::same(
            Some(&g("a * 2", true)),
            Some(&g("a * 2", false))
        ));
        assert!(!Generated::same(Some(&g("a", true)), None));
        assert!(Generated::same(None, None));
        assert_eq!(
            g("a + 1", false).sql(),
            "GENERATED ALWAYS AS (a + 1) VIRTUAL"
        );
    }
}
