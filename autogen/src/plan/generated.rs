//! A generated column's clause, per backend: sea-query writes `GENERATED ALWAYS AS (..)`
//! after `NULL`/`NOT NULL`, which MySQL and MariaDB refuse (MariaDB takes no nullability on a
//! generated column at all), and writes `VIRTUAL` where PostgreSQL 15 has only `STORED`. So a
//! generated column's nullability travels with its clause and
//! [`ColumnDefExt::generated_as`](super::ColumnDefExt::generated_as) writes what the backend
//! the migration runs on takes.

use sea_orm::DbBackend;
use sea_orm::sea_query::{ColumnDef, Expr};

use super::chain::{Arg, Imports, rs};
use crate::backend::Backend;

/// `GENERATED ALWAYS AS (expression) STORED|VIRTUAL`, and whether the column is nullable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedAs {
    /// The expression, SQL text written as is.
    pub expression: String,
    /// `STORED` rather than `VIRTUAL` (PostgreSQL: always stored).
    pub stored: bool,
    /// `NULL` allowed (MySQL: always, nothing is written).
    pub nullable: bool,
}

impl GeneratedAs {
    /// A stored, nullable generated column.
    pub fn stored(expression: impl Into<String>) -> Self {
        Self {
            expression: expression.into(),
            stored: true,
            nullable: true,
        }
    }

    /// A virtual, nullable generated column (stored on PostgreSQL 15, which has no other).
    pub fn virtual_(expression: impl Into<String>) -> Self {
        Self {
            stored: false,
            ..Self::stored(expression)
        }
    }

    /// The same, `NOT NULL` (on PostgreSQL and SQLite).
    pub fn not_null(mut self) -> Self {
        self.nullable = false;
        self
    }

    /// Applies the clause to `def` for `backend`.
    pub(super) fn apply<'a>(
        &self,
        def: &'a mut ColumnDef,
        backend: DbBackend,
    ) -> &'a mut ColumnDef {
        let expr = Expr::cust(self.expression.clone());
        match backend {
            DbBackend::MySql => def.generated(expr, self.stored),
            DbBackend::Postgres => {
                if !self.nullable {
                    def.not_null();
                }
                def.generated(expr, true)
            }
            _ => {
                if !self.nullable {
                    def.not_null();
                }
                def.generated(expr, self.stored)
            }
        }
    }
}

impl Arg for GeneratedAs {
    type Sea = GeneratedAs;
    fn sea(&self, _: Backend) -> GeneratedAs {
        self.clone()
    }
    fn rust(&self, imports: &mut Imports) -> String {
        imports.autogen.insert("plan::ColumnDefExt");
        imports.autogen.insert("plan::GeneratedAs");
        let kind = if self.stored { "stored" } else { "virtual_" };
        let null = if self.nullable { "" } else { ".not_null()" };
        format!("GeneratedAs::{kind}({}){null}", rs(&self.expression))
    }
}
