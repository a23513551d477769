//! Building a [`RevisionGraph`]: validation, topological sort and cycle reporting.

use std::collections::{BTreeMap, BTreeSet};

use super::error::GraphError;
use super::graph::RevisionGraph;
use super::meta::RevisionMeta;
use super::squash::Squashes;

/// Words with a meaning in target strings, so they cannot be ids or labels.
const KEYWORDS: [&str; 3] = ["head", "heads", "base"];

impl RevisionGraph {
    /// Validates `revisions` (unique well-formed ids, existing parents and dependencies, unique
    /// labels, sound `replaces`, no cycle) and builds the graph in its default view: each
    /// squash in place of the revisions it replaces (see `revision::squash`).
    pub fn new(revisions: Vec<RevisionMeta>) -> Result<Self, GraphError> {
        Self::view(revisions, BTreeSet::new())
    }

    /// The graph of `source` with the squashes in `expanded` shown as their originals.
    pub(crate) fn view(
        source: Vec<RevisionMeta>,
        expanded: BTreeSet<&'static str>,
    ) -> Result<Self, GraphError> {
        // 1. Sort by id so every error below is reported deterministically.
        let mut all = source.clone();
        all.sort_by_key(|r| r.id);
        for r in &all {
            check_id(r.id)?;
        }
        if let Some(w) = all.windows(2).find(|w| w[0].id == w[1].id) {
            return Err(GraphError::DuplicateId(w[0].id.to_owned()));
        }
        let squashes = Squashes::of(&all, &expanded)?;
        let revs: Vec<RevisionMeta> = all.into_iter().filter(|r| squashes.shows(r.id)).collect();
        let by_id: BTreeMap<&'static str, usize> =
            revs.iter().enumerate().map(|(i, r)| (r.id, i)).collect();

        // 2. Labels: well formed, unique, and not shadowing an id.
        check_labels(&revs, &by_id)?;

        // 3. Parents and dependencies exist (a replaced one through its squash); resolve them
        //    to (deduplicated) indices.
        let mut parents = Vec::with_capacity(revs.len());
        let mut deps = Vec::with_capacity(revs.len());
        for r in &revs {
            let refs = |ids: &[&'static str]| -> Result<Vec<&'static str>, GraphError> {
                ids.iter().map(|id| squashes.reference(r.id, id)).collect()
            };
            parents.push(resolve_refs(&refs(r.down_revisions)?, &by_id, |missing| {
                GraphError::MissingDownRevision {
                    rev: r.id.to_owned(),
                    missing,
                }
            })?);
            deps.push(resolve_refs(&refs(r.depends_on)?, &by_id, |missing| {
                GraphError::MissingDependency {
                    rev: r.id.to_owned(),
                    missing,
                }
            })?);
        }

        // 4. Topological order, or the cycle that prevents one.
        let order = topo_order(&revs, &parents, &deps)?;

        // 5. Re-index everything by topological position.
        let mut pos = vec![0; revs.len()];
        for (p, &i) in order.iter().enumerate() {
            pos[i] = p;
        }
        let remap = |v: &Vec<usize>| {
            let mut out: Vec<usize> = v.iter().map(|&i| pos[i]).collect();
            out.sort_unstable();
            out
        };
        let parents: Vec<Vec<usize>> = order.iter().map(|&i| remap(&parents[i])).collect();
        let deps: Vec<Vec<usize>> = order.iter().map(|&i| remap(&deps[i])).collect();
        let revs: Vec<RevisionMeta> = order.iter().map(|&i| revs[i]).collect();
        let mut children = vec![Vec::new(); revs.len()];
        let mut dependents = vec![Vec::new(); revs.len()];
        for i in 0..revs.len() {
            for &p in &parents[i] {
                children[p].push(i);
            }
            for &d in &deps[i] {
                dependents[d].push(i);
            }
        }
        let index = revs.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
        let labels = revs
            .iter()
            .enumerate()
            .flat_map(|(i, r)| r.branch_labels.iter().map(move |&l| (l, i)))
            .collect();
        Ok(Self {
            revs,
            index,
            labels,
            parents,
            deps,
            children,
            dependents,
            source,
            expanded,
            replacer: squashes.replacer,
        })
    }
}

/// Rejects ids that are empty, use characters outside `[A-Za-z0-9_]`, or are keywords.
fn check_id(id: &str) -> Result<(), GraphError> {
    let well_formed = !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if well_formed && !KEYWORDS.contains(&id) {
        Ok(())
    } else {
        Err(GraphError::InvalidId(id.to_owned()))
    }
}

/// Checks that labels are well formed, unique, and distinct from every id.
fn check_labels(
    revs: &[RevisionMeta],
    by_id: &BTreeMap<&'static str, usize>,
) -> Result<(), GraphError> {
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for r in revs {
        for &label in r.branch_labels {
            let bad_char = |c: char| c.is_whitespace() || c == '@' || c == ':';
            if label.is_empty() || label.contains(bad_char) || KEYWORDS.contains(&label) {
                return Err(GraphError::InvalidLabel {
                    label: label.into(),
                    rev: r.id.into(),
                });
            }
            if by_id.contains_key(label) {
                return Err(GraphError::LabelIsRevisionId {
                    label: label.into(),
                    rev: r.id.into(),
                });
            }
            if let Some(a) = seen.insert(label, r.id) {
                return Err(GraphError::DuplicateLabel {
                    label: label.into(),
                    a: a.into(),
                    b: r.id.into(),
                });
            }
        }
    }
    Ok(())
}

/// Maps referenced ids to indices (deduplicated), or reports the first missing one.
fn resolve_refs(
    refs: &[&str],
    by_id: &BTreeMap<&'static str, usize>,
    missing: impl Fn(String) -> GraphError,
) -> Result<Vec<usize>, GraphError> {
    let mut out = BTreeSet::new();
    for &r in refs {
        out.insert(*by_id.get(r).ok_or_else(|| missing(r.to_owned()))?);
    }
    Ok(out.into_iter().collect())
}

/// Kahn's algorithm over parents and dependencies; ready revisions are taken by
/// (create date, id). Returns input indices in topological order.
fn topo_order(
    revs: &[RevisionMeta],
    parents: &[Vec<usize>],
    deps: &[Vec<usize>],
) -> Result<Vec<usize>, GraphError> {
    let n = revs.len();
    let mut waiting = vec![0usize; n];
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); n];
    for i in 0..n {
        let before: BTreeSet<usize> = parents[i].iter().chain(&deps[i]).copied().collect();
        waiting[i] = before.len();
        for b in before {
            after[b].push(i);
        }
    }
    let key = |i: usize| (revs[i].create_date, revs[i].id, i);
    let mut ready: BTreeSet<_> = (0..n).filter(|&i| waiting[i] == 0).map(key).collect();
    let mut order = Vec::with_capacity(n);
    while let Some((_, _, i)) = ready.pop_first() {
        order.push(i);
        for &j in &after[i] {
            waiting[j] -= 1;
            if waiting[j] == 0 {
                ready.insert(key(j));
            }
        }
    }
    if order.len() == n {
        Ok(order)
    } else {
        Err(GraphError::Cycle(find_cycle(revs, parents, deps, &waiting)))
    }
}

/// Describes one cycle among the revisions Kahn's algorithm could not order, as
/// `parent -> child -> ... -> parent`, starting from its smallest id.
fn find_cycle(
    revs: &[RevisionMeta],
    parents: &[Vec<usize>],
    deps: &[Vec<usize>],
    waiting: &[usize],
) -> String {
    // Every stuck revision has a stuck parent or dependency, so walking "up" through stuck
    // revisions (smallest index first; indices follow id order) must revisit one.
    let stuck = |i: usize| waiting[i] > 0;
    let start = (0..revs.len())
        .find(|&i| stuck(i))
        .expect("a stuck revision");
    let mut path = vec![start];
    let mut seen_at = BTreeMap::from([(start, 0)]);
    let cycle_start = loop {
        let cur = *path.last().expect("non-empty path");
        let next = parents[cur]
            .iter()
            .chain(&deps[cur])
            .copied()
            .filter(|&p| stuck(p))
            .min()
            .expect("a stuck revision has a stuck predecessor");
        if let Some(&at) = seen_at.get(&next) {
            break at;
        }
        seen_at.insert(next, path.len());
        path.push(next);
    };
    // The loop was walked child -> parent; print it parent -> child from its smallest id.
    let mut cycle: Vec<usize> = path[cycle_start..].to_vec();
    cycle.reverse();
    let min_at = (0..cycle.len())
        .min_by_key(|&k| revs[cycle[k]].id)
        .expect("non-empty cycle");
    cycle.rotate_left(min_at);
    cycle.push(cycle[0]);
    cycle
        .iter()
        .map(|&i| revs[i].id)
        .collect::<Vec<_>>()
        .join(" -> ")
}
