//! Which ranges `squash` can replace: one linear chain, nothing built on its middle.

use super::error::GraphError;
use super::graph::RevisionGraph;

impl RevisionGraph {
    /// The revisions `from..=to`, oldest first, when they form one linear chain that a squash
    /// can replace: each has one parent (`from` at most one), only `to` has children outside
    /// the chain, none has or is the target of a `depends_on` (but `to`, whose dependents
    /// then depend on the squash), and there are at least two.
    pub fn linear_chain(&self, from: &str, to: &str) -> Result<Vec<&'static str>, GraphError> {
        let refuse = |reason: String| GraphError::NotLinear {
            from: from.into(),
            to: to.into(),
            reason,
        };
        let (first, last) = (self.idx(from)?, self.idx(to)?);
        let mut chain = vec![last];
        let mut at = last;
        while at != first {
            let id = self.revs[at].id;
            match self.parents[at].as_slice() {
                [parent] => at = *parent,
                [] => return Err(refuse(format!("{from} is not an ancestor of {to}"))),
                _ => return Err(refuse(format!("{id} is a merge of several branches"))),
            }
            chain.push(at);
        }
        if self.parents[first].len() > 1 {
            return Err(refuse(format!("{from} is a merge of several branches")));
        }
        chain.reverse();
        if chain.len() < 2 {
            return Err(refuse(
                "a range of one revision is that revision already".into(),
            ));
        }
        for pair in chain.windows(2) {
            let (i, next) = (pair[0], pair[1]);
            let id = self.revs[i].id;
            if self.children[i] != [next] {
                let others: Vec<usize> = self.children[i]
                    .iter()
                    .copied()
                    .filter(|&c| c != next)
                    .collect();
                return Err(refuse(format!(
                    "a branch starts inside it: {} also builds on {id}",
                    self.join(others)
                )));
            }
            if !self.dependents[i].is_empty() {
                return Err(refuse(format!(
                    "{} depends on {id}, inside the range",
                    self.join(self.dependents[i].iter().copied())
                )));
            }
        }
        if let Some(&i) = chain.iter().find(|&&i| !self.deps[i].is_empty()) {
            return Err(refuse(format!(
                "{} depends on {} (depends_on)",
                self.revs[i].id,
                self.join(self.deps[i].iter().copied())
            )));
        }
        Ok(chain.into_iter().map(|i| self.revs[i].id).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::super::squash::tests::rev;
    use super::*;

    #[test]
    fn only_a_linear_chain_can_be_squashed() {
        let graph = RevisionGraph::new(vec![
            rev("a", &[]),
            rev("b", &["a"]),
            rev("c", &["b"]),
            rev("x", &["b"]),
            rev("m", &["c", "x"]),
            rev("n", &["m"]),
        ])
        .unwrap();
        assert_eq!(graph.linear_chain("a", "b").unwrap(), ["a", "b"]);
        let reason = |from, to| graph.linear_chain(from, to).unwrap_err().to_string();
        assert_eq!(
            reason("a", "c"),
            "cannot squash a:c: a branch starts inside it: x also builds on b"
        );
        assert_eq!(
            reason("c", "n"),
            "cannot squash c:n: m is a merge of several branches"
        );
        assert_eq!(
            reason("m", "n"),
            "cannot squash m:n: m is a merge of several branches"
        );
        assert_eq!(
            reason("c", "x"),
            "cannot squash c:x: c is not an ancestor of x"
        );
        assert!(reason("a", "a").contains("one revision"));
    }
}
