//! `CREATE INDEX` statements in one spelling, whatever the backend printed back.
//!
//! An index the column model cannot express is compared by its statement
//! ([`crate::model::DefinedIndex`]). The statement an entity declares and the one the catalog
//! prints differ in spelling only: PostgreSQL's `pg_get_indexdef` adds casts and parentheses
//! (`lower((email)::text)`, `WHERE ((status)::text = 'open'::text)`), always names the
//! method (`USING btree`) and leaves out the default null ordering of each column
//! (<https://www.postgresql.org/docs/current/indexes-ordering.html>: `ASC` sorts nulls last,
//! `DESC` nulls first). The canonical form is the check canonical form
//! ([`super::checks::canonical`]) without those defaults.

use super::checks::{canonical_tokens, join};

/// The canonical form of one `CREATE INDEX` statement (compared, never run).
pub fn canonical_index(sql: &str) -> String {
    let tokens = canonical_tokens(sql);
    let at = |i: usize| tokens.get(i).map(String::as_str);
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        match (at(i), at(i + 1), at(i + 2)) {
            // The default method.
            (Some("using"), Some("btree"), _) => i += 2,
            // `ASC` is the default order, and nulls sort last in it.
            (Some("asc"), Some("nulls"), Some("last")) => i += 3,
            (Some("asc"), _, _) => i += 1,
            (Some("nulls"), Some("last"), _) if out.last().map(String::as_str) != Some("desc") => {
                i += 2
            }
            // Nulls sort first in `DESC` order.
            (Some("desc"), Some("nulls"), Some("first")) => {
                out.push("desc".into());
                i += 3;
            }
            _ => {
                out.push(tokens[i].clone());
                i += 1;
            }
        }
    }
    join(out)
}

#[cfg(test)]
mod tests {
    use super::canonical_index;

    #[test]
    fn postgres_spellings_meet_the_declared_ones() {
        let pairs = [
            (
                r#"CREATE INDEX "ix" ON "t" USING btree ((lower(email)))"#,
                r#"CREATE INDEX "ix" ON "t" USING btree (lower((email)::text))"#,
            ),
            (
                r#"CREATE INDEX "ix" ON "t" USING btree (placed) WHERE status = 'open'"#,
                r#"CREATE INDEX "ix" ON "t" USING btree (placed) WHERE ((status)::text = 'open'::text)"#,
            ),
            (
                r#"CREATE INDEX "ix" ON "t" (a DESC NULLS FIRST, b ASC NULLS LAST, c NULLS FIRST)"#,
                r#"CREATE INDEX "ix" ON "t" USING btree (a DESC, b, c NULLS FIRST)"#,
            ),
            (
                r#"CREATE UNIQUE INDEX "ux" ON "t" USING btree (a) INCLUDE (b) NULLS NOT DISTINCT"#,
                "CREATE UNIQUE INDEX ux ON t USING btree (a) INCLUDE (b) NULLS NOT DISTINCT",
            ),
            (
                r#"CREATE INDEX "ix" ON "t" USING gin ((to_tsvector('english', body)))"#,
                r#"CREATE INDEX "ix" ON "t" USING gin (to_tsvector('english'::regconfig, body))"#,
            ),
        ];
        for (declared, printed) in pairs {
            assert_eq!(
                canonical_index(declared),
                canonical_index(printed),
                "{declared}"
            );
        }
    }

    #[test]
    fn real_differences_stay() {
        let base = canonical_index(r#"CREATE INDEX "ix" ON "t" USING btree (a) WHERE b > 0"#);
        for other in [
            r#"CREATE INDEX "ix" ON "t" USING btree (a) WHERE b > 1"#,
            r#"CREATE INDEX "ix" ON "t" USING btree (a DESC) WHERE b > 0"#,
            r#"CREATE INDEX "ix" ON "t" USING hash (a) WHERE b > 0"#,
            r#"CREATE UNIQUE INDEX "ix" ON "t" USING btree (a) WHERE b > 0"#,
            r#"CREATE INDEX "ix" ON "t" USING btree (a NULLS FIRST) WHERE b > 0"#,
            r#"CREATE INDEX "ix" ON "t" USING btree (a) INCLUDE (c) WHERE b > 0"#,
            r#"CREATE INDEX "ix" ON "t" USING btree (lower(a)) WHERE b > 0"#,
        ] {
            assert_ne!(base, canonical_index(other), "{other}");
        }
        assert_ne!(
            canonical_index("CREATE INDEX ix ON t (a DESC)"),
            canonical_index("CREATE INDEX ix ON t (a DESC NULLS LAST)")
        );
        assert_eq!(
            canonical_index("CREATE FULLTEXT INDEX `ft` ON `t` (`a`, `b`)"),
            canonical_index("CREATE FULLTEXT INDEX ft ON t (a, b)")
        );
        assert_ne!(
            canonical_index("CREATE INDEX `p` ON `t` (`a`(10))"),
            canonical_index("CREATE INDEX `p` ON `t` (`a`(12))")
        );
    }
}
