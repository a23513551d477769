//! Rendering sea-query fragments (default expressions, column types) with a backend's builder.

use sea_orm::DbBackend;
use sea_orm::sea_query::{
    ColumnType, Expr, MysqlQueryBuilder, PostgresQueryBuilder, QueryBuilder, SqliteQueryBuilder,
    TableBuilder,
};

/// A default expression as SQL text, without the parentheses sea-query wraps non-literals in.
pub(super) fn expr_sql(expr: &Expr, backend: DbBackend) -> String {
    fn render(b: &impl QueryBuilder, e: &Expr) -> String {
        let mut s = String::new();
        b.prepare_expr(e, &mut s); // a `String` writer inlines values as literals
        s
    }
    match backend {
        DbBackend::MySql => render(&MysqlQueryBuilder, expr),
        DbBackend::Sqlite => render(&SqliteQueryBuilder, expr),
        _ => render(&PostgresQueryBuilder, expr),
    }
}

/// A column type as the backend's DDL spells it (e.g. `int unsigned`, `timestamp_text`).
pub(super) fn type_sql(ty: &ColumnType, backend: DbBackend) -> String {
    fn render(b: &impl TableBuilder, t: &ColumnType) -> String {
        let mut s = String::new();
        TableBuilder::prepare_column_type(b, t, &mut s);
        s
    }
    match backend {
        DbBackend::MySql => render(&MysqlQueryBuilder, ty),
        DbBackend::Sqlite => render(&SqliteQueryBuilder, ty),
        _ => render(&PostgresQueryBuilder, ty),
    }
}
