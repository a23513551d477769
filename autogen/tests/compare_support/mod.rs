//! Small builders for schemas in tests (shared by the compare, ops and metadata tests).
#![allow(dead_code)]

use autogen::model::{
    Column, ColumnType, FkAction, ForeignKey, Index, PrimaryKey, Schema, Table, Unique, column_key,
};

/// A NOT NULL column without default.
pub fn col(name: &str, ty: ColumnType) -> Column {
    Column {
        name: name.into(),
        col_type: ty,
        nullable: false,
        default: None,
        auto_increment: false,
        comment: None,
        identity: None,
        renamed_from: None,
        on_update: None,
        collation: None,
        generated: None,
    }
}

/// Fluent tweaks of a column.
pub trait ColumnExt {
    fn null(self) -> Self;
    fn default(self, sql: &str) -> Self;
    fn auto(self) -> Self;
    fn comment(self, text: &str) -> Self;
    fn renamed_from(self, old: &str) -> Self;
}

impl ColumnExt for Column {
    fn null(mut self) -> Self {
        self.nullable = true;
        self
    }
    fn default(mut self, sql: &str) -> Self {
        self.default = Some(sql.into());
        self
    }
    fn auto(mut self) -> Self {
        self.auto_increment = true;
        self
    }
    fn comment(mut self, text: &str) -> Self {
        self.comment = Some(text.into());
        self
    }
    fn renamed_from(mut self, old: &str) -> Self {
        self.renamed_from = Some(old.into());
        self
    }
}

/// A table with the given columns and nothing else.
pub fn table(name: &str, columns: Vec<Column>) -> Table {
    Table {
        columns,
        ..Table::new(name)
    }
}

fn strings(cols: &[&str]) -> Vec<String> {
    cols.iter().map(|c| c.to_string()).collect()
}

/// Fluent keys of a table.
pub trait TableExt {
    fn pk(self, cols: &[&str]) -> Self;
    fn unique(self, name: &str, cols: &[&str]) -> Self;
    fn index(self, name: &str, cols: &[&str]) -> Self;
    fn fk(self, cols: &[&str], ref_table: &str, ref_cols: &[&str], on_delete: FkAction) -> Self;
    fn table_comment(self, text: &str) -> Self;
}

impl TableExt for Table {
    fn pk(mut self, cols: &[&str]) -> Self {
        self.primary_key = Some(PrimaryKey {
            name: None,
            columns: strings(cols),
        });
        self
    }
    fn unique(mut self, name: &str, cols: &[&str]) -> Self {
        let columns = strings(cols);
        self.uniques.insert(
            column_key(&columns),
            Unique {
                name: name.into(),
                columns,
            },
        );
        self
    }
    fn index(mut self, name: &str, cols: &[&str]) -> Self {
        self.indexes.insert(
            name.into(),
            Index {
                name: name.into(),
                columns: strings(cols),
            },
        );
        self
    }
    /// A foreign key named `fk-{table}-{cols}`, ON UPDATE NO ACTION.
    fn fk(
        mut self,
        cols: &[&str],
        ref_table: &str,
        ref_cols: &[&str],
        on_delete: FkAction,
    ) -> Self {
        let columns = strings(cols);
        let fk = ForeignKey {
            name: format!("fk-{}-{}", self.name, cols.join("-")),
            columns: columns.clone(),
            ref_table: ref_table.into(),
            ref_columns: strings(ref_cols),
            on_delete,
            on_update: FkAction::NoAction,
            deferrable: Default::default(),
        };
        self.foreign_keys.insert(column_key(&columns), fk);
        self
    }
    fn table_comment(mut self, text: &str) -> Self {
        self.comment = Some(text.into());
        self
    }
}

/// A schema holding the given tables.
pub fn schema(tables: Vec<Table>) -> Schema {
    let mut s = Schema::default();
    for t in tables {
        s.insert(t);
    }
    s
}

/// `id integer NOT NULL auto_increment` primary key column.
pub fn id() -> Column {
    col("id", ColumnType::Integer).auto()
}

/// A `{name}(id serial pk)` table.
pub fn simple(name: &str) -> Table {
    table(name, vec![id()]).pk(&["id"])
}

pub mod all_ops;
pub mod cases;
pub mod strict;
