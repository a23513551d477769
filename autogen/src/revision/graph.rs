//! The revision graph and its structural queries (heads, bases, ancestors, ...).

use std::collections::{BTreeMap, BTreeSet};

use super::error::GraphError;
use super::meta::RevisionMeta;

/// A validated, acyclic revision graph, stored in topological order.
///
/// Edges come from `down_revisions` (parent/child) and `depends_on` (dependency/dependent).
/// Both order revisions; only `down_revisions` shape branches, heads and labels.
#[derive(Debug, Clone)]
pub struct RevisionGraph {
    /// Revisions in topological order; every index below refers to this vector.
    pub(crate) revs: Vec<RevisionMeta>,
    /// Id to index.
    pub(crate) index: BTreeMap<&'static str, usize>,
    /// Branch label to the index of the revision carrying it.
    pub(crate) labels: BTreeMap<&'static str, usize>,
    /// `down_revisions` of each revision, as indices.
    pub(crate) parents: Vec<Vec<usize>>,
    /// `depends_on` of each revision, as indices.
    pub(crate) deps: Vec<Vec<usize>>,
    /// Revisions naming each revision in their `down_revisions`, sorted.
    pub(crate) children: Vec<Vec<usize>>,
    /// Revisions naming each revision in their `depends_on`, sorted.
    pub(crate) dependents: Vec<Vec<usize>>,
    /// What the graph was built from, squashed revisions and their originals alike; the
    /// graph shows one view of it (see `revision::squash`).
    pub(crate) source: Vec<RevisionMeta>,
    /// The squashes shown as their originals in this view (none in the default view).
    pub(crate) expanded: BTreeSet<&'static str>,
    /// Each replaced id, with the squash that replaces it (present or not).
    pub(crate) replacer: BTreeMap<&'static str, &'static str>,
}

/// Which edges a traversal follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Walk {
    /// Parents and dependencies (everything that must be applied first).
    Up,
    /// Children and dependents (everything that must be removed first).
    Down,
    /// Children only (the branch below a revision, for labels).
    DownBranch,
}

impl RevisionGraph {
    /// The revision with exactly this id.
    pub fn get(&self, id: &str) -> Option<&RevisionMeta> {
        self.index.get(id).map(|&i| &self.revs[i])
    }

    /// Every revision in topological order (parents and dependencies first; ties by create date,
    /// then id).
    pub fn all(&self) -> &[RevisionMeta] {
        &self.revs
    }

    /// Number of revisions.
    pub fn len(&self) -> usize {
        self.revs.len()
    }

    /// Whether the graph holds no revision.
    pub fn is_empty(&self) -> bool {
        self.revs.is_empty()
    }

    /// Revisions that are nobody's down revision (a `depends_on` does not make one non-head).
    pub fn heads(&self) -> Vec<&'static str> {
        self.ids_where(|i| self.children[i].is_empty())
    }

    /// Revisions without down revisions.
    pub fn bases(&self) -> Vec<&'static str> {
        self.ids_where(|i| self.parents[i].is_empty())
    }

    /// Revisions with two or more children.
    pub fn branch_points(&self) -> Vec<&'static str> {
        self.ids_where(|i| self.children[i].len() >= 2)
    }

    /// Revisions with two or more down revisions.
    pub fn merge_points(&self) -> Vec<&'static str> {
        self.ids_where(|i| self.parents[i].len() >= 2)
    }

    /// Revisions naming `id` in their `down_revisions`, in topological order.
    pub fn children(&self, id: &str) -> Result<Vec<&'static str>, GraphError> {
        let i = self.idx(id)?;
        Ok(self.children[i].iter().map(|&c| self.revs[c].id).collect())
    }

    /// The parents and dependencies of `id` (a reference to the end of a squashed range read
    /// as the squash), in topological order.
    pub fn builds_on(&self, id: &str) -> Result<Vec<&'static str>, GraphError> {
        let i = self.idx(id)?;
        let mut on: Vec<usize> = self.parents[i]
            .iter()
            .chain(&self.deps[i])
            .copied()
            .collect();
        on.sort_unstable();
        on.dedup();
        Ok(on.into_iter().map(|p| self.revs[p].id).collect())
    }

    /// Transitive parents and dependencies of `id`, excluding itself, in topological order.
    pub fn ancestors(&self, id: &str) -> Result<Vec<&'static str>, GraphError> {
        let i = self.idx(id)?;
        let mut marks = self.reach([i], Walk::Up);
        marks[i] = false;
        Ok(self.ids_marked(&marks))
    }

    /// Transitive children and dependents of `id`, excluding itself, in topological order.
    pub fn descendants(&self, id: &str) -> Result<Vec<&'static str>, GraphError> {
        let i = self.idx(id)?;
        let mut marks = self.reach([i], Walk::Down);
        marks[i] = false;
        Ok(self.ids_marked(&marks))
    }

    /// Branch labels of `id`: its own plus those of every ancestor through `down_revisions`
    /// (a label covers the revision carrying it and everything built on it), sorted.
    ///
    /// This is Alembic's downward propagation only; Alembic also labels the unshared revisions
    /// below a labelled one, which this graph does not.
    pub fn branch_labels_of(&self, id: &str) -> Result<Vec<&'static str>, GraphError> {
        let i = self.idx(id)?;
        let mut marks = vec![false; self.revs.len()];
        let mut stack = vec![i];
        while let Some(n) = stack.pop() {
            if !std::mem::replace(&mut marks[n], true) {
                stack.extend(&self.parents[n]);
            }
        }
        let mut labels: Vec<&'static str> = (0..self.revs.len())
            .filter(|&n| marks[n])
            .flat_map(|n| self.revs[n].branch_labels.iter().copied())
            .collect();
        labels.sort_unstable();
        labels.dedup();
        Ok(labels)
    }

    /// Index of the revision with exactly this id.
    pub(crate) fn idx(&self, id: &str) -> Result<usize, GraphError> {
        self.index
            .get(id)
            .copied()
            .ok_or_else(|| GraphError::NotFound(id.to_owned()))
    }

    /// Marks every revision reachable from `seeds` (seeds included) along `walk`.
    pub(crate) fn reach(&self, seeds: impl IntoIterator<Item = usize>, walk: Walk) -> Vec<bool> {
        let mut marks = vec![false; self.revs.len()];
        let mut stack: Vec<usize> = seeds.into_iter().collect();
        while let Some(n) = stack.pop() {
            if std::mem::replace(&mut marks[n], true) {
                continue;
            }
            match walk {
                Walk::Up => stack.extend(self.parents[n].iter().chain(&self.deps[n])),
                Walk::Down => stack.extend(self.children[n].iter().chain(&self.dependents[n])),
                Walk::DownBranch => stack.extend(&self.children[n]),
            }
        }
        marks
    }

    /// Indices of the heads, in topological order.
    pub(crate) fn head_indices(&self) -> Vec<usize> {
        (0..self.revs.len())
            .filter(|&i| self.children[i].is_empty())
            .collect()
    }

    /// Comma-separated ids of the given indices.
    pub(crate) fn join(&self, indices: impl IntoIterator<Item = usize>) -> String {
        indices
            .into_iter()
            .map(|i| self.revs[i].id)
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Ids of the marked revisions, in topological order.
    pub(crate) fn ids_marked(&self, marks: &[bool]) -> Vec<&'static str> {
        self.ids_where(|i| marks[i])
    }

    /// Ids of the revisions matching `keep`, in topological order.
    fn ids_where(&self, keep: impl Fn(usize) -> bool) -> Vec<&'static str> {
        (0..self.revs.len())
            .filter(|&i| keep(i))
            .map(|i| self.revs[i].id)
            .collect()
    }
}
