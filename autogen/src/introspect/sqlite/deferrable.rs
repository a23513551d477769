//! Foreign-key deferrability, read from the `CREATE TABLE` text: `pragma_foreign_key_list`
//! does not report it (<https://www.sqlite.org/foreignkeys.html#fk_deferred>).

use crate::model::Deferrable;

use super::autoinc::masked;
use super::generated::{column_name, definitions, matching};

/// `(referencing columns, deferrability)` of each foreign-key clause that says `DEFERRABLE`,
/// table constraints (`FOREIGN KEY (..) REFERENCES ..`) and column constraints
/// (`col type REFERENCES ..`) alike, in declaration order.
pub(crate) fn deferrable_clauses(create_sql: &str) -> Vec<(Vec<String>, Deferrable)> {
    let chars: Vec<char> = create_sql.chars().collect();
    let bare = masked(create_sql);
    let Some(open) = bare.iter().position(|&c| c == '(') else {
        return Vec::new();
    };
    let Some(close) = matching(&bare, open) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (start, end) in definitions(&bare, open + 1, close) {
        let Some(refs) = word_at(&bare, start, end, "REFERENCES") else {
            continue;
        };
        let deferrable = clause(&bare, refs, end);
        if deferrable.is_no() {
            continue;
        }
        let columns = match column_name(&chars, &bare, start, end) {
            Some(column) => vec![column],
            None => match key_columns(&chars, &bare, start, refs) {
                Some(columns) => columns,
                None => continue,
            },
        };
        out.push((columns, deferrable));
    }
    out
}

/// The first position of `word` as a whole word in `bare[start..end]`.
fn word_at(bare: &[char], start: usize, end: usize, word: &str) -> Option<usize> {
    let word: Vec<char> = word.chars().collect();
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    (start..end.saturating_sub(word.len() - 1)).find(|&i| {
        bare[i..i + word.len()] == word[..]
            && (i == 0 || !is_word(bare[i - 1]))
            && bare.get(i + word.len()).is_none_or(|c| !is_word(*c))
    })
}

/// The deferrability the clause from `REFERENCES` (at `from`) to `end` declares:
/// `DEFERRABLE` alone is `INITIALLY IMMEDIATE`; `NOT DEFERRABLE` is the default.
fn clause(bare: &[char], from: usize, end: usize) -> Deferrable {
    let Some(at) = word_at(bare, from, end, "DEFERRABLE") else {
        return Deferrable::No;
    };
    let before: String = bare[from..at].iter().collect();
    if before.trim_end().ends_with(" NOT") {
        return Deferrable::No;
    }
    let after: String = bare[at..end].iter().collect();
    let after: Vec<&str> = after.split_whitespace().collect();
    match after.as_slice() {
        [_, "INITIALLY", "DEFERRED", ..] => Deferrable::InitiallyDeferred,
        _ => Deferrable::InitiallyImmediate,
    }
}

/// The column list of `FOREIGN KEY (..)` between `start` and `refs`, unquoted.
fn key_columns(chars: &[char], bare: &[char], start: usize, refs: usize) -> Option<Vec<String>> {
    let key = word_at(bare, start, refs, "KEY")?;
    let open = (key..refs).find(|&i| bare[i] == '(')?;
    let close = matching(bare, open).filter(|&c| c < refs)?;
    let text: String = chars[open + 1..close].iter().collect();
    Some(text.split(',').map(unquote).collect())
}

/// An identifier as written, without its quotes (a doubled quote inside stands for one).
fn unquote(raw: &str) -> String {
    let t = raw.trim();
    let mut it = t.chars();
    let (first, last) = (it.next(), t.chars().last());
    match (first, last) {
        (Some('"'), Some('"')) | (Some('`'), Some('`')) if t.len() >= 2 => {
            let q = first.unwrap_or('"');
            t[1..t.len() - 1].replace(&format!("{q}{q}"), &q.to_string())
        }
        (Some('['), Some(']')) if t.len() >= 2 => t[1..t.len() - 1].to_string(),
        _ => t.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_deferrable_clauses_from_create_table() {
        let sql = r#"CREATE TABLE c (id integer PRIMARY KEY,
            p int REFERENCES p (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            q int REFERENCES p (id) NOT DEFERRABLE,
            r int, s int, note text DEFAULT 'DEFERRABLE',
            CONSTRAINT "k""x" FOREIGN KEY ("r", [s]) REFERENCES p2 (a, b) DEFERRABLE,
            FOREIGN KEY (r) REFERENCES p3 (id))"#;
        assert_eq!(
            deferrable_clauses(sql),
            vec![
                (vec!["p".to_string()], Deferrable::InitiallyDeferred),
                (
                    vec!["r".to_string(), "s".to_string()],
                    Deferrable::InitiallyImmediate
                ),
            ]
        );
        assert!(deferrable_clauses("CREATE TABLE t (a int)").is_empty());
        assert!(deferrable_clauses("garbage (").is_empty());
    }
}
