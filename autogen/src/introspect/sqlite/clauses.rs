//! Column collations and table options, read from the `CREATE TABLE` text: no pragma reports
//! a column's `COLLATE` or a table's `WITHOUT ROWID` / `STRICT`
//! (<https://www.sqlite.org/lang_createtable.html>), and a rebuild that did not restate them
//! would lose them.

use super::autoinc::masked;
use super::generated::{closing_quote, column_name, definitions, matching, read_quoted};

/// `(column, collation)` for each column definition with a `COLLATE name` clause outside
/// parentheses, in declaration order; the name unquoted.
pub(crate) fn collate_clauses(create_sql: &str) -> Vec<(String, String)> {
    let chars: Vec<char> = create_sql.chars().collect();
    let bare = masked(create_sql);
    let Some((open, close)) = body(&bare) else {
        return Vec::new();
    };
    definitions(&bare, open + 1, close)
        .into_iter()
        .filter_map(|(start, end)| {
            let name = column_name(&chars, &bare, start, end)?;
            let at = keyword_at_depth0(&bare, start, end, "COLLATE")?;
            Some((name, token(&chars, at + "COLLATE".len(), end)?))
        })
        .collect()
}

/// The table options after the column list (`WITHOUT ROWID`, `STRICT`), upper-cased, in the
/// order written.
pub(crate) fn table_options(create_sql: &str) -> Vec<String> {
    let bare = masked(create_sql);
    let Some((_, close)) = body(&bare) else {
        return Vec::new();
    };
    let tail: String = bare[close + 1..].iter().collect();
    tail.split(',')
        .map(|o| o.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|o| !o.is_empty() && o != ";")
        .collect()
}

/// The parentheses around the column list.
fn body(bare: &[char]) -> Option<(usize, usize)> {
    let open = bare.iter().position(|&c| c == '(')?;
    Some((open, matching(bare, open)?))
}

/// Where `word` starts as a whole word at parenthesis depth 0 within `[start, end)`.
fn keyword_at_depth0(bare: &[char], start: usize, end: usize, word: &str) -> Option<usize> {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let w: Vec<char> = word.chars().collect();
    let mut depth = 0usize;
    for i in start..end {
        match bare[i] {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0
                && bare[i..end.min(bare.len())].starts_with(&w)
                && (i == start || !is_word(bare[i - 1]))
                && bare.get(i + w.len()).is_none_or(|&c| !is_word(c)) =>
            {
                return Some(i);
            }
            _ => {}
        }
    }
    None
}

/// The identifier starting after whitespace at `from`: bare, or quoted.
fn token(chars: &[char], from: usize, end: usize) -> Option<String> {
    let first = (from..end).find(|&i| !chars[i].is_whitespace())?;
    if let Some(q) = closing_quote(chars[first]) {
        return read_quoted(chars, first, end, q);
    }
    let stop = (first..end)
        .find(|&i| !(chars[i].is_alphanumeric() || chars[i] == '_'))
        .unwrap_or(end);
    (stop > first).then(|| chars[first..stop].iter().collect())
}

#[cfg(test)]
mod tests {
    use super::{collate_clauses, table_options};

    #[test]
    fn sqlite_collations_from_create_table() {
        let sql = r#"CREATE TABLE t (id integer PRIMARY KEY, a text COLLATE NOCASE NOT NULL,
            "b c" text collate "rtrim", d text CHECK (d <> 'COLLATE x' COLLATE BINARY),
            e text DEFAULT 'x', CONSTRAINT k UNIQUE (a COLLATE NOCASE))"#;
        assert_eq!(
            collate_clauses(sql),
            vec![
                ("a".to_string(), "NOCASE".to_string()),
                ("b c".to_string(), "rtrim".to_string())
            ]
        );
        assert!(collate_clauses("garbage (").is_empty());
    }

    #[test]
    fn sqlite_table_options_after_the_column_list() {
        assert_eq!(
            table_options("CREATE TABLE k (a TEXT PRIMARY KEY) without  rowid, STRICT"),
            vec!["WITHOUT ROWID".to_string(), "STRICT".to_string()]
        );
        assert!(table_options("CREATE TABLE t (a int)").is_empty());
        assert!(table_options("CREATE TABLE t (a text DEFAULT 'STRICT')").is_empty());
    }
}
