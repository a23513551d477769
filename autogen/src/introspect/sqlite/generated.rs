//! Generated columns' expressions, read from the `CREATE TABLE` text: `pragma_table_xinfo`
//! says which columns are generated (`hidden` 2 virtual, 3 stored) but not how
//! (<https://www.sqlite.org/gencol.html>).

use super::autoinc::masked;

/// `(column, expression)` for each column definition with a `[GENERATED ALWAYS] AS (..)`
/// clause, in declaration order; the expression as written, without its parentheses.
pub(crate) fn generated_clauses(create_sql: &str) -> Vec<(String, String)> {
    let chars: Vec<char> = create_sql.chars().collect();
    let bare = masked(create_sql);
    let Some(open) = bare.iter().position(|&c| c == '(') else {
        return Vec::new();
    };
    let Some(close) = matching(&bare, open) else {
        return Vec::new();
    };
    definitions(&bare, open + 1, close)
        .into_iter()
        .filter_map(|(start, end)| {
            let name = column_name(&chars, &bare, start, end)?;
            let expression = as_clause(&chars, &bare, start, end)?;
            Some((name, expression))
        })
        .collect()
}

/// The position of the `)` closing the `(` at `open`.
pub(super) fn matching(bare: &[char], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, &c) in bare.iter().enumerate().skip(open) {
        match c {
            '(' => depth += 1,
            ')' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// The `[start, end)` ranges of the comma-separated definitions between `start` and `end`.
pub(super) fn definitions(bare: &[char], start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let (mut depth, mut from) = (0usize, start);
    for (i, &c) in bare.iter().enumerate().take(end).skip(start) {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                out.push((from, i));
                from = i + 1;
            }
            _ => {}
        }
    }
    out.push((from, end));
    out
}

/// The column a definition declares; `None` for a table constraint.
pub(super) fn column_name(
    chars: &[char],
    bare: &[char],
    start: usize,
    end: usize,
) -> Option<String> {
    let first = (start..end).find(|&i| !chars[i].is_whitespace())?;
    if let Some(q) = closing_quote(chars[first]) {
        return read_quoted(chars, first, end, q);
    }
    let word_end = (first..end)
        .find(|&i| !(bare[i].is_alphanumeric() || bare[i] == '_'))
        .unwrap_or(end);
    let word: String = bare[first..word_end].iter().collect();
    if matches!(
        word.as_str(),
        "CONSTRAINT" | "PRIMARY" | "UNIQUE" | "CHECK" | "FOREIGN"
    ) || word.is_empty()
    {
        return None;
    }
    Some(chars[first..word_end].iter().collect())
}

/// The quote that closes an identifier opened by `c` (`"`, `` ` ``, `'`, `[`), if `c` opens one.
pub(super) fn closing_quote(c: char) -> Option<char> {
    match c {
        '"' | '`' | '\'' => Some(c),
        '[' => Some(']'),
        _ => None,
    }
}

/// The identifier quoted from `first` (its opening quote) to its closing `q` before `end`;
/// a doubled quote inside stands for one. `None` when it is not closed.
pub(super) fn read_quoted(chars: &[char], first: usize, end: usize, q: char) -> Option<String> {
    let mut name = String::new();
    let mut i = first + 1;
    while i < end {
        if chars[i] == q {
            if q != ']' && chars.get(i + 1) == Some(&q) {
                name.push(q);
                i += 2;
                continue;
            }
            return Some(name);
        }
        name.push(chars[i]);
        i += 1;
    }
    None
}

/// The expression of the definition's `AS (..)` at parenthesis depth 0.
fn as_clause(chars: &[char], bare: &[char], start: usize, end: usize) -> Option<String> {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let mut depth = 0usize;
    for i in start..end {
        match bare[i] {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            'A' if depth == 0
                && bare.get(i + 1) == Some(&'S')
                && (i == start || !is_word(bare[i - 1]))
                && bare.get(i + 2).is_none_or(|&c| !is_word(c)) =>
            {
                let open = (i + 2..end).find(|&j| !bare[j].is_whitespace())?;
                if bare[open] != '(' {
                    continue;
                }
                let close = matching(bare, open).filter(|&c| c < end)?;
                let text: String = chars[open + 1..close].iter().collect();
                return Some(text.trim().to_string());
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::generated_clauses;

    #[test]
    fn sqlite_generated_clauses_from_create_table() {
        let sql = r#"CREATE TABLE t (id integer PRIMARY KEY, a int DEFAULT (CAST('1' AS int)),
            "b c" int GENERATED ALWAYS AS (a * (2)) STORED, d text as (upper('as (x)')) virtual,
            e int CHECK (e > 0), CONSTRAINT k CHECK (a > 0))"#;
        assert_eq!(
            generated_clauses(sql),
            vec![
                ("b c".to_string(), "a * (2)".to_string()),
                ("d".to_string(), "upper('as (x)')".to_string())
            ]
        );
        assert!(generated_clauses("CREATE TABLE t (a int, alias int)").is_empty());
        assert!(generated_clauses("garbage (").is_empty());
    }
}
