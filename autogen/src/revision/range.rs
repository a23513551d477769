//! `start:end` ranges for `history -r` and offline `--sql` runs.

use super::error::GraphError;
use super::graph::{RevisionGraph, Walk};

/// A parsed `start:end` range; each side is a target string, absent when empty.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RevisionRange {
    /// Lower end (`None`: from the bases).
    pub start: Option<String>,
    /// Upper end (`None`: up to every head).
    pub end: Option<String>,
}

/// Parses `start:end`, `start:`, `:end` or `:` (sides are trimmed; targets are not resolved).
pub fn parse_range(spec: &str) -> Result<RevisionRange, GraphError> {
    let invalid = || GraphError::InvalidRange(spec.to_owned());
    let (start, end) = spec.split_once(':').ok_or_else(invalid)?;
    if end.contains(':') {
        return Err(invalid());
    }
    let side = |s: &str| Some(s.trim()).filter(|s| !s.is_empty()).map(str::to_owned);
    Ok(RevisionRange {
        start: side(start),
        end: side(end),
    })
}

impl RevisionGraph {
    /// Revisions from `start` to `end`, both included, in topological order: descendants-or-self
    /// of the start that are ancestors-or-self of the end.
    pub fn revisions_in(&self, range: &RevisionRange) -> Result<Vec<&'static str>, GraphError> {
        let n = self.revs.len();
        let from = match &range.start {
            None => vec![true; n],
            Some(s) => match self.fixed_targets(s, "a range")?.as_slice() {
                [] => vec![true; n],
                starts => self.reach(starts.to_vec(), Walk::Down),
            },
        };
        let to = match &range.end {
            None => vec![true; n],
            Some(s) => self.reach(self.fixed_targets(s, "a range")?, Walk::Up),
        };
        let both: Vec<bool> = (0..n).map(|i| from[i] && to[i]).collect();
        Ok(self.ids_marked(&both))
    }
}
