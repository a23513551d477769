//! Raw SQL for what sea-query cannot express: comments, default removal, primary keys.
//!
//! Every name and string is quoted by [`Backend::ident`] / [`Backend::string`] for the one
//! backend the statement is for.

use sea_orm::sea_query::{PostgresQueryBuilder, TableBuilder};

use crate::backend::Backend;
use crate::model::{Check, ColumnType, PrimaryKey, Table, Unique};

use super::build::type_calls;
use super::chain::{Arg, ColumnChain, Iden};

const PG: Backend = Backend::Postgres;
const MY: Backend = Backend::MySql;

fn pg(name: &str) -> String {
    PG.ident(name)
}

/// Postgres `COMMENT ON COLUMN` (`NULL` removes the comment).
pub fn comment_on_column(table: &str, column: &str, comment: Option<&str>) -> String {
    format!(
        "COMMENT ON COLUMN {}.{} IS {}",
        pg(table),
        pg(column),
        comment
            .map(|c| PG.string(c))
            .unwrap_or_else(|| "NULL".into())
    )
}

/// Postgres `COMMENT ON TABLE` (`NULL` removes the comment).
pub fn comment_on_table(table: &str, comment: Option<&str>) -> String {
    format!(
        "COMMENT ON TABLE {} IS {}",
        pg(table),
        comment
            .map(|c| PG.string(c))
            .unwrap_or_else(|| "NULL".into())
    )
}

/// MySQL table comment (`''` removes it).
pub fn mysql_table_comment(table: &str, comment: Option<&str>) -> String {
    format!(
        "ALTER TABLE {} COMMENT = {}",
        MY.ident(table),
        MY.string(comment.unwrap_or(""))
    )
}

/// Postgres `ALTER COLUMN .. DROP DEFAULT` (sea-query's `modify_column` cannot drop one).
pub fn drop_default(table: &str, column: &str) -> String {
    format!(
        "ALTER TABLE {} ALTER COLUMN {} DROP DEFAULT",
        pg(table),
        pg(column)
    )
}

/// How a Postgres `ALTER COLUMN .. TYPE` converts the values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Using<'a> {
    /// By assignment: no `USING`.
    Assignment,
    /// `USING "c"::type`, for type changes Postgres does not convert by assignment (text to
    /// integer, ...).
    Cast,
    /// Through another type first: `text` converts to and from enum types, `integer` between
    /// booleans and the other integer types (PostgreSQL casts boolean only to and from
    /// `integer`).
    Via(&'a str),
}

/// Postgres `ALTER COLUMN .. TYPE <type> [COLLATE ..] [USING ..]`. Without `COLLATE` the
/// column would take the new type's default collation (PostgreSQL's ALTER TABLE docs), so a
/// column's own collation is restated.
pub fn postgres_retype(
    table: &str,
    column: &str,
    ty: &ColumnType,
    using: Using<'_>,
    collation: Option<&str>,
) -> String {
    let ty_sql = postgres_type(ty);
    // To a string, text alone: the assignment to `varchar(n)` then refuses a longer value,
    // where an explicit cast would truncate it silently.
    let to_string = matches!(
        ty,
        ColumnType::Char(_) | ColumnType::String(_) | ColumnType::Text
    );
    let using = match (using, to_string) {
        (Using::Assignment, _) => String::new(),
        (Using::Via("text"), true) => format!(" USING {}::text", pg(column)),
        (Using::Via(via), _) => format!(" USING {}::{via}::{ty_sql}", pg(column)),
        (Using::Cast, _) => format!(" USING {}::{ty_sql}", pg(column)),
    };
    let collate = collation
        .map(|c| format!(" COLLATE {}", pg(c)))
        .unwrap_or_default();
    format!(
        "ALTER TABLE {} ALTER COLUMN {} TYPE {ty_sql}{collate}{using}",
        pg(table),
        pg(column),
    )
}

/// A column type as PostgreSQL spells it in a statement (`text`, `varchar(20)`, `"email"`),
/// through the same builder calls a column definition makes.
pub fn postgres_type(ty: &ColumnType) -> String {
    let def = ColumnChain {
        name: Iden(String::new()),
        calls: type_calls(ty),
    }
    .sea(PG);
    let mut ty_sql = String::new();
    if let Some(t) = def.get_column_type() {
        TableBuilder::prepare_column_type(&PostgresQueryBuilder, t, &mut ty_sql);
    }
    ty_sql
}

/// The name Postgres knows a primary key by: its own, or the `{table}_pkey` it generates.
pub fn postgres_pk_name(table: &str, pk: &PrimaryKey) -> String {
    pk.name.clone().unwrap_or_else(|| format!("{table}_pkey"))
}

/// Postgres statements replacing a primary key; the new key is named so that a later drop
/// (the downgrade) finds it under the name the op carries.
pub fn postgres_alter_pk(
    table: &str,
    from: Option<&PrimaryKey>,
    to: Option<&PrimaryKey>,
) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(pk) = from {
        out.push(format!(
            "ALTER TABLE {} DROP CONSTRAINT {}",
            pg(table),
            pg(&postgres_pk_name(table, pk))
        ));
    }
    if let Some(pk) = to {
        let cols: Vec<String> = pk.columns.iter().map(|c| pg(c)).collect();
        let constraint = match &pk.name {
            Some(name) => format!("CONSTRAINT {} ", pg(name)),
            None => String::new(),
        };
        out.push(format!(
            "ALTER TABLE {} ADD {constraint}PRIMARY KEY ({})",
            pg(table),
            cols.join(", ")
        ));
    }
    out
}

/// MySQL statement replacing a primary key, in one statement (an auto-increment column must
/// stay a key between the drop and the add).
pub fn mysql_alter_pk(table: &str, from: Option<&PrimaryKey>, to: Option<&PrimaryKey>) -> String {
    let mut parts = Vec::new();
    if from.is_some() {
        parts.push("DROP PRIMARY KEY".to_string());
    }
    if let Some(pk) = to {
        let cols: Vec<String> = pk.columns.iter().map(|c| MY.ident(c)).collect();
        parts.push(format!("ADD PRIMARY KEY ({})", cols.join(", ")));
    }
    format!("ALTER TABLE {} {}", MY.ident(table), parts.join(", "))
}

/// Postgres: drop a unique, whether it is a constraint or a unique index.
pub fn postgres_drop_unique(table: &str, name: &str, concurrently: bool) -> Vec<String> {
    let concurrently = if concurrently { "CONCURRENTLY " } else { "" };
    vec![
        format!(
            "ALTER TABLE {} DROP CONSTRAINT IF EXISTS {}",
            pg(table),
            pg(name)
        ),
        format!("DROP INDEX {concurrently}IF EXISTS {}", pg(name)),
    ]
}

/// The name a unique is created (and dropped) under. SQLite reports a UNIQUE table constraint
/// as its internal index `sqlite_autoindex_<table>_<n>`, a name `CREATE INDEX` refuses; such a
/// unique gets the Postgres-style `<table>_<columns>_key` instead.
pub fn unique_name(table: &str, unique: &Unique) -> String {
    if unique
        .name
        .to_ascii_lowercase()
        .starts_with("sqlite_autoindex_")
    {
        format!("{table}_{}_key", unique.columns.join("_"))
    } else {
        unique.name.clone()
    }
}

/// `table` with every unique under the name it is created under (see [`unique_name`]).
pub fn creatable(table: &Table) -> Table {
    let mut t = table.clone();
    for u in t.uniques.values_mut() {
        u.name = unique_name(&table.name, u);
    }
    t
}

/// `ALTER TABLE t ADD [CONSTRAINT n] CHECK (expr)` (PostgreSQL, MySQL 8.0.16+, MariaDB).
pub fn add_check(backend: Backend, table: &str, check: &Check) -> String {
    let name = if check.name.is_empty() {
        String::new()
    } else {
        format!("CONSTRAINT {} ", backend.ident(&check.name))
    };
    format!(
        "ALTER TABLE {} ADD {name}CHECK ({})",
        backend.ident(table),
        check.expression
    )
}

/// `ALTER TABLE t DROP CONSTRAINT n` (MariaDB takes no `DROP CHECK`; MySQL takes both since
/// 8.0.19). An unnamed check (read from SQLite) cannot be dropped by name: a warning says so.
pub fn drop_check(backend: Backend, table: &str, check: &Check) -> Vec<super::step::Step> {
    use super::step::Step;
    if check.name.is_empty() {
        return vec![Step::Warning(format!(
            "the unnamed check ({}) on {table} has no name to drop it by: drop it by hand",
            check.expression
        ))];
    }
    vec![Step::Raw(format!(
        "ALTER TABLE {} DROP CONSTRAINT {}",
        backend.ident(table),
        backend.ident(&check.name)
    ))]
}

/// For each backend, `sql(backend, create)` where the index has a statement there
/// ([`crate::model::DefinedIndex::sql_for`]: the backend it was read from or, for an index
/// declared on the entity, every backend that can express it); a comment elsewhere.
pub fn defined_index_steps(
    index: &crate::model::DefinedIndex,
    sql: impl Fn(Backend, &str) -> String,
) -> Vec<super::step::Step> {
    use super::step::Step;
    let arms = Backend::ALL
        .into_iter()
        .map(|b| {
            let steps = match index.sql_for(b) {
                Some(create) => vec![Step::Raw(sql(b, create))],
                None => vec![Step::Comment(format!(
                    "index {} is written for {:?}: not created here",
                    index.name, index.backend
                ))],
            };
            (b.db(), steps)
        })
        .collect();
    vec![Step::Match(arms)]
}

/// `DROP INDEX n` (MySQL: `DROP INDEX n ON t`).
pub fn drop_index_sql(backend: Backend, table: &str, name: &str) -> String {
    match backend {
        Backend::MySql => format!(
            "DROP INDEX {} ON {}",
            backend.ident(name),
            backend.ident(table)
        ),
        _ => format!("DROP INDEX {}", backend.ident(name)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A collation name read from a catalog is quoted like every other name.
    #[test]
    fn retype_quotes_a_hostile_collation() {
        let sql = postgres_retype(
            "t",
            "c",
            &ColumnType::Text,
            Using::Assignment,
            Some("x\"; DROP TABLE t; --"),
        );
        assert_eq!(
            sql,
            r#"ALTER TABLE "t" ALTER COLUMN "c" TYPE text COLLATE "x""; DROP TABLE t; --""#
        );
    }
}
