//! The source of a new revision file (`revision -m`, `merge`, autogenerate).

use std::fmt::Write;

/// Everything a new revision file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRevision {
    /// Revision id.
    pub id: String,
    /// Parent revisions (none for a base, several for a merge).
    pub down_revisions: Vec<String>,
    /// Branch labels.
    pub branch_labels: Vec<String>,
    /// Extra dependencies.
    pub depends_on: Vec<String>,
    /// Revisions this one replaces (a squash).
    pub replaces: Vec<String>,
    /// Whether it runs inside a transaction (see `RevisionMeta::transactional`).
    pub transactional: bool,
    /// Human message (may span lines; the first line is the summary).
    pub message: String,
    /// Creation timestamp, `YYYY-MM-DD HH:MM:SS UTC`.
    pub create_date: String,
    /// Statements of `up`, written at column 0; `Ok(())` is appended after them.
    pub up_body: String,
    /// Statements of `down`, written at column 0; `Ok(())` is appended after them.
    pub down_body: String,
    /// Extra `use` lines (`use a::b;` or just `a::b`), sorted and deduplicated.
    pub extra_imports: Vec<String>,
}

impl Default for NewRevision {
    /// An empty revision that runs in a transaction.
    fn default() -> Self {
        Self {
            id: String::new(),
            down_revisions: Vec::new(),
            branch_labels: Vec::new(),
            depends_on: Vec::new(),
            replaces: Vec::new(),
            transactional: true,
            message: String::new(),
            create_date: String::new(),
            up_body: String::new(),
            down_body: String::new(),
            extra_imports: Vec::new(),
        }
    }
}

/// Column limit rustfmt formats to.
const MAX_WIDTH: usize = 100;
/// rustfmt's `array_width`: widest array contents kept on one line.
const ARRAY_WIDTH: usize = 60;
/// rustfmt's `short_array_element_width_threshold`: arrays of items this short pack per line.
const SHORT_ITEM: usize = 10;

/// Renders a revision file; the same input always gives the same bytes, already
/// rustfmt-formatted (for ASCII metadata and rustfmt-clean bodies and imports).
pub fn render(rev: &NewRevision) -> String {
    let mut out = String::new();
    header(&mut out, rev);
    out.push_str("use autogen::revision::RevisionMeta;\n");
    out.push_str(
        "use sea_orm_migration::{DbErr, MigrationName, MigrationTrait, SchemaManager, async_trait};\n",
    );
    let imports = imports(&rev.extra_imports);
    if !imports.is_empty() {
        out.push('\n');
        for line in imports {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out.push_str("\n/// Revision metadata read by the migrator.\n");
    out.push_str("pub const REVISION: RevisionMeta = RevisionMeta {\n");
    let _ = writeln!(out, "    id: {:?},", rev.id);
    array(&mut out, "down_revisions", &rev.down_revisions);
    array(&mut out, "branch_labels", &rev.branch_labels);
    array(&mut out, "depends_on", &rev.depends_on);
    array(&mut out, "replaces", &rev.replaces);
    let _ = writeln!(out, "    transactional: {},", rev.transactional);
    let _ = writeln!(out, "    message: {:?},", rev.message);
    let _ = writeln!(out, "    create_date: {:?},", rev.create_date);
    out.push_str("};\n\n");
    out.push_str(concat!(
        "/// The migration itself.\n",
        "pub struct Migration;\n\n",
        "impl MigrationName for Migration {\n",
        "    fn name(&self) -> &str {\n",
        "        REVISION.id\n",
        "    }\n",
        "}\n\n",
        "#[async_trait::async_trait]\n",
        "impl MigrationTrait for Migration {\n",
    ));
    method(&mut out, "up", &rev.up_body);
    out.push('\n');
    method(&mut out, "down", &rev.down_body);
    out.push_str("}\n");
    out
}

/// The `//!` header: message, then ids and date.
fn header(out: &mut String, rev: &NewRevision) {
    let list = |v: &[String]| v.join(", ");
    let revises = if rev.down_revisions.is_empty() {
        "<base>".into()
    } else {
        list(&rev.down_revisions)
    };
    let mut lines: Vec<String> = rev.message.lines().map(str::to_owned).collect();
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines.push(String::new());
    lines.push(format!("Revision ID: {}", rev.id));
    lines.push(format!("Revises: {revises}"));
    if !rev.branch_labels.is_empty() {
        lines.push(format!("Branch labels: {}", list(&rev.branch_labels)));
    }
    if !rev.depends_on.is_empty() {
        lines.push(format!("Depends on: {}", list(&rev.depends_on)));
    }
    if let (Some(first), Some(last)) = (rev.replaces.first(), rev.replaces.last()) {
        let n = rev.replaces.len();
        lines.push(format!(
            "Replaces: {first}..{last} ({n} revisions, squashed)"
        ));
    }
    if !rev.transactional {
        lines.push("Transactional: no (PostgreSQL runs it outside a transaction)".into());
    }
    lines.push(format!("Create Date: {}", rev.create_date));
    for line in lines {
        let clean = super::comment_text(&line);
        let clean = clean.trim_end();
        if clean.is_empty() {
            out.push_str("//!\n");
        } else {
            let _ = writeln!(out, "//! {clean}");
        }
    }
    out.push('\n');
}

/// Normalized, sorted, deduplicated `use` lines.
fn imports(extra: &[String]) -> Vec<String> {
    let mut lines: Vec<String> = extra
        .iter()
        .map(|s| s.trim().trim_end_matches(';').trim())
        .filter(|s| !s.is_empty())
        .map(|s| {
            if s.starts_with("use ") {
                format!("{s};")
            } else {
                format!("use {s};")
            }
        })
        .collect();
    lines.sort();
    lines.dedup();
    lines
}

/// One `&[...]` field, laid out the way rustfmt lays it out.
fn array(out: &mut String, field: &str, items: &[String]) {
    let items: Vec<String> = items.iter().map(|s| format!("{s:?}")).collect();
    let width = |s: &String| s.chars().count();
    let inner = items.iter().map(width).sum::<usize>() + 2 * items.len().saturating_sub(1);
    let line = 4 + field.len() + ": &[".len() + inner + "],".len();
    let fits = match items.len() {
        0 | 1 => line <= MAX_WIDTH,
        _ => inner <= ARRAY_WIDTH && line <= MAX_WIDTH,
    };
    if fits {
        let _ = writeln!(out, "    {field}: &[{}],", items.join(", "));
        return;
    }
    let _ = writeln!(out, "    {field}: &[");
    if items.len() > 1 && items.iter().all(|s| width(s) <= SHORT_ITEM) {
        // Mixed layout: as many `item,` per line as fit after the 8-space indent.
        let budget = MAX_WIDTH - 8;
        let mut line_len = 0;
        for item in &items {
            let item_len = width(item) + 1;
            if line_len > 0 && line_len + 1 + item_len > budget {
                out.push('\n');
                line_len = 0;
            }
            if line_len == 0 {
                out.push_str("        ");
            } else {
                out.push(' ');
                line_len += 1;
            }
            let _ = write!(out, "{item},");
            line_len += item_len;
        }
        out.push('\n');
    } else {
        for item in &items {
            let _ = writeln!(out, "        {item},");
        }
    }
    out.push_str("    ],\n");
}

/// One `up`/`down` method: the statements (re-indented), then `Ok(())`.
fn method(out: &mut String, name: &str, body: &str) {
    let lines = dedent(body);
    let param = if lines.is_empty() {
        "_manager"
    } else {
        "manager"
    };
    let _ = writeln!(
        out,
        "    async fn {name}(&self, {param}: &SchemaManager) -> Result<(), DbErr> {{"
    );
    for line in lines {
        if line.is_empty() {
            out.push('\n');
        } else {
            let _ = writeln!(out, "        {line}");
        }
    }
    out.push_str("        Ok(())\n    }\n");
}

/// Lines of `body` without surrounding blank lines, common indentation or trailing spaces.
fn dedent(body: &str) -> Vec<&str> {
    let lines: Vec<&str> = body.lines().map(str::trim_end).collect();
    let first = lines.iter().position(|l| !l.is_empty());
    let last = lines.iter().rposition(|l| !l.is_empty());
    let (Some(first), Some(last)) = (first, last) else {
        return Vec::new();
    };
    let lines = &lines[first..=last];
    let indent = lines
        .iter()
        .filter(|l| !l.is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    lines
        .iter()
        .map(|l| if l.is_empty() { *l } else { &l[indent..] })
        .collect()
}
