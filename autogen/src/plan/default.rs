//! How a normalized default expression is handed to sea-query's `.default(..)`.

/// A default value in the form both back-ends (Rust text and live statements) build it from.
#[derive(Debug, Clone, PartialEq)]
pub enum DefaultArg {
    /// `CURRENT_TIMESTAMP` and its synonyms: `Expr::current_timestamp()`.
    CurrentTimestamp,
    /// A boolean literal.
    Bool(bool),
    /// An integer literal.
    Int(i64),
    /// A floating-point literal.
    Float(f64),
    /// A string literal (unquoted value).
    Str(String),
    /// Any other expression, passed through `Expr::cust`.
    Custom(String),
}

impl DefaultArg {
    /// Classifies a normalized default expression.
    pub fn of(default: &str) -> DefaultArg {
        let d = default.trim();
        let lower = d.to_ascii_lowercase();
        if lower == "current_timestamp" || lower == "current_timestamp()" || lower == "now()" {
            return DefaultArg::CurrentTimestamp;
        }
        if lower == "true" || lower == "false" {
            return DefaultArg::Bool(lower == "true");
        }
        let numeric = !d.is_empty()
            && d.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '-' | '.' | 'e' | 'E' | '+'))
            && d.chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit() || c == '-');
        if numeric {
            if let Ok(n) = d.parse::<i64>() {
                return DefaultArg::Int(n);
            }
            if let Ok(f) = d.parse::<f64>()
                && f.is_finite()
            {
                return DefaultArg::Float(f);
            }
        }
        if let Some(inner) = d.strip_prefix('\'').and_then(|s| s.strip_suffix('\''))
            && !inner.replace("''", "").contains('\'')
        {
            return DefaultArg::Str(inner.replace("''", "'"));
        }
        DefaultArg::Custom(d.to_string())
    }

    /// Whether SQLite accepts this default in `ALTER TABLE .. ADD COLUMN` (a constant).
    pub fn is_constant(&self) -> bool {
        !matches!(self, DefaultArg::CurrentTimestamp | DefaultArg::Custom(_))
    }
}
