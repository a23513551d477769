//! Errors raised while building or querying the revision graph.

/// Everything that can go wrong in the revision graph, each naming the object at fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GraphError {
    /// No revision has this id, prefix or branch label.
    #[error("revision '{0}' not found")]
    NotFound(String),
    /// A prefix matches several revision ids.
    #[error("revision prefix '{prefix}' is ambiguous: matches {candidates}")]
    AmbiguousPrefix {
        /// The prefix as given.
        prefix: String,
        /// The matching ids, comma-separated, sorted.
        candidates: String,
    },
    /// Two revisions share an id.
    #[error("duplicate revision id '{0}'")]
    DuplicateId(String),
    /// A revision id is empty, uses characters outside `[A-Za-z0-9_]`, or is a keyword.
    #[error(
        "invalid revision id '{0}': use letters, digits and '_', and not 'head', 'heads' or 'base'"
    )]
    InvalidId(String),
    /// The graph has a cycle; the path reads `parent -> child -> ... -> parent`.
    #[error("cycle in revision graph: {0}")]
    Cycle(String),
    /// `head` was asked for, but the graph has several heads.
    #[error(
        "multiple heads ({heads}): use `heads` to upgrade all of them, or `merge` them into one"
    )]
    MultipleHeads {
        /// The heads, comma-separated, in topological order.
        heads: String,
    },
    /// The graph holds no revision at all, so there is no `head`.
    #[error("no revisions: the revision graph is empty")]
    Empty,
    /// A `down_revisions` entry names a revision that does not exist.
    #[error("revision '{rev}' revises '{missing}', which does not exist")]
    MissingDownRevision {
        /// The revision holding the dangling reference.
        rev: String,
        /// The id it refers to.
        missing: String,
    },
    /// A `depends_on` entry names a revision that does not exist.
    #[error("revision '{rev}' depends on '{missing}', which does not exist")]
    MissingDependency {
        /// The revision holding the dangling reference.
        rev: String,
        /// The id it refers to.
        missing: String,
    },
    /// Two revisions carry the same branch label.
    #[error("duplicate branch label '{label}' on '{a}' and '{b}'")]
    DuplicateLabel {
        /// The label.
        label: String,
        /// The first revision carrying it.
        a: String,
        /// The second revision carrying it.
        b: String,
    },
    /// A branch label is empty, contains whitespace, '@' or ':', or is a keyword.
    #[error("invalid branch label '{label}' on '{rev}'")]
    InvalidLabel {
        /// The label.
        label: String,
        /// The revision carrying it.
        rev: String,
    },
    /// A branch label is also the id of a revision, so a target naming it would be ambiguous.
    #[error("branch label '{label}' on '{rev}' is also a revision id")]
    LabelIsRevisionId {
        /// The label.
        label: String,
        /// The revision carrying it.
        rev: String,
    },
    /// A target string could not be parsed.
    #[error("invalid target '{0}'")]
    InvalidTarget(String),
    /// A target form that the command does not accept (e.g. `-1` for upgrade, `heads` where one
    /// revision is needed).
    #[error("target '{target}' is not valid for {context}")]
    UnsupportedTarget {
        /// The target as given.
        target: String,
        /// What it was used for (`upgrade`, `downgrade`, `stamp`, `a single revision`, ...).
        context: String,
    },
    /// A relative move goes further than the graph or the applied set allows.
    #[error("cannot move {n} steps from '{rev}': only {available} available")]
    StepsUnavailable {
        /// Steps requested.
        n: usize,
        /// Where the move started (a revision, the current heads, or `base`).
        rev: String,
        /// Steps that were possible.
        available: usize,
    },
    /// A relative move meets a branch point (upward) or a merge point (downward).
    #[error("relative target '{0}' is ambiguous: several branches")]
    RelativeAmbiguous(String),
    /// The applied set holds a revision that no migration file defines.
    #[error("applied revision '{0}' is not in the revision graph (missing migration file?)")]
    UnknownApplied(String),
    /// A squash's `replaces` cannot be honoured.
    #[error("squash '{squash}' is invalid: {reason}")]
    InvalidSquash {
        /// The squashed revision.
        squash: String,
        /// What is wrong with its `replaces`.
        reason: String,
    },
    /// A revision builds on a revision in the middle of a squashed range.
    #[error(
        "revision '{rev}' builds on '{missing}', which squash '{squash}' replaces; only the end of its range ('{end}', that is '{squash}') can be built on"
    )]
    BuildsInsideSquash {
        /// The revision holding the reference.
        rev: String,
        /// The replaced revision it names.
        missing: String,
        /// The squash.
        squash: String,
        /// The last revision the squash replaces.
        end: String,
    },
    /// A target names a revision that a squash replaces.
    #[error("revision '{id}' was squashed into '{by}'; name '{by}' instead")]
    Replaced {
        /// The replaced revision.
        id: String,
        /// The squash.
        by: String,
    },
    /// The database is inside a squashed range whose original files are gone.
    #[error(
        "the database is at revision {revision}, inside the range that squash {squash} replaces, and the original revision files are gone: upgrade it to {end} with a build that still has them (from before `squash --delete`), then run this again"
    )]
    InsideSquashedRange {
        /// The furthest replaced revision the database records.
        revision: String,
        /// The squash.
        squash: String,
        /// The last revision the squash replaces.
        end: String,
    },
    /// `squash from:to` over revisions that are not one linear chain.
    #[error("cannot squash {from}:{to}: {reason}")]
    NotLinear {
        /// Start of the range.
        from: String,
        /// End of the range.
        to: String,
        /// What breaks the chain.
        reason: String,
    },
    /// A range is not of the form `start:end`.
    #[error("invalid range '{0}': expected 'start:end'")]
    InvalidRange(String),
}
