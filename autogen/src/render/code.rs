//! A tiny code writer: statements in order, with the imports they need.

use crate::plan::chain::Imports;

/// Generated statements plus the names they use.
#[derive(Debug, Default)]
pub struct Code {
    /// Statements, each a complete Rust statement.
    pub lines: Vec<String>,
    /// Items the statements use.
    pub imports: Imports,
}

impl Code {
    /// Appends a statement.
    pub fn push(&mut self, line: impl Into<String>) {
        self.lines.push(line.into());
    }

    /// Merges another block's imports and returns its statements joined.
    pub fn absorb(&mut self, other: Code) -> String {
        self.imports.merge(other.imports);
        other.lines.join("\n")
    }
}
