//! MySQL/MariaDB `ON UPDATE CURRENT_TIMESTAMP[(fsp)]`: the column takes the current time on
//! every update of its row. It is the only `ON UPDATE` a column can have
//! (<https://dev.mysql.com/doc/refman/8.0/en/timestamp-initialization.html>,
//! <https://mariadb.com/kb/en/timestamp/>), so the model keeps only its precision.

use serde::{Deserialize, Serialize};

/// `ON UPDATE CURRENT_TIMESTAMP`, with its fractional-seconds precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnUpdate {
    /// `CURRENT_TIMESTAMP(n)`; `None` is `CURRENT_TIMESTAMP` (and `CURRENT_TIMESTAMP(0)`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precision: Option<u32>,
}

impl OnUpdate {
    /// Reads the clause as the catalog (`COLUMNS.EXTRA`: `on update current_timestamp()`,
    /// `DEFAULT_GENERATED on update CURRENT_TIMESTAMP(3)`) or an entity's `extra` attribute
    /// (`ON UPDATE NOW()`) spells it: the synonyms `now`, `localtime` and `localtimestamp` are
    /// `CURRENT_TIMESTAMP`. `None` when the text holds no such clause.
    pub fn parse(text: &str) -> Option<OnUpdate> {
        let lower = text.to_ascii_lowercase();
        let at = lower.find("on update")?;
        Self::clause(&lower[at..]).map(|(on_update, _)| on_update)
    }

    /// Like [`Self::parse`], but the text must be the clause and nothing else (an entity's
    /// `extra` attribute, whose other contents the model cannot keep).
    pub fn parse_exact(text: &str) -> Option<OnUpdate> {
        let lower = text.trim().to_ascii_lowercase();
        match Self::clause(&lower) {
            Some((on_update, rest)) if rest.trim().is_empty() => Some(on_update),
            _ => None,
        }
    }

    /// `on update <function>[(<n>)]` at the start of `lower`, and the text after it.
    fn clause(lower: &str) -> Option<(OnUpdate, &str)> {
        let rest = lower.strip_prefix("on update")?.trim_start();
        let name_end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        let (name, args) = rest.split_at(name_end);
        if !matches!(
            name,
            "current_timestamp" | "now" | "localtime" | "localtimestamp"
        ) {
            return None;
        }
        let args = args.trim_start();
        let (precision, rest) = match args.strip_prefix('(') {
            Some(inner) => {
                let (digits, rest) = inner.split_once(')')?;
                let digits = digits.trim();
                let n = if digits.is_empty() {
                    0
                } else {
                    digits.parse::<u32>().ok()?
                };
                (n, rest)
            }
            None => (0, args),
        };
        let on_update = OnUpdate {
            precision: (precision > 0).then_some(precision),
        };
        Some((on_update, rest))
    }

    /// The clause as SQL: `ON UPDATE CURRENT_TIMESTAMP` or `ON UPDATE CURRENT_TIMESTAMP(3)`.
    pub fn sql(&self) -> String {
        match self.precision {
            Some(n) => format!("ON UPDATE CURRENT_TIMESTAMP({n})"),
            None => "ON UPDATE CURRENT_TIMESTAMP".into(),
        }
    }

    /// The value, for a reader: `CURRENT_TIMESTAMP(3)`.
    pub fn label(&self) -> String {
        self.sql()["ON UPDATE ".len()..].to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::OnUpdate;

    #[test]
    fn mysql_on_update_spellings() {
        let plain = Some(OnUpdate { precision: None });
        let three = Some(OnUpdate { precision: Some(3) });
        assert_eq!(OnUpdate::parse("on update current_timestamp()"), plain);
        assert_eq!(
            OnUpdate::parse("DEFAULT_GENERATED on update CURRENT_TIMESTAMP"),
            plain
        );
        assert_eq!(OnUpdate::parse("ON UPDATE NOW()"), plain);
        assert_eq!(OnUpdate::parse("on update localtimestamp"), plain);
        assert_eq!(OnUpdate::parse("on update current_timestamp(0)"), plain);
        assert_eq!(OnUpdate::parse("on update current_timestamp(3)"), three);
        assert_eq!(OnUpdate::parse("ON UPDATE now( 3 )"), three);
        assert_eq!(OnUpdate::parse("auto_increment"), None);
        assert_eq!(OnUpdate::parse("on update something_else()"), None);
        assert_eq!(
            OnUpdate::parse_exact(" ON UPDATE CURRENT_TIMESTAMP(3) "),
            three
        );
        assert_eq!(OnUpdate::parse_exact("ON UPDATE NOW() COMMENT 'x'"), None);
        assert_eq!(OnUpdate::parse_exact("CHECK (a > 0)"), None);
        assert_eq!(
            OnUpdate { precision: Some(3) }.sql(),
            "ON UPDATE CURRENT_TIMESTAMP(3)"
        );
        assert_eq!(OnUpdate { precision: None }.label(), "CURRENT_TIMESTAMP");
    }
}
