//! Squashed revisions (`squash <from>:<to>`): one revision whose `replaces` lists a linear
//! range of older ones, oldest first. Django's `replaces` is the model:
//! <https://docs.djangoproject.com/en/stable/topics/migrations/#migration-squashing>.
//!
//! The rule, for each squash S replacing `r1..rn`:
//!
//! - The graph shows S in place of `r1..rn` (its default view): `heads`, `history`, a new
//!   revision's parent and a fresh database all go through S. A reference to `rn` (a revision
//!   written on top of the range before the squash) means S; a reference to any other `ri` is
//!   an error, since the squash has no state in the middle of the range.
//! - A database whose version table records `rn` is at S; the migrator records S in place of
//!   the rows of `r1..rn` before it does anything else.
//! - A database that records some of `r1..rn` but not `rn` is inside the range. While every
//!   original file is still there, it migrates on the originals (the view *expands* S), and is
//!   at S once it reaches `rn`. Once they are gone (`squash --delete`), it is refused: it must
//!   be brought to `rn` by a build that still has them.
//!
//! Squashes may replace squashes; every rule above then applies at each level.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use super::error::GraphError;
use super::graph::RevisionGraph;
use super::meta::RevisionMeta;

/// The squashes of a set of revisions, and which of them a view expands.
pub(crate) struct Squashes {
    /// Each squash with what it replaces (oldest first).
    replaces: BTreeMap<&'static str, &'static [&'static str]>,
    /// Each replaced id with its squash.
    pub(crate) replacer: BTreeMap<&'static str, &'static str>,
    /// The squashes shown as their originals.
    expanded: BTreeSet<&'static str>,
}

impl Squashes {
    /// Reads and checks the `replaces` of `all` (sorted by id): a squash replaces at least one
    /// revision and not itself, and each revision is replaced by one squash at most.
    pub(crate) fn of(
        all: &[RevisionMeta],
        expanded: &BTreeSet<&'static str>,
    ) -> Result<Squashes, GraphError> {
        let mut replaces = BTreeMap::new();
        let mut replacer = BTreeMap::new();
        for r in all.iter().filter(|r| !r.replaces.is_empty()) {
            replaces.insert(r.id, r.replaces);
            for &old in r.replaces {
                if old == r.id {
                    return Err(GraphError::InvalidSquash {
                        squash: r.id.into(),
                        reason: "it replaces itself".into(),
                    });
                }
                if let Some(other) = replacer.insert(old, r.id) {
                    return Err(GraphError::InvalidSquash {
                        squash: r.id.into(),
                        reason: format!("'{old}' is already replaced by '{other}'"),
                    });
                }
            }
        }
        Ok(Squashes {
            replaces,
            replacer,
            expanded: expanded.clone(),
        })
    }

    /// Whether the view shows `id`: not an expanded squash, and not replaced by a squash the
    /// view does not expand.
    pub(crate) fn shows(&self, id: &str) -> bool {
        !self.expanded.contains(id)
            && self
                .replacer
                .get(id)
                .is_none_or(|s| self.expanded.contains(s))
    }

    /// What a reference from revision `from` to `id` means in the view: `id` itself when
    /// shown; for a hidden squash, the last revision it replaces; for the last revision a
    /// hidden squash replaces, that squash. A reference into the middle of a squashed range
    /// is an error.
    pub(crate) fn reference(
        &self,
        from: &str,
        id: &'static str,
    ) -> Result<&'static str, GraphError> {
        let mut id = id;
        // Each step moves to another squash level; more steps than squashes is a loop.
        for _ in 0..=self.replaces.len() * 2 {
            if self.shows(id) {
                return Ok(id);
            }
            if self.expanded.contains(id) {
                id = end(self.replaces[id]);
                continue;
            }
            let Some(&squash) = self.replacer.get(id) else {
                return Ok(id);
            };
            let last = end(self.replaces[squash]);
            if id != last {
                return Err(GraphError::BuildsInsideSquash {
                    rev: from.into(),
                    missing: id.into(),
                    squash: squash.into(),
                    end: last.into(),
                });
            }
            id = squash;
        }
        Err(GraphError::InvalidSquash {
            squash: id.into(),
            reason: "its replaces form a loop".into(),
        })
    }
}

fn end(range: &'static [&'static str]) -> &'static str {
    range
        .last()
        .expect("a squash replaces at least one revision")
}

impl RevisionGraph {
    /// The squash that replaces `id`, when one does (whether or not `id`'s file is still there).
    pub fn replaced_by(&self, id: &str) -> Option<&'static str> {
        self.replacer.get(id).copied()
    }

    /// Whether `id` is a revision of this project: shown in this view, hidden by a squash, or
    /// replaced by one (its file deleted).
    pub fn knows(&self, id: &str) -> bool {
        self.source.iter().any(|r| r.id == id) || self.replacer.contains_key(id)
    }

    /// The view a database that records `applied` migrates on: the squashes it is inside of
    /// expanded into their originals, as long as their files are all there.
    pub fn view_for(
        &self,
        applied: &BTreeSet<String>,
    ) -> Result<Cow<'_, RevisionGraph>, GraphError> {
        let present: BTreeSet<&str> = self.source.iter().map(|r| r.id).collect();
        let mut expanded = BTreeSet::new();
        loop {
            let (mapped, _) = self.fold(applied, &expanded);
            let inside: Vec<&'static str> = self
                .squashes()
                .filter(|(s, _)| !expanded.contains(s) && !mapped.contains(*s))
                .filter(|(s, _)| self.covers(s).iter().any(|id| mapped.contains(*id)))
                .map(|(s, _)| s)
                .collect();
            if inside.is_empty() {
                break;
            }
            for squash in inside {
                let range = self.range_of(squash);
                if !range.iter().all(|id| present.contains(id)) {
                    let reached = self
                        .covers(squash)
                        .into_iter()
                        .rfind(|id| mapped.contains(*id))
                        .unwrap_or(range[0]);
                    return Err(GraphError::InsideSquashedRange {
                        revision: reached.into(),
                        squash: squash.into(),
                        end: end(range).into(),
                    });
                }
                expanded.insert(squash);
            }
        }
        if expanded == self.expanded {
            Ok(Cow::Borrowed(self))
        } else {
            Ok(Cow::Owned(Self::view(self.source.clone(), expanded)?))
        }
    }

    /// `applied` in this view's ids: the rows of a squashed range whose last revision (or the
    /// squash itself) is recorded become the squash.
    pub fn in_view(&self, applied: &BTreeSet<String>) -> BTreeSet<String> {
        self.fold(applied, &self.expanded).0
    }

    /// [`RevisionGraph::in_view`] for rows in application order; a squash takes the place of
    /// the last of its rows.
    pub fn order_in_view(&self, in_order: &[String]) -> Vec<String> {
        let set: BTreeSet<String> = in_order.iter().cloned().collect();
        let (mapped, becomes) = self.fold(&set, &self.expanded);
        let mut out: Vec<String> = Vec::with_capacity(in_order.len());
        for id in in_order {
            let now = becomes.get(id).unwrap_or(id);
            if mapped.contains(now) {
                out.retain(|o| o != now);
                out.push(now.clone());
            }
        }
        out
    }

    /// Folds every range whose end (or squash) is in `applied` into its squash, for the
    /// squashes `expanded` leaves folded; returns the set and what each folded id became.
    fn fold(
        &self,
        applied: &BTreeSet<String>,
        expanded: &BTreeSet<&'static str>,
    ) -> (BTreeSet<String>, BTreeMap<String, String>) {
        let mut set = applied.clone();
        let mut becomes: BTreeMap<String, String> = BTreeMap::new();
        loop {
            let mut changed = false;
            for (squash, range) in self.squashes().filter(|(s, _)| !expanded.contains(s)) {
                let hit = range.iter().any(|id| set.contains(*id));
                if !hit || !(set.contains(squash) || set.contains(end(range))) {
                    continue;
                }
                for id in range {
                    set.remove(*id);
                    becomes.insert(id.to_string(), squash.to_string());
                }
                for now in becomes.values_mut() {
                    if range.contains(&now.as_str()) {
                        *now = squash.to_string();
                    }
                }
                set.insert(squash.to_string());
                changed = true;
            }
            if !changed {
                return (set, becomes);
            }
        }
    }

    /// Every squash of the source with what it replaces.
    fn squashes(&self) -> impl Iterator<Item = (&'static str, &'static [&'static str])> + '_ {
        self.source
            .iter()
            .filter(|r| !r.replaces.is_empty())
            .map(|r| (r.id, r.replaces))
    }

    fn range_of(&self, squash: &str) -> &'static [&'static str] {
        self.squashes()
            .find(|(s, _)| *s == squash)
            .map_or(&[], |(_, r)| r)
    }

    /// What `squash` replaces, through the squashes it replaces, oldest first.
    fn covers(&self, squash: &str) -> Vec<&'static str> {
        let mut out = Vec::new();
        let mut stack: Vec<&'static str> = self.range_of(squash).iter().rev().copied().collect();
        while let Some(id) = stack.pop() {
            if out.contains(&id) || out.len() > self.replacer.len() {
                continue;
            }
            out.push(id);
            stack.extend(self.range_of(id).iter().rev());
        }
        out
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn rev(id: &'static str, parents: &'static [&'static str]) -> RevisionMeta {
        RevisionMeta {
            id,
            down_revisions: parents,
            branch_labels: &[],
            depends_on: &[],
            replaces: &[],
            transactional: true,
            message: id,
            create_date: "2026-01-01 00:00:00 UTC",
        }
    }

    /// `a -> b -> c -> d`, squashed `a..c` into `s`, and `d` written before the squash.
    fn chain(with_originals: bool) -> Vec<RevisionMeta> {
        let mut revs = vec![
            rev("d", &["c"]),
            RevisionMeta {
                replaces: &["a", "b", "c"],
                ..rev("s", &[])
            },
        ];
        if with_originals {
            revs.extend([rev("a", &[]), rev("b", &["a"]), rev("c", &["b"])]);
        }
        revs
    }

    fn set(ids: &[&str]) -> BTreeSet<String> {
        ids.iter().map(|s| s.to_string()).collect()
    }

    fn ids(graph: &RevisionGraph) -> Vec<&'static str> {
        graph.all().iter().map(|r| r.id).collect()
    }

    #[test]
    fn the_default_view_shows_the_squash_and_what_builds_on_the_end_of_its_range() {
        for originals in [true, false] {
            let graph = RevisionGraph::new(chain(originals)).unwrap();
            assert_eq!(ids(&graph), ["s", "d"]);
            assert_eq!(graph.children("s").unwrap(), ["d"]);
            assert_eq!(graph.heads(), ["d"]);
            assert!(graph.knows("b"));
            assert_eq!(
                graph.resolve("b").unwrap_err(),
                GraphError::Replaced {
                    id: "b".into(),
                    by: "s".into()
                }
            );
            // Fresh, at the end of the range, already at the squash.
            assert_eq!(graph.upgrade_plan(&set(&[]), "head").unwrap(), ["s", "d"]);
            for at_end in [set(&["a", "b", "c"]), set(&["c"]), set(&["s"])] {
                let view = graph.view_for(&at_end).unwrap();
                assert!(matches!(view, Cow::Borrowed(_)));
                assert_eq!(view.in_view(&at_end), set(&["s"]));
                assert_eq!(
                    view.upgrade_plan(&view.in_view(&at_end), "head").unwrap(),
                    ["d"]
                );
            }
            let order = ["a", "b", "c", "d"].map(String::from);
            assert_eq!(graph.order_in_view(&order), ["s", "d"]);
        }
    }

    #[test]
    fn inside_the_range_the_originals_run_while_their_files_are_there() {
        let graph = RevisionGraph::new(chain(true)).unwrap();
        let view = graph.view_for(&set(&["a"])).unwrap();
        assert_eq!(ids(&view), ["a", "b", "c", "d"]);
        assert_eq!(view.in_view(&set(&["a"])), set(&["a"]));
        assert_eq!(
            view.upgrade_plan(&set(&["a"]), "head").unwrap(),
            ["b", "c", "d"]
        );

        let gone = RevisionGraph::new(chain(false)).unwrap();
        let err = gone.view_for(&set(&["a", "b"])).unwrap_err();
        assert_eq!(
            err,
            GraphError::InsideSquashedRange {
                revision: "b".into(),
                squash: "s".into(),
                end: "c".into(),
            }
        );
        assert!(
            err.to_string().contains("upgrade it to c with a build"),
            "{err}"
        );
    }

    #[test]
    fn building_on_the_middle_of_a_range_or_replacing_twice_is_refused() {
        let mut revs = chain(false);
        revs.push(rev("x", &["b"]));
        assert_eq!(
            RevisionGraph::new(revs).unwrap_err(),
            GraphError::BuildsInsideSquash {
                rev: "x".into(),
                missing: "b".into(),
                squash: "s".into(),
                end: "c".into(),
            }
        );
        let mut revs = chain(false);
        revs.push(RevisionMeta {
            replaces: &["c"],
            ..rev("t", &[])
        });
        assert!(matches!(
            RevisionGraph::new(revs).unwrap_err(),
            GraphError::InvalidSquash { .. }
        ));
    }

    #[test]
    fn a_squash_of_a_squash_folds_level_by_level() {
        // `s` (a..c) and d squashed again into `t`; e on top. Originals of `s` are gone.
        let revs = vec![
            RevisionMeta {
                replaces: &["a", "b", "c"],
                ..rev("s", &[])
            },
            rev("d", &["c"]),
            RevisionMeta {
                replaces: &["s", "d"],
                ..rev("t", &[])
            },
            rev("e", &["d"]),
        ];
        let graph = RevisionGraph::new(revs).unwrap();
        assert_eq!(ids(&graph), ["t", "e"]);
        // Rows of the oldest originals: at s, inside t, whose originals are there.
        let view = graph.view_for(&set(&["a", "b", "c"])).unwrap();
        assert_eq!(ids(&view), ["s", "d", "e"]);
        let at = view.in_view(&set(&["a", "b", "c"]));
        assert_eq!(at, set(&["s"]));
        assert_eq!(view.upgrade_plan(&at, "head").unwrap(), ["d", "e"]);
        assert_eq!(graph.in_view(&set(&["a", "b", "c", "d"])), set(&["t"]));
    }
}
