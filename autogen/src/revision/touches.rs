//! What a revision touches, read from its PostgreSQL SQL: tables, and within a table the
//! columns, indexes and constraints. Two branches conflict when they touch the same thing.

use std::collections::BTreeSet;

/// One thing a statement changes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Touch {
    /// The whole table (created, dropped, renamed): conflicts with anything on it.
    Table(String),
    /// One part of a table: a column, or a named index or constraint.
    Part(String, String),
    /// An index dropped by name (PostgreSQL names no table in `DROP INDEX`).
    Index(String),
    /// A statement this reader does not understand: it may touch anything.
    Unknown(String),
}

impl Touch {
    /// `table "t"`, `t.c`, `index i`, `statement ...`.
    pub fn describe(&self) -> String {
        match self {
            Touch::Table(t) => format!("table \"{t}\""),
            Touch::Part(t, p) => format!("{t}.{p}"),
            Touch::Index(i) => format!("index {i}"),
            Touch::Unknown(s) => format!("statement not understood: {s}"),
        }
    }

    /// The table it is in, if known.
    pub fn table(&self) -> Option<&str> {
        match self {
            Touch::Table(t) | Touch::Part(t, _) => Some(t),
            _ => None,
        }
    }
}

/// What `statements` (PostgreSQL dialect, as sea-query writes them) touch.
pub fn touches(statements: &[String]) -> BTreeSet<Touch> {
    statements
        .iter()
        .flat_map(|s| statement_touches(s))
        .collect()
}

/// The pairs of `a` and `b` that overlap: the same part, or one side owning the whole table,
/// or a statement either side cannot read.
pub fn overlap(a: &BTreeSet<Touch>, b: &BTreeSet<Touch>) -> Vec<String> {
    let mut out = BTreeSet::new();
    for x in a {
        for y in b {
            let clash = match (x, y) {
                (Touch::Unknown(_), _) | (_, Touch::Unknown(_)) => true,
                (Touch::Index(i), Touch::Part(_, p)) | (Touch::Part(_, p), Touch::Index(i)) => {
                    i == p
                }
                (Touch::Table(t), other) | (other, Touch::Table(t)) => {
                    other.table() == Some(t.as_str())
                }
                (x, y) => x == y,
            };
            if clash {
                let text = if x == y {
                    x.describe()
                } else {
                    format!("{} / {}", x.describe(), y.describe())
                };
                out.insert(text);
            }
        }
    }
    out.into_iter().collect()
}

/// Words (uppercased), quoted identifiers (unquoted, case kept) and punctuation.
fn tokens(sql: &str) -> Vec<(bool, String)> {
    let mut out = Vec::new();
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '"' {
            let mut name = String::new();
            while let Some(d) = chars.next() {
                if d == '"' {
                    if chars.peek() == Some(&'"') {
                        chars.next();
                        name.push('"');
                        continue;
                    }
                    break;
                }
                name.push(d);
            }
            out.push((true, name));
        } else if c == '\'' {
            // A string literal: skipped whole.
            while let Some(d) = chars.next() {
                if d == '\'' {
                    if chars.peek() == Some(&'\'') {
                        chars.next();
                        continue;
                    }
                    break;
                }
            }
        } else if c.is_alphanumeric() || c == '_' {
            let mut word = String::from(c);
            while let Some(&d) = chars.peek() {
                if d.is_alphanumeric() || d == '_' {
                    word.push(d);
                    chars.next();
                } else {
                    break;
                }
            }
            out.push((false, word.to_uppercase()));
        } else if !c.is_whitespace() {
            out.push((false, c.to_string()));
        }
    }
    out
}

fn statement_touches(sql: &str) -> Vec<Touch> {
    let t = tokens(sql);
    let word = |i: usize| t.get(i).filter(|(q, _)| !q).map(|(_, w)| w.as_str());
    let name = |i: usize| t.get(i).filter(|(q, _)| *q).map(|(_, w)| w.clone());
    // The first quoted name at or after `i`, skipping `IF [NOT] EXISTS`.
    let next_name = |i: usize| {
        t[i.min(t.len())..]
            .iter()
            .find(|(q, _)| *q)
            .map(|(_, w)| w.clone())
    };
    let unknown = || {
        vec![Touch::Unknown(
            sql.split_whitespace().collect::<Vec<_>>().join(" "),
        )]
    };
    match (word(0), word(1)) {
        (Some("CREATE"), Some("TABLE")) | (Some("DROP"), Some("TABLE")) => next_name(2)
            .map(|n| vec![Touch::Table(n)])
            .unwrap_or_else(unknown),
        (Some("CREATE"), Some("INDEX" | "UNIQUE")) => {
            let on = t.iter().position(|(q, w)| !q && w == "ON");
            match (next_name(2), on.and_then(|i| name(i + 1))) {
                (Some(index), Some(table)) => vec![Touch::Part(table, index)],
                _ => unknown(),
            }
        }
        (Some("DROP"), Some("INDEX")) => next_name(2)
            .map(|n| vec![Touch::Index(n)])
            .unwrap_or_else(unknown),
        (Some("COMMENT"), Some("ON")) => match (word(2), name(3), name(5)) {
            (Some("COLUMN"), Some(table), Some(column)) => vec![Touch::Part(table, column)],
            (Some("TABLE"), Some(table), _) => vec![Touch::Part(table, "(comment)".into())],
            _ => unknown(),
        },
        (Some("ALTER"), Some("TABLE")) => {
            let Some(table) = name(2) else {
                return unknown();
            };
            alter_table(&t[3..], &table).unwrap_or_else(unknown)
        }
        // The runner's own statements and plain data statements name no schema object.
        (Some("SELECT" | "SET" | "BEGIN" | "COMMIT"), _) => Vec::new(),
        _ => unknown(),
    }
}

/// The parts an `ALTER TABLE t ...` changes, clause by clause (`, ` between clauses).
fn alter_table(rest: &[(bool, String)], table: &str) -> Option<Vec<Touch>> {
    let mut out = Vec::new();
    let clauses = rest.split(|(q, w)| !q && w == ",");
    for clause in clauses {
        let w = |i: usize| clause.get(i).filter(|(q, _)| !q).map(|(_, w)| w.as_str());
        let first_name = clause.iter().find(|(q, _)| *q).map(|(_, w)| w.clone());
        match (w(0), w(1)) {
            (Some("RENAME"), Some("TO")) => out.push(Touch::Table(table.to_string())),
            (Some("RENAME"), Some("COLUMN")) => {
                let names: Vec<String> = clause
                    .iter()
                    .filter(|(q, _)| *q)
                    .map(|(_, w)| w.clone())
                    .collect();
                out.extend(names.into_iter().map(|n| Touch::Part(table.into(), n)));
            }
            (Some("ADD" | "DROP" | "ALTER"), _) | (Some("RENAME"), _) => {
                out.push(Touch::Part(table.into(), first_name?));
            }
            // Column parts of a type change that continue the previous clause.
            (Some("OWNER" | "SET"), _) => out.push(Touch::Table(table.to_string())),
            _ => {
                // A continuation such as `TYPE ...` of a previous clause: nothing new.
                if out.is_empty() {
                    return None;
                }
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(sql: &str) -> Vec<Touch> {
        touches(&[sql.to_string()]).into_iter().collect()
    }

    #[test]
    fn reads_tables_columns_and_indexes() {
        assert_eq!(
            of(r#"CREATE TABLE "a" ( "id" integer )"#),
            [Touch::Table("a".into())]
        );
        assert_eq!(
            of(r#"ALTER TABLE "user" ADD COLUMN "x" integer NULL"#),
            [Touch::Part("user".into(), "x".into())]
        );
        assert_eq!(
            of(r#"CREATE INDEX "ix" ON "user" ("email")"#),
            [Touch::Part("user".into(), "ix".into())]
        );
        assert_eq!(
            of(r#"ALTER TABLE "t" RENAME COLUMN "a" TO "b""#),
            [
                Touch::Part("t".into(), "a".into()),
                Touch::Part("t".into(), "b".into())
            ]
        );
    }

    #[test]
    fn overlap_is_per_part_and_whole_tables() {
        let a = touches(&[r#"ALTER TABLE "user" ADD COLUMN "x" integer"#.into()]);
        let b = touches(&[r#"ALTER TABLE "user" ADD COLUMN "y" integer"#.into()]);
        let c = touches(&[r#"ALTER TABLE "user" DROP COLUMN "x""#.into()]);
        let d = touches(&[r#"DROP TABLE "user""#.into()]);
        assert!(overlap(&a, &b).is_empty());
        assert_eq!(overlap(&a, &c), ["user.x"]);
        assert_eq!(overlap(&b, &d), ["user.y / table \"user\""]);
    }
}
