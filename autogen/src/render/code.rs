//! A tiny code writer: statements in order, with the imports they need.

use std::collections::BTreeSet;

/// Generated statements plus the names they use.
#[derive(Debug, Default)]
pub struct Code {
    /// Statements, each a complete Rust statement.
    pub lines: Vec<String>,
    /// sea-query items used (`ColumnDef`, `Expr`, ...).
    pub sea_query: BTreeSet<&'static str>,
    /// sea-orm items used (`DbBackend`, `ConnectionTrait`).
    pub sea_orm: BTreeSet<&'static str>,
}

impl Code {
    /// Appends a statement.
    pub fn push(&mut self, line: impl Into<String>) {
        self.lines.push(line.into());
    }

    /// Records use of sea-query items.
    pub fn use_sq(&mut self, items: &[&'static str]) {
        self.sea_query.extend(items.iter().copied());
    }

    /// A `manager.<method>(<stmt>.to_owned()).await?;` statement.
    pub fn manager(&mut self, method: &str, stmt: String) {
        self.push(format!("manager.{method}({stmt}.to_owned()).await?;"));
    }

    /// A raw SQL statement, for what sea-query cannot express. It goes through `execute_raw`
    /// so the runner's statement log (`--echo-sql`, MySQL progress) sees it.
    pub fn raw_sql(&mut self, sql: &str) {
        self.sea_orm.insert("ConnectionTrait");
        self.sea_orm.insert("Statement");
        self.push(format!(
            "manager.get_connection().execute_raw(Statement::from_string(manager.get_database_backend(), {})).await?;",
            super::literal::raw(sql)
        ));
    }

    /// Merges another block's imports and returns its statements joined.
    pub fn absorb(&mut self, other: Code) -> String {
        self.sea_query.extend(other.sea_query);
        self.sea_orm.extend(other.sea_orm);
        other.lines.join("\n")
    }
}
