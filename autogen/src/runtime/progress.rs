//! How far a revision got before it failed, on a backend whose DDL is not transactional.
//!
//! The revision's statements are known in advance: the same code run on the recording
//! connection (see [`super::capture`]) lists all of them, whatever API it uses. What ran online
//! is known from the connection's statement log, which sees every statement sea-orm meters
//! (sea-query builders, `execute`, `execute_raw`, queries) but not `execute_unprepared`
//! (sea-orm 2.0.4 skips the metric callback there). Matching the log against the list in order
//! places the failure exactly when a metered statement failed; when the failing statement was
//! not metered, it lies in a known range, and the report says so instead of guessing.

use std::fmt;

use super::recorder::RecordedStatement;

/// Where in a revision's statements a failure happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    /// Statement `statement` (1-based) of `total` failed; every one before it was applied.
    Exact {
        /// The failing statement.
        statement: usize,
        /// Statements in the revision.
        total: usize,
    },
    /// The failure was in one of statements `first..=last` of `total`, which run unmetered
    /// (`execute_unprepared`); statements before `first` were applied.
    Range {
        /// First candidate.
        first: usize,
        /// Last candidate.
        last: usize,
        /// Statements in the revision.
        total: usize,
    },
    /// Every statement was applied; the revision's own code failed after them.
    AfterAll {
        /// Statements in the revision.
        total: usize,
    },
    /// What ran online does not match the revision's statements (data-dependent code).
    Unknown,
}

impl Progress {
    /// Places a failure: `planned` is every statement of the revision in order, `ran` what
    /// the connection logged while it ran, and `calls` how many database calls it made when
    /// the failure came from the database (the last call is the one that failed).
    pub fn locate(planned: &[String], ran: &[RecordedStatement], calls: Option<usize>) -> Progress {
        if let Some(n) = calls.filter(|&n| n >= 1 && n <= planned.len())
            && consistent(&planned[..n], ran)
        {
            return Progress::Exact {
                statement: n,
                total: planned.len(),
            };
        }
        Self::from_log(planned, ran)
    }

    /// Places a failure from the statement log alone.
    fn from_log(planned: &[String], ran: &[RecordedStatement]) -> Progress {
        let total = planned.len();
        let mut next = 0;
        for stmt in ran {
            let Some(offset) = planned[next..].iter().position(|p| same(p, &stmt.sql)) else {
                return Progress::Unknown;
            };
            let index = next + offset;
            // Unmetered statements skipped over ran before it, and succeeded.
            if stmt.failed {
                return Progress::Exact {
                    statement: index + 1,
                    total,
                };
            }
            next = index + 1;
        }
        match total - next {
            0 => Progress::AfterAll { total },
            1 => Progress::Exact {
                statement: total,
                total,
            },
            _ => Progress::Range {
                first: next + 1,
                last: total,
                total,
            },
        }
    }

    /// Statements certainly applied before the failure.
    pub fn applied(&self) -> Option<usize> {
        match self {
            Progress::Exact { statement, .. } => Some(statement - 1),
            Progress::Range { first, .. } => Some(first - 1),
            Progress::AfterAll { total } => Some(*total),
            Progress::Unknown => None,
        }
    }

    /// The failing statement, when it is known exactly (stored in the version table).
    pub fn statement(&self) -> Option<usize> {
        match self {
            Progress::Exact { statement, .. } => Some(*statement),
            _ => None,
        }
    }
}

/// Whether the logged statements are, in order, among the first `prefix.len()` planned ones,
/// a logged failure being the last of them.
fn consistent(prefix: &[String], ran: &[RecordedStatement]) -> bool {
    let mut next = 0;
    for stmt in ran {
        let Some(offset) = prefix[next..].iter().position(|p| same(p, &stmt.sql)) else {
            return false;
        };
        next += offset + 1;
        if stmt.failed && next != prefix.len() {
            return false;
        }
    }
    true
}

fn same(planned: &str, ran: &str) -> bool {
    planned.trim().trim_end_matches(';') == ran.trim().trim_end_matches(';')
}

impl fmt::Display for Progress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Progress::Exact { statement, total } => write!(
                f,
                "at statement {statement} of {total} ({} statements were applied and not rolled back)",
                statement - 1
            ),
            Progress::Range { first, last, total } if *first == 1 => write!(
                f,
                "at one of statements 1-{last} of {total} (any of them may have been applied and not rolled back: they run through execute_unprepared, which cannot be counted one by one)"
            ),
            Progress::Range { first, last, total } => write!(
                f,
                "at one of statements {first}-{last} of {total} (statements 1-{} were applied and not rolled back, and some of {first}-{last} may have been: they run through execute_unprepared, which cannot be counted one by one)",
                first - 1
            ),
            Progress::AfterAll { total } => write!(
                f,
                "after all {total} of its statements were applied (the revision's own code failed, not a statement; they were not rolled back)"
            ),
            Progress::Unknown => f.write_str(
                "after an unknown number of statements (what ran differs from the revision's planned statements, so how many were applied cannot be known)",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ran(items: &[(&str, bool)]) -> Vec<RecordedStatement> {
        items
            .iter()
            .map(|(sql, failed)| RecordedStatement {
                sql: sql.to_string(),
                failed: *failed,
            })
            .collect()
    }

    fn planned(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_metered_failure_is_exact() {
        let p = planned(&["A", "B", "C"]);
        assert_eq!(
            Progress::locate(&p, &ran(&[("A", false), ("B", true)]), None),
            Progress::Exact {
                statement: 2,
                total: 3
            }
        );
    }

    #[test]
    fn unmetered_statements_before_a_metered_failure_count_as_applied() {
        // A and B ran through execute_unprepared (not logged), C failed and was logged.
        let p = planned(&["A", "B", "C"]);
        let got = Progress::locate(&p, &ran(&[("C", true)]), None);
        assert_eq!(got.applied(), Some(2));
        assert_eq!(got.statement(), Some(3));
    }

    #[test]
    fn an_unmetered_failure_is_a_range() {
        let p = planned(&["A", "B", "C"]);
        let got = Progress::locate(&p, &ran(&[("A", false)]), None);
        assert_eq!(
            got,
            Progress::Range {
                first: 2,
                last: 3,
                total: 3
            }
        );
        assert!(got.to_string().contains("execute_unprepared"), "{got}");
        assert_eq!(
            Progress::locate(&p, &ran(&[("A", false), ("B", false)]), None),
            Progress::Exact {
                statement: 3,
                total: 3
            }
        );
    }

    #[test]
    fn the_call_count_places_an_unmetered_failure_exactly() {
        let p = planned(&["A", "B", "C", "D"]);
        // A metered, B and C unmetered, the third call failed.
        assert_eq!(
            Progress::locate(&p, &ran(&[("A", false)]), Some(3)),
            Progress::Exact {
                statement: 3,
                total: 4
            }
        );
        // A count that contradicts the log falls back to the log.
        assert_eq!(
            Progress::locate(&p, &ran(&[("D", true)]), Some(2)).statement(),
            Some(4)
        );
        assert_eq!(
            Progress::locate(&p, &ran(&[]), Some(9)),
            Progress::Range {
                first: 1,
                last: 4,
                total: 4
            }
        );
    }

    #[test]
    fn a_divergent_run_is_unknown() {
        let p = planned(&["A", "B"]);
        assert_eq!(
            Progress::locate(&p, &ran(&[("X", false)]), None),
            Progress::Unknown
        );
        assert_eq!(
            Progress::locate(&p, &ran(&[("A", false), ("B", false)]), None),
            Progress::AfterAll { total: 2 }
        );
    }
}
