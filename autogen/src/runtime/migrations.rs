//! The set of migration files, indexed and validated as a graph.

use std::collections::{BTreeMap, BTreeSet};

use crate::revision::{GraphError, RevisionGraph};

use super::Revision;

/// Every revision the binary was built with, plus their graph.
pub struct Migrations {
    revisions: BTreeMap<&'static str, Revision>,
    graph: RevisionGraph,
}

impl Migrations {
    /// Validates the revisions (duplicates, missing parents, cycles) and builds the graph.
    pub fn new(revisions: Vec<Revision>) -> Result<Self, GraphError> {
        let graph = RevisionGraph::new(revisions.iter().map(|r| r.meta).collect())?;
        let revisions = revisions.into_iter().map(|r| (r.meta.id, r)).collect();
        Ok(Self { revisions, graph })
    }

    /// The revision graph.
    pub fn graph(&self) -> &RevisionGraph {
        &self.graph
    }

    /// The ids of the graph's heads: what a database at head has applied last.
    pub fn head_ids(&self) -> BTreeSet<String> {
        self.graph.heads().into_iter().map(str::to_string).collect()
    }

    /// A revision by exact id.
    pub fn get(&self, id: &str) -> Option<&Revision> {
        self.revisions.get(id)
    }

    /// Whether there are no revisions at all.
    pub fn is_empty(&self) -> bool {
        self.revisions.is_empty()
    }
}
