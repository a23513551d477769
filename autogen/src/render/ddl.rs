//! A schema as normalized DDL text, and the unified diff of two schemas' DDL: what `check
//! --diff` and `diff --diff` print. The DDL is the plan of creating the schema from nothing
//! (the same statements an upgrade would run), one column per line inside `CREATE TABLE`.

use similar::TextDiff;

use crate::backend::Backend;
use crate::compare::compare;
use crate::model::Schema;
use crate::plan::{plan, sql_for};

/// The statements that create `schema` on `backend`, each ending with `;`, one per line
/// (a table's columns and constraints on lines of their own).
pub fn schema_ddl(schema: &Schema, backend: Backend) -> String {
    let empty = Schema::default();
    let ops = compare(&empty, schema);
    let mut out = String::new();
    for sql in sql_for(&plan(&ops, &empty), backend.db()) {
        out.push_str(&pretty(&sql));
        out.push_str(";\n");
    }
    out
}

/// The unified diff from `from`'s DDL to `to`'s, with ANSI colours when `colour` (a terminal).
/// Empty when they are equal.
pub fn ddl_diff(
    from: &Schema,
    to: &Schema,
    backend: Backend,
    labels: (&str, &str),
    colour: bool,
) -> String {
    let (a, b) = (schema_ddl(from, backend), schema_ddl(to, backend));
    if a == b {
        return String::new();
    }
    let text = TextDiff::from_lines(&a, &b)
        .unified_diff()
        .context_radius(3)
        .header(labels.0, labels.1)
        .to_string();
    if !colour {
        return text;
    }
    let mut out = String::new();
    for line in text.lines() {
        let code = if line.starts_with("+++") || line.starts_with("---") {
            "1"
        } else if line.starts_with('+') {
            "32"
        } else if line.starts_with('-') {
            "31"
        } else if line.starts_with("@@") {
            "36"
        } else {
            ""
        };
        if code.is_empty() {
            out.push_str(line);
        } else {
            out.push_str(&format!("\x1b[{code}m{line}\x1b[0m"));
        }
        out.push('\n');
    }
    out
}

/// `CREATE TABLE t ( a, b, ... )` with each top-level item on its own indented line; other
/// statements as they are.
fn pretty(sql: &str) -> String {
    if !sql.starts_with("CREATE TABLE") {
        return sql.to_string();
    }
    let Some(open) = sql.find('(') else {
        return sql.to_string();
    };
    let Some(close) = sql.rfind(')') else {
        return sql.to_string();
    };
    let (head, body, tail) = (&sql[..open], &sql[open + 1..close], &sql[close + 1..]);
    let mut items = Vec::new();
    let (mut depth, mut quote, mut start) = (0i32, None::<char>, 0usize);
    for (i, c) in body.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"' | '`') => quote = Some(c),
            (None, '(') => depth += 1,
            (None, ')') => depth -= 1,
            (None, ',') if depth == 0 => {
                items.push(body[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(body[start..].trim());
    format!(
        "{}(\n  {}\n){}",
        head.trim_end().to_string() + " ",
        items.join(",\n  "),
        tail
    )
}

#[cfg(test)]
mod tests {
    use super::pretty;

    #[test]
    fn one_item_per_line() {
        assert_eq!(
            pretty(
                r#"CREATE TABLE "t" ( "a" integer NOT NULL, "b" decimal(10, 2), CONSTRAINT "x" CHECK (a > 0) )"#
            ),
            "CREATE TABLE \"t\" (\n  \"a\" integer NOT NULL,\n  \"b\" decimal(10, 2),\n  CONSTRAINT \"x\" CHECK (a > 0)\n)"
        );
    }
}
