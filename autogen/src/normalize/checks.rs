//! Check expressions in one spelling, whatever the backend printed back.
//!
//! PostgreSQL's `pg_get_constraintdef` wraps every comparison in parentheses and casts
//! literals (`((price > (0)::numeric))`), MySQL quotes names with backticks and MariaDB drops
//! the outer parentheses; the expression as written in an entity has none of that. The
//! canonical form lower-cases everything outside string literals, drops identifier quotes,
//! `::type` casts, whitespace and grouping parentheses (a function call keeps its own), and
//! spells `!=` as `<>`. PostgreSQL also rewrites `x IN (a, b)` as `x = ANY (ARRAY[a, b])`,
//! `x IN (a)` as `x = a` and `x BETWEEN a AND b` as `x >= a AND x <= b` when it stores a
//! check (see `transformAExprIn` and `transformAExprBetween` in parse_expr.c), so both sides
//! are brought to the rewritten forms.
//!
//! The canonical form is only compared, never run: dropping parentheses can change what an
//! expression means, so plans keep each check's own text.

/// Multi-word type names a PostgreSQL cast may end with, longest first.
const MULTI_WORD_TYPES: [&str; 7] = [
    "timestamp without time zone",
    "timestamp with time zone",
    "time without time zone",
    "time with time zone",
    "character varying",
    "double precision",
    "bit varying",
];

/// The canonical form of one check expression.
pub fn canonical(expr: &str) -> String {
    join(canonical_tokens(expr))
}

/// The tokens of [`canonical`], before they are joined (for callers that drop more, such as
/// [`super::indexes`]).
pub(crate) fn canonical_tokens(expr: &str) -> Vec<String> {
    let tokens = tokens(expr);
    let mut out: Vec<String> = Vec::new();
    // For each open parenthesis kept in `out`: whether it is a function call's.
    let mut stack: Vec<bool> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        match t.as_str() {
            "(" => {
                let call = out.last().is_some_and(|p| {
                    p.chars()
                        .last()
                        .is_some_and(|c| c.is_alphanumeric() || c == '_')
                        && !is_keyword(p)
                });
                stack.push(call);
                if call {
                    out.push(t.clone());
                }
            }
            ")" => {
                if stack.pop().unwrap_or(false) {
                    out.push(t.clone());
                }
            }
            "::" => {
                // PostgreSQL prints a negative constant as `'-5'::integer`.
                let numeric_cast = tokens.get(i + 1).is_some_and(|t| {
                    matches!(
                        t.as_str(),
                        "integer" | "bigint" | "smallint" | "numeric" | "real" | "double"
                    )
                });
                if let Some(last) = out.last_mut() {
                    let inner = last.trim_matches('\'');
                    if numeric_cast && last.starts_with('\'') && inner.parse::<f64>().is_ok() {
                        *last = inner.to_owned();
                    }
                }
                i = skip_cast(&tokens, i + 1);
                continue;
            }
            "!=" => out.push("<>".into()),
            _ => out.push(t.clone()),
        }
        i += 1;
    }
    rewrite_between(rewrite_in_lists(rewrite_like(out)))
}

/// PostgreSQL stores `x LIKE p` as `x ~~ p` (`NOT LIKE` as `!~~`, `ILIKE` as `~~*`, `NOT ILIKE`
/// as `!~~*`; <https://www.postgresql.org/docs/15/functions-matching.html#FUNCTIONS-LIKE>):
/// the operators are spelled as the keywords.
fn rewrite_like(tokens: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let at = |k: usize| tokens.get(i + k).map(String::as_str);
        let not = at(0) == Some("!");
        let start = usize::from(not);
        if at(start) == Some("~") && at(start + 1) == Some("~") {
            let insensitive = at(start + 2) == Some("*");
            if not {
                out.push("not".into());
            }
            out.push(if insensitive { "ilike" } else { "like" }.into());
            i += start + 2 + usize::from(insensitive);
            continue;
        }
        out.push(tokens[i].clone());
        i += 1;
    }
    out
}

/// Joins canonical tokens: words next to each other need a separator to stay apart
/// (`price is not null`), nothing else does.
pub(crate) fn join(out: Vec<String>) -> String {
    let wordy = |s: &str| {
        s.chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
    };
    let mut text = String::new();
    let mut last_wordy = false;
    for t in out {
        let w = wordy(&t);
        if w && last_wordy {
            text.push(' ');
        }
        last_wordy = t
            .chars()
            .last()
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
        text.push_str(&t);
    }
    text
}

/// `= any array[..]` → `in ..`, `<> all array[..]` → `not in ..`, then a one-item list
/// `in x` → `= x` and `not in x` → `<> x` (grouping parentheses are already gone).
fn rewrite_in_lists(tokens: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let at = |k: usize| tokens.get(i + k).map(String::as_str);
        let negated = match (at(0), at(1), at(2), at(3)) {
            (Some("="), Some("any"), Some("array"), Some("[")) => Some(false),
            (Some("<>"), Some("all"), Some("array"), Some("[")) => Some(true),
            _ => None,
        };
        if let Some(negated) = negated
            && let Some(close) = matching(&tokens, i + 3, "[", "]")
        {
            if negated {
                out.push("not".into());
            }
            out.push("in".into());
            out.extend(tokens[i + 4..close].iter().cloned());
            i = close + 1;
            continue;
        }
        out.push(tokens[i].clone());
        i += 1;
    }
    // One item: what follows it is not a `,`.
    let mut single = Vec::with_capacity(out.len());
    let mut i = 0;
    while i < out.len() {
        let is_in = out[i] == "in";
        let one_item = out.get(i + 1).is_some() && out.get(i + 2).map(String::as_str) != Some(",");
        if is_in
            && one_item
            && out
                .get(i + 1)
                .is_some_and(|t| t.starts_with('\'') || is_number(t))
        {
            if single.last().map(String::as_str) == Some("not") {
                single.pop();
                single.push("<>".into());
            } else {
                single.push("=".into());
            }
        } else {
            single.push(out[i].clone());
        }
        i += 1;
    }
    single
}

/// `a between l and h` → `a>=l and a<=h`, for a one-token `a` and literal bounds (a negative
/// number is two tokens).
fn rewrite_between(tokens: Vec<String>) -> Vec<String> {
    let operand = |k: usize| -> Option<usize> {
        match tokens.get(k).map(String::as_str) {
            Some("-") if tokens.get(k + 1).is_some_and(|t| is_number(t)) => Some(2),
            Some(t) if is_number(t) || t.starts_with('\'') => Some(1),
            _ => None,
        }
    };
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i] == "between"
            && out.last().is_some_and(|t| t != "not")
            && let Some(lo) = operand(i + 1)
            && tokens.get(i + 1 + lo).map(String::as_str) == Some("and")
            && let Some(hi) = operand(i + 2 + lo)
        {
            let subject = out.last().cloned().unwrap_or_default();
            out.push(">=".into());
            out.extend(tokens[i + 1..i + 1 + lo].iter().cloned());
            out.push("and".into());
            out.push(subject);
            out.push("<=".into());
            out.extend(tokens[i + 2 + lo..i + 2 + lo + hi].iter().cloned());
            i += 2 + lo + hi;
            continue;
        }
        out.push(tokens[i].clone());
        i += 1;
    }
    out
}

fn is_number(t: &str) -> bool {
    t.starts_with(|c: char| c.is_ascii_digit())
}

/// The index of the token closing the `open` at `start`.
fn matching(tokens: &[String], start: usize, open: &str, close: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (k, t) in tokens.iter().enumerate().skip(start) {
        if t == open {
            depth += 1;
        } else if t == close {
            depth -= 1;
            if depth == 0 {
                return Some(k);
            }
        }
    }
    None
}

/// Words after which `(` groups rather than calls (`IN (..)`, `AND (..)`, an index's
/// `WHERE (..)`, ...).
fn is_keyword(word: &str) -> bool {
    matches!(
        word,
        "in" | "and"
            | "where"
            | "or"
            | "not"
            | "is"
            | "between"
            | "like"
            | "any"
            | "all"
            | "exists"
            | "when"
            | "then"
            | "else"
            | "case"
    )
}

/// Skips a cast's type name (one word or a known multi-word name, optional `(n)`, `[]`).
fn skip_cast(tokens: &[String], mut i: usize) -> usize {
    let rest: Vec<&str> = tokens[i..].iter().map(String::as_str).collect();
    let words = MULTI_WORD_TYPES
        .iter()
        .map(|m| m.split(' ').collect::<Vec<_>>())
        .find(|m| rest.len() >= m.len() && rest[..m.len()] == m[..])
        .map_or(1, |m| m.len());
    i += words.min(rest.len());
    if tokens.get(i).map(String::as_str) == Some("(") {
        while i < tokens.len() && tokens[i] != ")" {
            i += 1;
        }
        i += 1;
    }
    while tokens.get(i).map(String::as_str) == Some("[")
        && tokens.get(i + 1).map(String::as_str) == Some("]")
    {
        i += 2;
    }
    i
}

/// Splits into tokens: string literals (kept verbatim), words (lower-cased, quotes dropped),
/// `::`, `!=`, `<>`, `<=`, `>=`, `||` and single characters; whitespace is dropped.
fn tokens(expr: &str) -> Vec<String> {
    let chars: Vec<char> = expr.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '\'' {
            let start = i;
            i += 1;
            while i < chars.len() {
                if chars[i] == '\'' && chars.get(i + 1) == Some(&'\'') {
                    i += 2;
                } else if chars[i] == '\'' {
                    i += 1;
                    break;
                } else {
                    i += 1;
                }
            }
            out.push(chars[start..i].iter().collect());
        } else if c == '"' || c == '`' {
            // A quoted identifier: its text, as a name.
            let mut name = String::new();
            i += 1;
            while i < chars.len() {
                if chars[i] == c && chars.get(i + 1) == Some(&c) {
                    name.push(c);
                    i += 2;
                } else if chars[i] == c {
                    i += 1;
                    break;
                } else {
                    name.push(chars[i]);
                    i += 1;
                }
            }
            out.push(name.to_lowercase());
        } else if c.is_alphanumeric() || c == '_' || c == '.' {
            let start = i;
            while i < chars.len()
                && (chars[i].is_alphanumeric() || chars[i] == '_' || chars[i] == '.')
            {
                i += 1;
            }
            out.push(chars[start..i].iter().collect::<String>().to_lowercase());
        } else {
            let pair: String = chars[i..(i + 2).min(chars.len())].iter().collect();
            if ["::", "!=", "<>", "<=", ">=", "||"].contains(&pair.as_str()) {
                out.push(pair);
                i += 2;
            } else {
                out.push(c.to_string());
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::canonical;

    #[test]
    fn like_operators_are_keywords() {
        assert_eq!(
            canonical("(VALUE ~~ '%@%'::text)"),
            canonical("VALUE LIKE '%@%'")
        );
        assert_eq!(
            canonical("((VALUE !~~* 'x%'::text))"),
            canonical("value NOT ILIKE 'x%'")
        );
    }

    #[test]
    fn backend_spellings_meet() {
        let want = canonical("price > 0");
        assert_eq!(want, "price>0");
        assert_eq!(canonical("((price > (0)::numeric))"), want);
        assert_eq!(canonical("(`price` > 0)"), want);
        assert_eq!(canonical("\"price\" > 0"), want);
        assert_eq!(
            canonical(
                "((status)::text = ANY ((ARRAY['a'::character varying, 'B'::character varying])::text[]))"
            ),
            "status in'a','B'"
        );
        assert_eq!(
            canonical("status IN ('a', 'B')"),
            canonical(
                "((status)::text = ANY ((ARRAY['a'::character varying, 'B'::character varying])::text[]))"
            )
        );
        assert_eq!(
            canonical("status NOT IN ('a', 'b')"),
            canonical(
                "((status)::text <> ALL ((ARRAY['a'::character varying, 'b'::character varying])::text[]))"
            )
        );
        assert_eq!(
            canonical("kind IN ('x')"),
            canonical("((kind)::text = 'x'::text)")
        );
        assert_eq!(canonical("n NOT IN (3)"), canonical("(n <> 3)"));
        assert_eq!(
            canonical("qty BETWEEN 1 AND 10"),
            canonical("((qty >= 1) AND (qty <= 10))")
        );
        assert_eq!(
            canonical("t between -5 and 5"),
            canonical("((t >= '-5'::integer) AND (t <= 5))")
        );
        assert_ne!(
            canonical("qty BETWEEN 1 AND 10"),
            canonical("qty BETWEEN 1 AND 11")
        );
        assert_ne!(canonical("a in (1, 2)"), canonical("a in (1, 3)"));
        assert_ne!(canonical("name = 'A'"), canonical("name = 'a'"));
        assert_eq!(canonical("a IS NOT NULL"), "a is not null");
        assert_eq!(canonical("length(name) != 0"), "length(name)<>0");
    }
}
