//! The names a generated file's statements use, collected while writing them.

use std::collections::BTreeSet;

/// Items to import into a generated file, by crate.
#[derive(Debug, Default)]
pub struct Imports {
    /// `sea_orm_migration::sea_query` items (`ColumnDef`, `Expr`, ...).
    pub sea_query: BTreeSet<&'static str>,
    /// `sea_orm_migration::sea_orm` items (`DbBackend`, `ConnectionTrait`, ...).
    pub sea_orm: BTreeSet<&'static str>,
    /// `autogen` paths (`backend::escaped_name`).
    pub autogen: BTreeSet<&'static str>,
}

impl Imports {
    /// Records a sea-query item.
    pub fn sea_query(&mut self, item: &'static str) {
        self.sea_query.insert(item);
    }

    /// Records a sea-orm item.
    pub fn sea_orm(&mut self, item: &'static str) {
        self.sea_orm.insert(item);
    }

    /// Adds everything `other` uses.
    pub fn merge(&mut self, other: Imports) {
        self.sea_query.extend(other.sea_query);
        self.sea_orm.extend(other.sea_orm);
        self.autogen.extend(other.autogen);
    }

    /// The `use` lines, sorted.
    pub fn lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = self
            .autogen
            .iter()
            .map(|path| format!("use autogen::{path};"))
            .collect();
        for (krate, items) in [("sea_query", &self.sea_query), ("sea_orm", &self.sea_orm)] {
            if !items.is_empty() {
                let items: Vec<&str> = items.iter().copied().collect();
                lines.push(format!(
                    "use sea_orm_migration::{krate}::{{{}}};",
                    items.join(", ")
                ));
            }
        }
        lines
    }
}
