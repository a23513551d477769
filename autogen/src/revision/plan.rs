//! Upgrade, downgrade and stamp plans over an applied set.

use std::collections::BTreeSet;

use super::error::GraphError;
use super::graph::{RevisionGraph, Walk};
use super::target::{Anchor, Landing, Target, unsupported};

impl RevisionGraph {
    /// Revisions to apply, in topological order, to reach `target` (`head`, `heads`, a revision,
    /// `+N`, `rev+N`, `label@head`, `label@+N`) from `applied`.
    pub fn upgrade_plan(
        &self,
        applied: &BTreeSet<String>,
        target: &str,
    ) -> Result<Vec<&'static str>, GraphError> {
        let done = self.applied_marks(applied)?;
        let ambiguous = |_| GraphError::RelativeAmbiguous(target.to_owned());
        // 1. What to reach, and how many revisions at most.
        let (goal, limit) = match self.parse_target(target)? {
            Target::Relative {
                anchor: Anchor::Current,
                up: true,
                steps,
            } => (
                self.single_head().map_err(ambiguous)?.into_iter().collect(),
                Some(steps),
            ),
            Target::Relative {
                anchor: Anchor::Branch(b),
                up: true,
                steps,
            } => (vec![self.branch_head(b).map_err(ambiguous)?], Some(steps)),
            Target::Relative {
                anchor: Anchor::Current | Anchor::Branch(_),
                up: false,
                ..
            } => {
                return Err(unsupported(target, "upgrade"));
            }
            t => (self.fixed(t, target, "upgrade")?, None),
        };
        // 2. Every pending ancestor-or-self of the goal, parents first.
        let wanted = self.reach(goal, Walk::Up);
        let mut pending: Vec<usize> = (0..self.revs.len())
            .filter(|&i| wanted[i] && !done[i])
            .collect();
        // 3. A relative target takes only the first N.
        if let Some(steps) = limit {
            if pending.len() < steps {
                return Err(GraphError::StepsUnavailable {
                    n: steps,
                    rev: self.position(&done, &wanted),
                    available: pending.len(),
                });
            }
            pending.truncate(steps);
        }
        Ok(pending.into_iter().map(|i| self.revs[i].id).collect())
    }

    /// Revisions to undo, children first, to go down to `target` (`base`, a revision, `-N`,
    /// `rev-N`, `label@-N`), given the applied revisions in the order they were applied.
    ///
    /// Downgrading to a revision removes what was applied above it (its children's descendants,
    /// through `down_revisions` and `depends_on`) and leaves unrelated branches alone, as Alembic
    /// does. Among revisions that
    /// may go, the most recently applied goes first.
    pub fn downgrade_plan(
        &self,
        applied_in_order: &[String],
        target: &str,
    ) -> Result<Vec<&'static str>, GraphError> {
        // 1. Where each applied revision sits in the applied order (last occurrence wins).
        let mut order = vec![None; self.revs.len()];
        for (k, id) in applied_in_order.iter().enumerate() {
            let i = self
                .index
                .get(id.as_str())
                .ok_or_else(|| GraphError::UnknownApplied(id.clone()))?;
            order[*i] = Some(k);
        }
        // 2. What may be removed (relative steps pick their revisions one at a time instead).
        let removable = match self.parse_target(target)? {
            Target::Relative {
                anchor: Anchor::Current,
                up: false,
                steps,
            } => {
                return self.undo_steps(&order, steps, None);
            }
            Target::Relative {
                anchor: Anchor::Branch(b),
                up: false,
                steps,
            } => {
                return self.undo_steps(&order, steps, Some(b));
            }
            Target::Relative {
                anchor: Anchor::Current | Anchor::Branch(_),
                up: true,
                ..
            } => {
                return Err(unsupported(target, "downgrade"));
            }
            Target::Base => vec![true; self.revs.len()],
            Target::Relative {
                anchor: Anchor::Rev(i),
                up: false,
                steps,
            } => match self.walk_down(i, steps, target)? {
                Landing::Rev(j) => self.above([j]),
                Landing::BelowBase(j) => self.reach([j], Walk::Down),
            },
            t => self.above(self.fixed(t, target, "downgrade")?),
        };
        // 3. Remove them children first, most recently applied first.
        let mut live: Vec<bool> = order.iter().map(Option::is_some).collect();
        let mut out = Vec::new();
        while let Some(i) = self.last_leaf(&order, &live, |i| removable[i]) {
            live[i] = false;
            out.push(self.revs[i].id);
        }
        Ok(out)
    }

    /// Rows to insert (topological order) and delete (children first) so that `applied` becomes
    /// what upgrading or downgrading to `target` would leave, without running anything.
    ///
    /// `base` deletes everything, including revisions unknown to the graph; `heads` inserts
    /// everything.
    pub fn stamp_plan<'a>(
        &'a self,
        applied: &'a BTreeSet<String>,
        target: &str,
    ) -> Result<(Vec<&'a str>, Vec<&'a str>), GraphError> {
        let parsed = self.parse_target(target)?;
        if parsed == Target::Base {
            let unknown = applied
                .iter()
                .filter(|id| !self.index.contains_key(id.as_str()));
            let known = self
                .revs
                .iter()
                .rev()
                .filter(|r| applied.contains(r.id))
                .map(|r| r.id);
            return Ok((
                Vec::new(),
                unknown.map(String::as_str).chain(known).collect(),
            ));
        }
        let done = self.applied_marks(applied)?;
        let targets = self.fixed(parsed, target, "stamp")?;
        let keep = self.reach(targets.iter().copied(), Walk::Up);
        let above = self.above(targets);
        let n = self.revs.len();
        let insert = (0..n)
            .filter(|&i| keep[i] && !done[i])
            .map(|i| self.revs[i].id)
            .collect();
        let delete = (0..n)
            .rev()
            .filter(|&i| done[i] && above[i] && !keep[i])
            .map(|i| self.revs[i].id)
            .collect();
        Ok((insert, delete))
    }

    /// Applied revisions none of whose children are applied (topological order), followed by
    /// applied revisions unknown to the graph.
    pub fn current_heads<'a>(&'a self, applied: &'a BTreeSet<String>) -> Vec<&'a str> {
        let done: Vec<bool> = self.revs.iter().map(|r| applied.contains(r.id)).collect();
        let known = (0..self.revs.len())
            .filter(|&i| done[i] && self.children[i].iter().all(|&c| !done[c]))
            .map(|i| self.revs[i].id);
        let unknown = applied
            .iter()
            .filter(|id| !self.index.contains_key(id.as_str()));
        known.chain(unknown.map(String::as_str)).collect()
    }

    /// The applied set after upgrading an empty database to `target` (`base` gives none).
    pub fn state_at(&self, target: &str) -> Result<BTreeSet<String>, GraphError> {
        let empty = BTreeSet::new();
        let (insert, _) = self.stamp_plan(&empty, target)?;
        Ok(insert.into_iter().map(str::to_owned).collect())
    }

    /// Undoes `steps` revisions one at a time: each time the most recently applied one without
    /// applied children or dependents, restricted to the branch below `branch` when given.
    fn undo_steps(
        &self,
        order: &[Option<usize>],
        steps: usize,
        branch: Option<usize>,
    ) -> Result<Vec<&'static str>, GraphError> {
        let in_branch = match branch {
            Some(b) => self.reach([b], Walk::DownBranch),
            None => vec![true; self.revs.len()],
        };
        let mut live: Vec<bool> = order.iter().map(Option::is_some).collect();
        let start = self.position(&live, &in_branch);
        let mut out = Vec::with_capacity(steps);
        for taken in 0..steps {
            let Some(i) = self.last_leaf(order, &live, |i| in_branch[i]) else {
                return Err(GraphError::StepsUnavailable {
                    n: steps,
                    rev: start,
                    available: taken,
                });
            };
            live[i] = false;
            out.push(self.revs[i].id);
        }
        Ok(out)
    }

    /// The most recently applied live revision accepted by `allow` with no live child or
    /// dependent.
    fn last_leaf(
        &self,
        order: &[Option<usize>],
        live: &[bool],
        allow: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        (0..self.revs.len())
            .filter(|&i| live[i] && allow(i))
            .filter(|&i| {
                self.children[i]
                    .iter()
                    .chain(&self.dependents[i])
                    .all(|&c| !live[c])
            })
            .max_by_key(|&i| order[i])
    }

    /// What lies above `targets`: their children, then everything built on or depending on
    /// those. A target's own dependents stay, since the target itself stays.
    fn above(&self, targets: impl IntoIterator<Item = usize>) -> Vec<bool> {
        let children = targets
            .into_iter()
            .flat_map(|t| self.children[t].iter().copied());
        self.reach(children.collect::<Vec<_>>(), Walk::Down)
    }

    /// Marks the applied revisions, or names one the graph does not know.
    fn applied_marks(&self, applied: &BTreeSet<String>) -> Result<Vec<bool>, GraphError> {
        let mut marks = vec![false; self.revs.len()];
        for id in applied {
            marks[self
                .idx(id)
                .map_err(|_| GraphError::UnknownApplied(id.clone()))?] = true;
        }
        Ok(marks)
    }

    /// The applied heads within `scope`, comma-separated, or `base` when none is applied.
    fn position(&self, done: &[bool], scope: &[bool]) -> String {
        let heads: Vec<usize> = (0..self.revs.len())
            .filter(|&i| done[i] && scope[i])
            .filter(|&i| self.children[i].iter().all(|&c| !(done[c] && scope[c])))
            .collect();
        if heads.is_empty() {
            "base".to_owned()
        } else {
            self.join(heads)
        }
    }
}
