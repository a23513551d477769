//! How revisions are printed, shared by `history`, `heads`, `show` and `current`.

use crate::revision::{RevisionGraph, RevisionMeta, comment_text};

/// `parent -> id (flags), message`, Alembic's one-line form.
pub fn line(graph: &RevisionGraph, meta: &RevisionMeta, current: bool) -> String {
    let parents = if meta.down_revisions.is_empty() {
        "<base>".to_string()
    } else {
        meta.down_revisions.join(", ")
    };
    let flags = flags(graph, meta, current);
    let flags = if flags.is_empty() {
        String::new()
    } else {
        format!(" ({})", flags.join(", "))
    };
    // A message is shown without bidi or control characters, which could disguise it.
    let summary = comment_text(meta.message.lines().next().unwrap_or(""));
    format!("{parents} -> {}{flags}, {summary}", meta.id)
}

/// The multi-line form.
pub fn verbose(graph: &RevisionGraph, meta: &RevisionMeta, current: bool) -> String {
    let mut out = format!("Rev: {}", meta.id);
    let flags = flags(graph, meta, current);
    if !flags.is_empty() {
        out.push_str(&format!(" ({})", flags.join(", ")));
    }
    out.push('\n');
    let parents = if meta.down_revisions.is_empty() {
        "<base>".into()
    } else {
        meta.down_revisions.join(", ")
    };
    out.push_str(&format!("Parent: {parents}\n"));
    if !meta.branch_labels.is_empty() {
        out.push_str(&format!(
            "Branch names: {}\n",
            meta.branch_labels.join(", ")
        ));
    }
    if !meta.depends_on.is_empty() {
        out.push_str(&format!(
            "Also depends on: {}\n",
            meta.depends_on.join(", ")
        ));
    }
    if !meta.replaces.is_empty() {
        out.push_str(&format!("Replaces: {}\n", meta.replaces.join(", ")));
    }
    if !meta.transactional {
        out.push_str("Transactional: no (PostgreSQL runs it outside a transaction)\n");
    }
    out.push_str(&format!("Create Date: {}\n\n", meta.create_date));
    for l in meta.message.lines() {
        out.push_str(&format!("    {}\n", comment_text(l)));
    }
    out
}

fn flags(graph: &RevisionGraph, meta: &RevisionMeta, current: bool) -> Vec<&'static str> {
    let mut flags = Vec::new();
    if graph.heads().contains(&meta.id) {
        flags.push("head");
    }
    if meta.down_revisions.len() > 1 {
        flags.push("mergepoint");
    }
    if graph.branch_points().contains(&meta.id) {
        flags.push("branchpoint");
    }
    if !meta.replaces.is_empty() {
        flags.push("squash");
    }
    if current {
        flags.push("current");
    }
    flags
}
