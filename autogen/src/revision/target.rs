//! Parsing target strings (`head`, `heads`, `base`, ids, prefixes, labels, `label@head`,
//! `+N`, `rev-N`, `label@+N`, ...) and resolving them to revisions.

use std::ops::Bound;

use super::error::GraphError;
use super::graph::{RevisionGraph, Walk};
use super::meta::RevisionMeta;

/// A parsed target string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// `head`: the single head.
    Head,
    /// `heads`: every head.
    Heads,
    /// `base`: before the first revision.
    Base,
    /// One revision (id, prefix, label, `label@head`).
    Rev(usize),
    /// `+N`/`-N` relative to an anchor.
    Relative {
        /// What the steps count from.
        anchor: Anchor,
        /// `+N` (true) or `-N` (false).
        up: bool,
        /// N, at least 1.
        steps: usize,
    },
}

/// What a relative target counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    /// Bare `+N`/`-N`: the applied state.
    Current,
    /// `label@+N`/`label@-N`: the applied state of the branch starting at this revision.
    Branch(usize),
    /// `rev+N`/`rev-N`: a fixed revision.
    Rev(usize),
}

/// Where a downward walk ends: a revision, or below the base of the chain (at this revision).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Landing {
    /// A revision of the chain.
    Rev(usize),
    /// One step below the chain's base revision, which is given.
    BelowBase(usize),
}

impl RevisionGraph {
    /// Resolves a target naming exactly one revision: an id, a unique id prefix, a branch label,
    /// `label@head`, `head`, or `rev+N`/`rev-N`.
    pub fn resolve(&self, spec: &str) -> Result<&RevisionMeta, GraphError> {
        Ok(&self.revs[self.resolve_one(spec)?])
    }

    /// Resolves a target to the revisions it names: none for `base`, every head for `heads`,
    /// otherwise one (relative targets without a fixed revision are rejected).
    pub fn resolve_many(&self, spec: &str) -> Result<Vec<&'static str>, GraphError> {
        let targets = self.fixed_targets(spec, "a fixed revision")?;
        Ok(targets.into_iter().map(|i| self.revs[i].id).collect())
    }

    /// Parses a target string against this graph.
    pub(crate) fn parse_target(&self, spec: &str) -> Result<Target, GraphError> {
        let s = spec.trim();
        match s {
            "" => return Err(GraphError::InvalidTarget(spec.to_owned())),
            "head" => return Ok(Target::Head),
            "heads" => return Ok(Target::Heads),
            "base" => return Ok(Target::Base),
            _ => {}
        }
        // An exact id or label wins over every other reading (labels may contain '-').
        if let Some(i) = self.exact(s) {
            return Ok(Target::Rev(i));
        }
        if let Some((anchor, up, steps)) = split_relative(s)? {
            let anchor = if anchor.is_empty() {
                Anchor::Current
            } else if let Some(branch) = anchor.strip_suffix('@') {
                if branch.is_empty() {
                    return Err(GraphError::InvalidTarget(spec.to_owned()));
                }
                Anchor::Branch(self.resolve_one(branch)?)
            } else {
                Anchor::Rev(self.resolve_one(anchor)?)
            };
            return Ok(Target::Relative { anchor, up, steps });
        }
        if let Some((branch, rest)) = s.split_once('@') {
            if rest != "head" || branch.is_empty() {
                return Err(GraphError::InvalidTarget(spec.to_owned()));
            }
            return Ok(Target::Rev(self.branch_head(self.resolve_one(branch)?)?));
        }
        self.by_prefix(s).map(Target::Rev)
    }

    /// Index of the single revision a target names.
    pub(crate) fn resolve_one(&self, spec: &str) -> Result<usize, GraphError> {
        match self.parse_target(spec)? {
            Target::Rev(i) => Ok(i),
            Target::Head => self.single_head()?.ok_or(GraphError::Empty),
            Target::Relative {
                anchor: Anchor::Rev(i),
                up: true,
                steps,
            } => self.walk_up(i, steps, spec),
            Target::Relative {
                anchor: Anchor::Rev(i),
                up: false,
                steps,
            } => match self.walk_down(i, steps, spec)? {
                Landing::Rev(j) => Ok(j),
                Landing::BelowBase(_) => Err(GraphError::StepsUnavailable {
                    n: steps,
                    rev: self.revs[i].id.to_owned(),
                    available: steps - 1,
                }),
            },
            _ => Err(unsupported(spec, "a single revision")),
        }
    }

    /// Indices a target names without looking at the applied state (`base` names none).
    pub(crate) fn fixed_targets(
        &self,
        spec: &str,
        context: &str,
    ) -> Result<Vec<usize>, GraphError> {
        self.fixed(self.parse_target(spec)?, spec, context)
    }

    /// Indices an already parsed target names without looking at the applied state.
    pub(crate) fn fixed(
        &self,
        target: Target,
        spec: &str,
        context: &str,
    ) -> Result<Vec<usize>, GraphError> {
        match target {
            Target::Base => Ok(Vec::new()),
            Target::Heads => Ok(self.head_indices()),
            Target::Head => Ok(self.single_head()?.into_iter().collect()),
            Target::Relative {
                anchor: Anchor::Current | Anchor::Branch(_),
                ..
            } => Err(unsupported(spec, context)),
            Target::Rev(_) | Target::Relative { .. } => Ok(vec![self.resolve_one(spec)?]),
        }
    }

    /// The only head, `None` for an empty graph, or an error listing several.
    pub(crate) fn single_head(&self) -> Result<Option<usize>, GraphError> {
        match self.head_indices().as_slice() {
            [] => Ok(None),
            [h] => Ok(Some(*h)),
            heads => Err(GraphError::MultipleHeads {
                heads: self.join(heads.iter().copied()),
            }),
        }
    }

    /// The single head reachable from `branch` through its children.
    pub(crate) fn branch_head(&self, branch: usize) -> Result<usize, GraphError> {
        let marks = self.reach([branch], Walk::DownBranch);
        let heads: Vec<usize> = (0..self.revs.len())
            .filter(|&i| marks[i] && self.children[i].is_empty())
            .collect();
        match heads.as_slice() {
            [h] => Ok(*h),
            _ => Err(GraphError::MultipleHeads {
                heads: self.join(heads),
            }),
        }
    }

    /// Follows the unique child `steps` times.
    pub(crate) fn walk_up(
        &self,
        from: usize,
        steps: usize,
        spec: &str,
    ) -> Result<usize, GraphError> {
        let mut cur = from;
        for taken in 0..steps {
            cur = match self.children[cur].as_slice() {
                [] => return Err(self.too_far(steps, from, taken)),
                [c] => *c,
                _ => return Err(GraphError::RelativeAmbiguous(spec.to_owned())),
            };
        }
        Ok(cur)
    }

    /// Follows the unique down revision `steps` times; one step past the base lands below it.
    pub(crate) fn walk_down(
        &self,
        from: usize,
        steps: usize,
        spec: &str,
    ) -> Result<Landing, GraphError> {
        let mut cur = from;
        for taken in 0..steps {
            cur = match self.parents[cur].as_slice() {
                [] if taken + 1 == steps => return Ok(Landing::BelowBase(cur)),
                [] => return Err(self.too_far(steps, from, taken + 1)),
                [p] => *p,
                _ => return Err(GraphError::RelativeAmbiguous(spec.to_owned())),
            };
        }
        Ok(Landing::Rev(cur))
    }

    /// The error for a walk of `steps` from `from` that could only take `available`.
    fn too_far(&self, steps: usize, from: usize, available: usize) -> GraphError {
        GraphError::StepsUnavailable {
            n: steps,
            rev: self.revs[from].id.to_owned(),
            available,
        }
    }

    /// The revision with this exact id, else the one carrying this exact label.
    fn exact(&self, s: &str) -> Option<usize> {
        self.index.get(s).or_else(|| self.labels.get(s)).copied()
    }

    /// The only revision whose id starts with `prefix`.
    fn by_prefix(&self, prefix: &str) -> Result<usize, GraphError> {
        let matches: Vec<(&'static str, usize)> = self
            .index
            .range::<str, _>((Bound::Included(prefix), Bound::Unbounded))
            .take_while(|(id, _)| id.starts_with(prefix))
            .map(|(id, i)| (*id, *i))
            .collect();
        match matches.as_slice() {
            [] => Err(match self.replaced_by(prefix) {
                Some(by) => GraphError::Replaced {
                    id: prefix.to_owned(),
                    by: by.to_owned(),
                },
                None => GraphError::NotFound(prefix.to_owned()),
            }),
            [(_, i)] => Ok(*i),
            many => Err(GraphError::AmbiguousPrefix {
                prefix: prefix.to_owned(),
                candidates: many
                    .iter()
                    .map(|(id, _)| *id)
                    .collect::<Vec<_>>()
                    .join(", "),
            }),
        }
    }
}

/// Splits `anchor+N`/`anchor-N` (anchor possibly empty); `None` when there is no such suffix.
fn split_relative(s: &str) -> Result<Option<(&str, bool, usize)>, GraphError> {
    let Some(at) = s.rfind(['+', '-']) else {
        return Ok(None);
    };
    let digits = &s[at + 1..];
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(None);
    }
    match digits.parse::<usize>() {
        Ok(steps) if steps > 0 => Ok(Some((&s[..at], s.as_bytes()[at] == b'+', steps))),
        _ => Err(GraphError::InvalidTarget(s.to_owned())),
    }
}

/// The error for a target form `context` does not accept.
pub(crate) fn unsupported(spec: &str, context: &str) -> GraphError {
    GraphError::UnsupportedTarget {
        target: spec.to_owned(),
        context: context.to_owned(),
    }
}
