//! Which tables the toolkit manages: include/exclude globs over table names (`*`, `?`,
//! `[abc]`), as Alembic's `include_object`. A table outside the set is ignored on both sides:
//! never compared, never dropped, never reported.

use glob::Pattern;

/// Include and exclude patterns; an empty include list includes every table.
#[derive(Debug, Clone, Default)]
pub struct TableFilter {
    include: Vec<Pattern>,
    exclude: Vec<Pattern>,
}

/// A pattern that is not a valid glob.
#[derive(Debug, thiserror::Error)]
#[error("invalid table pattern '{pattern}'")]
pub struct BadPattern {
    /// The pattern as written.
    pub pattern: String,
    /// Why.
    #[source]
    pub source: glob::PatternError,
}

impl TableFilter {
    /// Compiles the patterns.
    pub fn new(include: &[String], exclude: &[String]) -> Result<TableFilter, BadPattern> {
        let compile = |list: &[String]| {
            list.iter()
                .map(|p| {
                    Pattern::new(p).map_err(|source| BadPattern {
                        pattern: p.clone(),
                        source,
                    })
                })
                .collect::<Result<Vec<_>, _>>()
        };
        Ok(TableFilter {
            include: compile(include)?,
            exclude: compile(exclude)?,
        })
    }

    /// Whether `table` is managed.
    pub fn manages(&self, table: &str) -> bool {
        (self.include.is_empty() || self.include.iter().any(|p| p.matches(table)))
            && !self.exclude.iter().any(|p| p.matches(table))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn include_then_exclude() {
        let all = TableFilter::default();
        assert!(all.manages("anything"));
        let f = TableFilter::new(&strings(&["app_*", "user"]), &strings(&["app_tmp_*"])).unwrap();
        for (table, managed) in [
            ("app_order", true),
            ("user", true),
            ("users", false),
            ("app_tmp_1", false),
            ("spatial_ref_sys", false),
        ] {
            assert_eq!(f.manages(table), managed, "{table}");
        }
    }

    #[test]
    fn bad_glob_names_the_pattern() {
        let err = TableFilter::new(&strings(&["[a"]), &[]).unwrap_err();
        assert_eq!(err.to_string(), "invalid table pattern '[a'");
    }
}
