//! Revision metadata, written as a literal in every migration file.

/// Static metadata of one revision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RevisionMeta {
    /// Revision id (12 lowercase hex characters for generated ids; any `[A-Za-z0-9_]+` is allowed).
    pub id: &'static str,
    /// Parent revisions: empty for a base, two or more for a merge.
    pub down_revisions: &'static [&'static str],
    /// Branch labels, usable as `label@head`.
    pub branch_labels: &'static [&'static str],
    /// Extra dependencies that must be applied first, without being parents.
    pub depends_on: &'static [&'static str],
    /// Human message.
    pub message: &'static str,
    /// Creation timestamp, `YYYY-MM-DD HH:MM:SS UTC`.
    pub create_date: &'static str,
}
