//! Canonical default expressions: one spelling per value, whatever the backend reported.

use sea_orm::DbBackend;

use crate::model::{Column, ColumnType};

use super::literal::{parse_string_literal, quote};

/// Returns the canonical default of `column` (whose type is already normalized).
pub(crate) fn normalize_default(backend: DbBackend, column: &Column) -> Option<String> {
    if auto_increment_has_no_default(column) {
        return None;
    }
    let mut sql = strip_outer_parens(backend, column.default.as_deref()?.trim()).to_owned();
    if backend == DbBackend::Postgres {
        sql = postgres_now_literal(&sql).unwrap_or_else(|| postgres_strips_casts(&sql));
    }
    if null_default_is_no_default(&sql) {
        return None;
    }
    sql = canonical_string_literal(backend, sql);
    sql = current_timestamp_synonyms(sql);
    if *column.col_type.base() == ColumnType::Boolean {
        sql = boolean_literals(sql);
    }
    let ty = column.col_type.base();
    if is_numeric(ty) || sqlite_numeric_affinity(backend, ty) {
        sql = numeric_literals(sql);
    }
    Some(sql)
}

/// All backends: an auto-increment column's value comes from its sequence/counter, so any
/// default (Postgres `nextval(...)`, a desired-side leftover) is meaningless.
fn auto_increment_has_no_default(column: &Column) -> bool {
    column.auto_increment
}

/// MariaDB reports `NULL` as the default of every nullable column without one (and Postgres
/// reports an explicit `DEFAULT NULL` as `NULL::type`): a NULL default is no default.
fn null_default_is_no_default(sql: &str) -> bool {
    sql.eq_ignore_ascii_case("NULL")
}

/// sea-query wraps non-literal defaults in parentheses (`DEFAULT (lower('X'))`); Postgres
/// and MySQL drop them, SQLite drops only one level (`((2))` reads back as `(2)`), and
/// Postgres wraps some expressions itself. Outer parentheses never matter.
fn strip_outer_parens(backend: DbBackend, mut sql: &str) -> &str {
    while sql.starts_with('(') && matching_paren(backend, sql) == Some(sql.len() - 1) {
        sql = sql[1..sql.len() - 1].trim();
    }
    sql
}

/// Postgres before 10 stored `CURRENT_DATE` as `('now'::text)::date` (and `now()` as
/// `('now'::text)::timestamp with time zone`), and dumps of such databases keep that spelling.
/// The casts are what make `'now'` a clock read at insert time, so they are not stripped as
/// literal casts are: the whole spelling is the keyword.
fn postgres_now_literal(sql: &str) -> Option<String> {
    let compact: String = sql
        .chars()
        .filter(|c| !matches!(c, '(' | ')') && !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    let ty = compact.strip_prefix("'now'::text::")?;
    Some(
        match ty {
            "date" => "CURRENT_DATE",
            "timestampwithtimezone" | "timestamptz" => "CURRENT_TIMESTAMP",
            _ => return None,
        }
        .into(),
    )
}

/// Postgres `pg_get_expr` adds casts to literals (`'x'::character varying`, `'0'::numeric`,
/// `'-1'::integer`, `NULL::text`); trailing casts are stripped, possibly several.
fn postgres_strips_casts(sql: &str) -> String {
    let mut sql = sql.to_owned();
    loop {
        let stripped = strip_outer_parens(DbBackend::Postgres, &sql);
        let next = match top_level_cast(DbBackend::Postgres, stripped) {
            Some(pos) => stripped[..pos].trim_end().to_owned(),
            None => stripped.to_owned(),
        };
        if next == sql {
            return sql;
        }
        sql = next;
    }
}

/// All backends: string literals are re-spelled as `'...'` with doubled quotes, whatever the
/// dialect's escaping (MariaDB `'a\\b'`, sea-query's Postgres `E'it\'s'`).
fn canonical_string_literal(backend: DbBackend, sql: String) -> String {
    match parse_string_literal(backend, &sql) {
        Some(value) => quote(&value),
        None => sql,
    }
}

/// `now()` (Postgres, MySQL), `transaction_timestamp()` (Postgres: the same clock,
/// <https://www.postgresql.org/docs/current/functions-datetime.html#FUNCTIONS-DATETIME-CURRENT>),
/// `current_timestamp()` (MariaDB) and `CURRENT_TIMESTAMP` are one value; with a precision
/// (`current_timestamp(6)`, `now(6)`) they are `CURRENT_TIMESTAMP(6)`. Likewise for the date
/// and time keywords.
fn current_timestamp_synonyms(sql: String) -> String {
    let compact: String = sql
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    let precision = ["current_timestamp(", "now("]
        .iter()
        .find_map(|p| compact.strip_prefix(p))
        .and_then(|rest| rest.strip_suffix(')'))
        .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    if let Some(n) = precision {
        return format!("CURRENT_TIMESTAMP({n})");
    }
    match compact.as_str() {
        "now()" | "current_timestamp" | "current_timestamp()" | "transaction_timestamp()" => {
            "CURRENT_TIMESTAMP".into()
        }
        "current_date" | "current_date()" => "CURRENT_DATE".into(),
        "current_time" | "current_time()" => "CURRENT_TIME".into(),
        _ => sql,
    }
}

/// Booleans are spelled `true`/`TRUE` (Postgres, sea-query), `1` (MySQL stores bool as
/// tinyint(1)), `'1'`, `b'1'` or `'t'`; on a Boolean column they become `true`/`false`.
fn boolean_literals(sql: String) -> String {
    match sql.to_ascii_lowercase().as_str() {
        "true" | "1" | "'1'" | "b'1'" | "'t'" | "'true'" | "'y'" | "'yes'" | "'on'" => {
            "true".into()
        }
        "false" | "0" | "'0'" | "b'0'" | "'f'" | "'false'" | "'n'" | "'no'" | "'off'" => {
            "false".into()
        }
        _ => sql,
    }
}

/// Numbers are quoted by Postgres after a cast (`'0'::numeric`) and padded to the scale by
/// MariaDB (`1.50` for 1.5 in decimal(10,2)); on a numeric column a number is unquoted, with
/// no leading `+`, leading zeros or trailing fractional zeros.
fn numeric_literals(sql: String) -> String {
    let unquoted = sql
        .strip_prefix('\'')
        .and_then(|s| s.strip_suffix('\''))
        .unwrap_or(&sql);
    canonical_number(unquoted).unwrap_or(sql)
}

/// Whether a column type holds numbers.
fn is_numeric(ty: &ColumnType) -> bool {
    matches!(
        ty,
        ColumnType::TinyInteger
            | ColumnType::SmallInteger
            | ColumnType::Integer
            | ColumnType::BigInteger
            | ColumnType::TinyUnsigned
            | ColumnType::SmallUnsigned
            | ColumnType::Unsigned
            | ColumnType::BigUnsigned
            | ColumnType::Float
            | ColumnType::Double
            | ColumnType::Decimal(_)
    )
}

/// SQLite: a declared type with INTEGER, REAL or NUMERIC affinity (`real`, `numeric(5)`,
/// `int8`, ...) stores `'1.5'` as the number 1.5, so a quoted number is that number
/// (<https://www.sqlite.org/datatype3.html#determination_of_column_affinity>).
fn sqlite_numeric_affinity(backend: DbBackend, ty: &ColumnType) -> bool {
    let ColumnType::Custom(t) = ty else {
        return false;
    };
    backend == DbBackend::Sqlite
        && !["char", "clob", "text", "blob"]
            .iter()
            .any(|w| t.contains(w))
        && ["int", "real", "floa", "doub", "num", "dec"]
            .iter()
            .any(|w| t.contains(w))
}

/// The canonical spelling of a plain decimal number, or `None` if `s` is not one.
fn canonical_number(s: &str) -> Option<String> {
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |p: &str| p.chars().all(|c| c.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !all_digits(int) || !all_digits(frac) {
        return None;
    }
    let int = match int.trim_start_matches('0') {
        "" => "0",
        trimmed => trimmed,
    };
    let frac = frac.trim_end_matches('0');
    let mut out = String::new();
    if negative && !(int == "0" && frac.is_empty()) {
        out.push('-');
    }
    out.push_str(int);
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    Some(out)
}

/// Index of the parenthesis closing the one that opens `sql`, skipping quoted text.
fn matching_paren(backend: DbBackend, sql: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c, quoted) in scan(backend, sql) {
        match (c, quoted) {
            ('(', false) => depth += 1,
            (')', false) => {
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

/// Byte index of the last `::` outside quotes, parentheses and brackets, if what follows looks
/// like a type name. Brackets count: in `ARRAY['a'::text]` the cast belongs to the element.
fn top_level_cast(backend: DbBackend, sql: &str) -> Option<usize> {
    let mut depth = 0i32;
    let mut last = None;
    let mut prev_colon = None;
    for (i, c, quoted) in scan(backend, sql) {
        if quoted {
            prev_colon = None;
            continue;
        }
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            ':' if depth == 0 => {
                if prev_colon == Some(i.wrapping_sub(1)) {
                    last = Some(i - 1);
                    prev_colon = None;
                    continue;
                }
                prev_colon = Some(i);
                continue;
            }
            _ => {}
        }
        prev_colon = None;
    }
    let pos = last?;
    let ty = sql[pos + 2..].trim();
    let type_like = !ty.is_empty()
        && ty.chars().all(|c| {
            c.is_ascii_alphanumeric()
                || matches!(c, ' ' | '_' | '"' | '.' | '(' | ')' | ',' | '[' | ']')
        });
    (pos > 0 && type_like).then_some(pos)
}

/// Walks `sql` yielding (byte index, char, inside-a-quoted-literal-or-identifier).
/// Backslash escapes count inside MySQL strings and Postgres `E'...'` strings only.
fn scan(backend: DbBackend, sql: &str) -> impl Iterator<Item = (usize, char, bool)> + '_ {
    let mut quote: Option<char> = None;
    let mut backslashes = false;
    let mut escaped = false;
    let mut prev = ' ';
    sql.char_indices().map(move |(i, c)| {
        let quoted = match quote {
            Some(q) => {
                if escaped {
                    escaped = false;
                } else if c == '\\' && backslashes {
                    escaped = true;
                } else if c == q {
                    // A doubled quote closes and reopens, which this toggle reproduces.
                    quote = None;
                }
                true
            }
            None if matches!(c, '\'' | '"' | '`') => {
                quote = Some(c);
                backslashes = c == '\''
                    && match backend {
                        DbBackend::MySql => true,
                        DbBackend::Postgres => matches!(prev, 'E' | 'e'),
                        _ => false,
                    };
                true
            }
            None => false,
        };
        prev = c;
        (i, c, quoted)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn casts_and_parens() {
        assert_eq!(postgres_strips_casts("'x'::character varying"), "'x'");
        assert_eq!(postgres_strips_casts("('0'::numeric)"), "'0'");
        assert_eq!(postgres_strips_casts("'a::b'::text"), "'a::b'");
        assert_eq!(
            postgres_strips_casts("nextval('s'::regclass)"),
            "nextval('s'::regclass)"
        );
        assert_eq!(postgres_strips_casts("'{}'::jsonb"), "'{}'");
        assert_eq!(
            postgres_strips_casts("ARRAY['a'::text, 'b'::text]"),
            "ARRAY['a'::text, 'b'::text]"
        );
        assert_eq!(postgres_strips_casts("'{}'::text[]"), "'{}'");
        assert_eq!(
            postgres_now_literal("('now'::text)::date").as_deref(),
            Some("CURRENT_DATE")
        );
        assert_eq!(postgres_now_literal("'now'::text"), None);
        assert_eq!(
            postgres_strips_casts("'2020-01-01'::timestamp without time zone"),
            "'2020-01-01'"
        );
        let lite = DbBackend::Sqlite;
        assert_eq!(strip_outer_parens(lite, "((0))"), "0");
        assert_eq!(strip_outer_parens(lite, "(1) + (2)"), "(1) + (2)");
        assert_eq!(strip_outer_parens(lite, "(')(')"), "')('");
        assert_eq!(postgres_strips_casts(r"'a\'::text"), r"'a\'");
        assert_eq!(postgres_strips_casts(r"E'a\'b'::text"), r"E'a\'b'");
    }

    #[test]
    fn numbers() {
        assert_eq!(canonical_number("1.50").as_deref(), Some("1.5"));
        assert_eq!(canonical_number("-0").as_deref(), Some("0"));
        assert_eq!(canonical_number("+007").as_deref(), Some("7"));
        assert_eq!(canonical_number("2.").as_deref(), Some("2"));
        assert_eq!(canonical_number("abc"), None);
    }
}
