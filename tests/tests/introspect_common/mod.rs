//! Builders and helpers shared by the introspection and normalization tests.
#![allow(dead_code)]

use autogen::introspect::{Introspection, introspect};
use autogen::model::{
    Column, ColumnType, FkAction, ForeignKey, Index, PrimaryKey, Table, Unique, column_key,
};
use sea_orm::{ConnectionTrait, DatabaseConnection};

/// A nullable column with no default.
pub fn col(name: &str, col_type: ColumnType) -> Column {
    Column {
        name: name.into(),
        col_type,
        nullable: true,
        default: None,
        auto_increment: false,
        comment: None,
        renamed_from: None,
    }
}

/// Chainable column modifiers.
pub trait ColumnExt {
    /// NOT NULL.
    fn not_null(self) -> Self;
    /// With a default expression.
    fn default(self, sql: &str) -> Self;
    /// Auto-increment (and NOT NULL, as every auto-increment key is).
    fn auto(self) -> Self;
    /// With a comment.
    fn comment(self, text: &str) -> Self;
}

impl ColumnExt for Column {
    fn not_null(mut self) -> Self {
        self.nullable = false;
        self
    }
    fn default(mut self, sql: &str) -> Self {
        self.default = Some(sql.into());
        self
    }
    fn auto(mut self) -> Self {
        self.auto_increment = true;
        self.nullable = false;
        self
    }
    fn comment(mut self, text: &str) -> Self {
        self.comment = Some(text.into());
        self
    }
}

/// A table builder for expected models.
pub struct T(pub Table);

impl T {
    /// An empty table.
    pub fn new(name: &str) -> Self {
        T(Table::new(name))
    }
    /// Appends columns.
    pub fn cols(mut self, cols: impl IntoIterator<Item = Column>) -> Self {
        self.0.columns.extend(cols);
        self
    }
    /// Sets the primary key.
    pub fn pk(mut self, name: Option<&str>, cols: &[&str]) -> Self {
        self.0.primary_key = Some(PrimaryKey {
            name: name.map(Into::into),
            columns: strings(cols),
        });
        self
    }
    /// Adds a unique constraint.
    pub fn unique(mut self, name: &str, cols: &[&str]) -> Self {
        let columns = strings(cols);
        self.0.uniques.insert(
            column_key(&columns),
            Unique {
                name: name.into(),
                columns,
            },
        );
        self
    }
    /// Adds a non-unique index.
    pub fn index(mut self, name: &str, cols: &[&str]) -> Self {
        self.0.indexes.insert(
            name.into(),
            Index {
                name: name.into(),
                columns: strings(cols),
            },
        );
        self
    }
    /// Adds a foreign key.
    pub fn fk(
        mut self,
        name: &str,
        cols: &[&str],
        ref_table: &str,
        ref_cols: &[&str],
        on_delete: FkAction,
        on_update: FkAction,
    ) -> Self {
        let columns = strings(cols);
        self.0.foreign_keys.insert(
            column_key(&columns),
            ForeignKey {
                name: name.into(),
                columns,
                ref_table: ref_table.into(),
                ref_columns: strings(ref_cols),
                on_delete,
                on_update,
            },
        );
        self
    }
    /// Sets the table comment.
    pub fn comment(mut self, text: &str) -> Self {
        self.0.comment = Some(text.into());
        self
    }
}

fn strings(cols: &[&str]) -> Vec<String> {
    cols.iter().map(|c| c.to_string()).collect()
}

/// Runs a script of `;`-terminated statements, one statement at a time.
pub async fn exec_script(conn: &DatabaseConnection, script: &str) {
    for stmt in script.split(";\n").map(str::trim).filter(|s| !s.is_empty()) {
        conn.execute_unprepared(stmt)
            .await
            .unwrap_or_else(|e| panic!("statement failed: {stmt}\n{e}"));
    }
}

/// Introspects, panicking on error.
pub async fn read<C: ConnectionTrait>(conn: &C, exclude: &[&str]) -> Introspection {
    introspect(conn, exclude)
        .await
        .unwrap_or_else(|e| panic!("introspection failed: {e}"))
}

/// Asserts two tables are equal, field by field, for readable failures.
pub fn assert_table_eq(actual: &Table, expected: &Table) {
    assert_eq!(
        actual.columns.len(),
        expected.columns.len(),
        "column count of {}: {:#?}",
        expected.name,
        actual.columns
    );
    for (a, e) in actual.columns.iter().zip(&expected.columns) {
        assert_eq!(a, e, "column {}.{}", expected.name, e.name);
    }
    assert_eq!(actual.primary_key, expected.primary_key, "pk of {}", expected.name);
    assert_eq!(actual.uniques, expected.uniques, "uniques of {}", expected.name);
    assert_eq!(actual.indexes, expected.indexes, "indexes of {}", expected.name);
    assert_eq!(
        actual.foreign_keys, expected.foreign_keys,
        "foreign keys of {}",
        expected.name
    );
    assert_eq!(actual.comment, expected.comment, "comment of {}", expected.name);
    assert_eq!(actual, expected);
}

/// Asserts the introspected tables are exactly `expected` (names and contents).
pub fn assert_tables_eq(actual: &autogen::model::Schema, expected: &[Table]) {
    let names: Vec<&String> = actual.tables.keys().collect();
    let mut expected_names: Vec<&String> = expected.iter().map(|t| &t.name).collect();
    expected_names.sort();
    assert_eq!(names, expected_names, "table names");
    for table in expected {
        assert_table_eq(&actual.tables[&table.name], table);
    }
}

/// `CREATE TABLE` statements for `n` small tables `t{i}` on any backend (each with a key,
/// an index and a foreign key to the previous one), to check the query count does not grow.
pub fn many_tables(n: usize, quote: char) -> String {
    let q = |s: &str| format!("{quote}{s}{quote}");
    let mut sql = String::new();
    for i in 0..n {
        let name = format!("t{i}");
        let fk = if i == 0 {
            String::new()
        } else {
            format!(
                ", FOREIGN KEY ({}) REFERENCES {} ({})",
                q("parent_id"),
                q(&format!("t{}", i - 1)),
                q("id")
            )
        };
        sql.push_str(&format!(
            "CREATE TABLE {} ({} integer NOT NULL PRIMARY KEY, {} integer, {} varchar(10) UNIQUE{fk});\n",
            q(&name),
            q("id"),
            q("parent_id"),
            q("label"),
        ));
        sql.push_str(&format!(
            "CREATE INDEX {} ON {} ({});\n",
            q(&format!("ix_{name}")),
            q(&name),
            q("label")
        ));
    }
    sql
}
