//! A generated column's clause, per backend: sea-query writes `GENERATED ALWAYS AS (..)`
//! after `NULL`/`NOT NULL`, which MySQL and MariaDB refuse (MariaDB takes no nullability on a
//! generated column at all), and writes `VIRTUAL` where PostgreSQL 15 has only `STORED`. So a
//! generated column's nullability travels with its clause and
//! [`ColumnDefExt::generated_as`](super::ColumnDefExt::generated_as) writes what the backend
//! the migration runs on takes. So does its collation: MySQL and MariaDB take `COLLATE` only
//! before the clause (<https://mariadb.com/kb/en/generated-columns/>: `data_type [COLLATE ..]
//! [GENERATED ALWAYS] AS (..)`), PostgreSQL and SQLite anywhere among the column's
//! constraints; a column dropped and added again for a new expression keeps it.

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
    /// The column's collation, written on the backend that named it (quoted as a name).
    pub collation: Option<crate::model::Collation>,
}

impl GeneratedAs {
    /// A stored, nullable generated column.
    pub fn stored(expression: impl Into<String>) -> Self {
        Self {
            expression: expression.into(),
            stored: true,
            nullable: true,
            collation: None,
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

    /// The same, with the column's collation.
    pub fn collate(mut self, collation: crate::model::Collation) -> Self {
        self.collation = Some(collation);
        self
    }

    /// Applies the clause to `def` for `backend`.
    pub(super) fn apply<'a>(
        &self,
        def: &'a mut ColumnDef,
        backend: DbBackend,
    ) -> &'a mut ColumnDef {
        use super::ColumnDefExt;
        let expr = Expr::cust(self.expression.clone());
        let collation = self.collation.clone().filter(|c| c.backend.db() == backend);
        match backend {
            // sea-query writes its generated clause before `extra`: the whole clause goes
            // there instead, after the collation.
            DbBackend::MySql => match collation {
                Some(c) => def.extra(format!(
                    "COLLATE {} GENERATED ALWAYS AS ({}) {}",
                    c.backend.ident(&c.name),
                    self.expression,
                    if self.stored { "STORED" } else { "VIRTUAL" }
                )),
                None => def.generated(expr, self.stored),
            },
            DbBackend::Postgres => {
                if !self.nullable {
                    def.not_null();
                }
                def.generated(expr, true);
                match collation {
                    Some(c) => def.collate(backend, c),
                    None => def,
                }
            }
            _ => {
                if !self.nullable {
                    def.not_null();
                }
                def.generated(expr, self.stored);
                match collation {
                    Some(c) => def.collate(backend, c),
                    None => def,
                }
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
        let collate = self
            .collation
            .as_ref()
            .map(|c| {
                format!(
                    ".collate({})",
                    super::chain::CollationArg(c.clone()).rust(imports)
                )
            })
            .unwrap_or_default();
        format!(
            "GeneratedAs::{kind}({}){null}{collate}",
            rs(&self.expression)
        )
    }
}
