//! A declared [`IndexDef`] on one backend: a plain index the column model compares, the
//! `CREATE INDEX` statement of that backend's dialect (a [`DefinedIndex`]), or the reason the
//! backend cannot express it.
//!
//! The statement is written the way the backend's catalog prints it back where that is cheap
//! (PostgreSQL: `USING <method>`, default null ordering left out), and compared with what
//! introspection reads by canonical form ([`crate::normalize::indexes::canonical_index`]).
//! Every name goes through [`Backend::ident`]; expressions and predicates are SQL the entity
//! wrote, kept as they are.

use std::collections::BTreeSet;

use super::extras::{IndexDef, IndexMethod, IndexPart};
use super::portable_sql::for_sqlite;
use crate::backend::Backend;
use crate::model::DefinedIndex;

/// What a declared index is on one backend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OnBackend {
    /// Columns only, in the backend's default order and method: a plain index or unique.
    Plain(Vec<String>),
    /// An index kept as its statement.
    Defined(DefinedIndex),
    /// The backend cannot express it; the reason, for a one-line notice.
    Cannot(String),
}

/// `ix` on `table` as `backend` sees it. A defined index carries the statements of the
/// other backends that can express it too, so that a file generated here creates it there.
pub fn index_on(ix: &IndexDef, table: &str, backend: Backend) -> OnBackend {
    index_on_table(ix, table, &BTreeSet::new(), backend)
}

/// [`index_on`], knowing the table's string columns (`text_columns`): a PostgreSQL cast to
/// text on one of them is left out of the SQLite statement ([`super::portable_sql`]).
pub fn index_on_table(
    ix: &IndexDef,
    table: &str,
    text_columns: &BTreeSet<String>,
    backend: Backend,
) -> OnBackend {
    if let Some(columns) = plain_columns(ix, backend) {
        return OnBackend::Plain(columns);
    }
    match statement(ix, table, text_columns, backend) {
        Ok(sql) => {
            let mut index = DefinedIndex::read(ix.name.clone(), backend, sql);
            for other in Backend::ALL.into_iter().filter(|b| *b != backend) {
                if let Ok(sql) = statement(ix, table, text_columns, other) {
                    index.elsewhere.insert(other, sql);
                }
            }
            OnBackend::Defined(index)
        }
        Err(reason) => OnBackend::Cannot(format!("{reason}: cannot be created on {backend}")),
    }
}

/// Whether nulls sort first in ascending order: PostgreSQL sorts them as larger than any
/// value, MySQL and SQLite as smaller
/// (<https://www.postgresql.org/docs/current/indexes-ordering.html>,
/// <https://www.sqlite.org/datatype3.html#sort_order>).
fn nulls_first_when_ascending(backend: Backend) -> bool {
    backend != Backend::Postgres
}

/// The column of a part in the backend's default order, if it is one.
fn plain_part(part: &IndexPart, backend: Backend) -> Option<&str> {
    match part {
        IndexPart::Column(c) => Some(c),
        IndexPart::Ordered {
            column,
            desc: false,
            nulls_first,
        } if nulls_first.is_none_or(|f| f == nulls_first_when_ascending(backend)) => Some(column),
        _ => None,
    }
}

/// The column names, if `ix` is a plain index on `backend` (columns only, in default order,
/// default method, no predicate, no `INCLUDE`, nulls distinct).
fn plain_columns(ix: &IndexDef, backend: Backend) -> Option<Vec<String>> {
    if ix.method.is_some()
        || ix.predicate.is_some()
        || !ix.include.is_empty()
        || ix.nulls_not_distinct
        || ix.parts.is_empty()
    {
        return None;
    }
    ix.parts
        .iter()
        .map(|p| plain_part(p, backend).map(str::to_owned))
        .collect()
}

/// The `CREATE INDEX` statement of `ix` in `backend`'s dialect, or what it cannot say.
pub fn index_statement(ix: &IndexDef, table: &str, backend: Backend) -> Result<String, String> {
    statement(ix, table, &BTreeSet::new(), backend)
}

fn statement(
    ix: &IndexDef,
    table: &str,
    text_columns: &BTreeSet<String>,
    backend: Backend,
) -> Result<String, String> {
    if ix.parts.is_empty() {
        return Err("an index with no part".into());
    }
    let parts = ix
        .parts
        .iter()
        .map(|p| part_sql(p, backend))
        .collect::<Result<Vec<_>, _>>()?
        .join(", ");
    let (name, on) = (backend.ident(&ix.name), backend.ident(table));
    match backend {
        Backend::Postgres => postgres(ix, &name, &on, &parts),
        Backend::MySql => mysql(ix, &name, &on, &parts),
        Backend::Sqlite => sqlite(ix, &name, &on, &parts, text_columns),
    }
}

/// PostgreSQL: `CREATE [UNIQUE] INDEX n ON t USING m (..) [INCLUDE (..)] [NULLS NOT
/// DISTINCT] [WHERE ..]`, the order `pg_get_indexdef` prints
/// (<https://www.postgresql.org/docs/current/sql-createindex.html>).
fn postgres(ix: &IndexDef, name: &str, on: &str, parts: &str) -> Result<String, String> {
    let method = match ix.method {
        None => "btree",
        Some(IndexMethod::Gin) => "gin",
        Some(IndexMethod::Gist) => "gist",
        Some(IndexMethod::Brin) => "brin",
        Some(IndexMethod::Hash) => "hash",
        Some(IndexMethod::FullText) => return Err("a FULLTEXT index (MySQL's)".into()),
        Some(IndexMethod::Spatial) => return Err("a SPATIAL index (MySQL's)".into()),
    };
    // Only B-tree indexes can be unique; INCLUDE is for B-tree and GiST.
    if ix.unique && method != "btree" {
        return Err(format!("a unique {method} index"));
    }
    if !ix.include.is_empty() && !matches!(method, "btree" | "gist") {
        return Err(format!("INCLUDE on a {method} index"));
    }
    if ix.nulls_not_distinct && !ix.unique {
        return Err("NULLS NOT DISTINCT on an index that is not unique".into());
    }
    let mut sql = format!(
        "CREATE {}INDEX {name} ON {on} USING {method} ({parts})",
        unique(ix)
    );
    if !ix.include.is_empty() {
        let include: Vec<String> = ix
            .include
            .iter()
            .map(|c| Backend::Postgres.ident(c))
            .collect();
        sql.push_str(&format!(" INCLUDE ({})", include.join(", ")));
    }
    if ix.nulls_not_distinct {
        sql.push_str(" NULLS NOT DISTINCT");
    }
    push_predicate(&mut sql, ix);
    Ok(sql)
}

/// MySQL and MariaDB: `CREATE [UNIQUE|FULLTEXT|SPATIAL] INDEX n ON t (..)`. No partial or
/// expression indexes (MariaDB has none; MySQL's functional indexes are read, not managed),
/// no `INCLUDE`, and InnoDB silently builds a B-tree for `USING HASH`.
fn mysql(ix: &IndexDef, name: &str, on: &str, parts: &str) -> Result<String, String> {
    let kind = match ix.method {
        None if ix.unique => "UNIQUE ",
        None => "",
        Some(IndexMethod::FullText) if !ix.unique => "FULLTEXT ",
        Some(IndexMethod::Spatial) if !ix.unique => "SPATIAL ",
        Some(IndexMethod::FullText | IndexMethod::Spatial) => {
            return Err("a unique FULLTEXT or SPATIAL index".into());
        }
        Some(m) => return Err(format!("a {} index", label(m))),
    };
    if ix.predicate.is_some() {
        return Err("a partial index (WHERE)".into());
    }
    if !ix.include.is_empty() {
        return Err("INCLUDE columns".into());
    }
    if ix.nulls_not_distinct {
        return Err("NULLS NOT DISTINCT".into());
    }
    Ok(format!("CREATE {kind}INDEX {name} ON {on} ({parts})"))
}

/// SQLite: `CREATE [UNIQUE] INDEX n ON t (..) [WHERE ..]`; one method, no `INCLUDE`, and
/// no PostgreSQL spelling ([`for_sqlite`]).
fn sqlite(
    ix: &IndexDef,
    name: &str,
    on: &str,
    parts: &str,
    text_columns: &BTreeSet<String>,
) -> Result<String, String> {
    if let Some(m) = ix.method {
        return Err(format!("a {} index", label(m)));
    }
    if !ix.include.is_empty() {
        return Err("INCLUDE columns".into());
    }
    if ix.nulls_not_distinct {
        return Err("NULLS NOT DISTINCT".into());
    }
    let parts = for_sqlite(parts, text_columns)?;
    let mut sql = format!("CREATE {}INDEX {name} ON {on} ({parts})", unique(ix));
    if let Some(p) = &ix.predicate {
        sql.push_str(&format!(" WHERE {}", for_sqlite(p, text_columns)?));
    }
    Ok(sql)
}

fn label(m: IndexMethod) -> &'static str {
    match m {
        IndexMethod::Gin => "GIN",
        IndexMethod::Gist => "GiST",
        IndexMethod::Brin => "BRIN",
        IndexMethod::Hash => "hash",
        IndexMethod::FullText => "FULLTEXT",
        IndexMethod::Spatial => "SPATIAL",
    }
}

fn unique(ix: &IndexDef) -> &'static str {
    if ix.unique { "UNIQUE " } else { "" }
}

fn push_predicate(sql: &mut String, ix: &IndexDef) {
    if let Some(p) = &ix.predicate {
        sql.push_str(&format!(" WHERE {p}"));
    }
}

/// One indexed part. A null ordering equal to the backend's default is left out (PostgreSQL
/// does not print it back); MySQL and SQLite cannot say another one. A collation and an
/// operator class go between the column or expression and its order, as PostgreSQL writes
/// them (<https://www.postgresql.org/docs/current/sql-createindex.html>).
fn part_sql(part: &IndexPart, backend: Backend) -> Result<String, String> {
    let IndexPart::Qualified {
        part,
        collate,
        opclass,
    } = part
    else {
        let (base, order) = base_and_order(part, backend)?;
        return Ok(base + &order);
    };
    let (mut sql, order) = base_and_order(part, backend)?;
    if let Some(name) = collate {
        sql.push_str(&collate_sql(name, backend)?);
    }
    if let Some(name) = opclass {
        if backend != Backend::Postgres {
            return Err(format!("an operator class ({name}, PostgreSQL's)"));
        }
        sql.push(' ');
        sql.push_str(&backend.ident(name));
    }
    Ok(sql + &order)
}

/// SQLite's built-in collations (<https://www.sqlite.org/datatype3.html#collation>); a name
/// an application registers at run time is not known here.
const SQLITE_COLLATIONS: [&str; 3] = ["binary", "nocase", "rtrim"];

/// ` COLLATE <name>`: any name on PostgreSQL but SQLite's, only SQLite's on SQLite (either
/// would fail to create on the other), none on MySQL, whose index parts take no collation.
fn collate_sql(name: &str, backend: Backend) -> Result<String, String> {
    let sqlite_own = SQLITE_COLLATIONS.contains(&name.to_ascii_lowercase().as_str());
    match backend {
        Backend::Postgres if sqlite_own => Err(format!("the collation {name} (SQLite's)")),
        Backend::Sqlite if !sqlite_own => Err(format!(
            "the collation {name} (SQLite knows BINARY, NOCASE and RTRIM)"
        )),
        Backend::MySql => Err(format!("a COLLATE {name} on an index part")),
        _ => Ok(format!(" COLLATE {}", backend.ident(name))),
    }
}

/// A part's column or expression, and its order (` DESC`, ` NULLS FIRST`, or nothing).
fn base_and_order(part: &IndexPart, backend: Backend) -> Result<(String, String), String> {
    match part {
        IndexPart::Column(c) => Ok((backend.ident(c), String::new())),
        IndexPart::Ordered {
            column,
            desc,
            nulls_first,
        } => {
            let mut order = String::new();
            if *desc {
                order.push_str(" DESC");
            }
            let default_first = nulls_first_when_ascending(backend) != *desc;
            match nulls_first {
                Some(first) if *first != default_first => {
                    if backend != Backend::Postgres {
                        return Err(format!("NULLS FIRST/LAST on {column}"));
                    }
                    order.push_str(if *first {
                        " NULLS FIRST"
                    } else {
                        " NULLS LAST"
                    });
                }
                _ => {}
            }
            Ok((backend.ident(column), order))
        }
        IndexPart::Expression(e) => match backend {
            // An expression other than a function call needs its own parentheses.
            Backend::Postgres => Ok((format!("({e})"), String::new())),
            Backend::Sqlite => Ok((e.clone(), String::new())),
            Backend::MySql => Err(format!("an expression index part ({e})")),
        },
        IndexPart::Prefix { column, length } => match backend {
            Backend::MySql => Ok((
                format!("{}({length})", backend.ident(column)),
                String::new(),
            )),
            _ => Err(format!("a prefix length on {column} (MySQL's)")),
        },
        IndexPart::Qualified { .. } => Err("a collation or operator class given twice".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sql(ix: &IndexDef, backend: Backend) -> Result<String, String> {
        index_statement(ix, "t", backend)
    }

    #[test]
    fn each_dialect() {
        let ix = IndexDef::on("ix_email", vec![IndexPart::expression("lower(email)")])
            .predicate("deleted IS NULL");
        assert_eq!(
            sql(&ix, Backend::Postgres).unwrap(),
            r#"CREATE INDEX "ix_email" ON "t" USING btree ((lower(email))) WHERE deleted IS NULL"#
        );
        assert_eq!(
            sql(&ix, Backend::Sqlite).unwrap(),
            r#"CREATE INDEX "ix_email" ON "t" (lower(email)) WHERE deleted IS NULL"#
        );
        assert!(sql(&ix, Backend::MySql).unwrap_err().contains("expression"));

        let ix = IndexDef::on(
            "ix_o",
            vec![
                IndexPart::desc("a"),
                IndexPart::column("b").nulls_first(true),
                IndexPart::desc("c").nulls_first(false),
            ],
        );
        assert_eq!(
            sql(&ix, Backend::Postgres).unwrap(),
            r#"CREATE INDEX "ix_o" ON "t" USING btree ("a" DESC, "b" NULLS FIRST, "c" DESC NULLS LAST)"#
        );
        // MySQL and SQLite sort nulls first ascending and last descending: that is all they say.
        assert_eq!(
            sql(&ix, Backend::Sqlite).unwrap(),
            r#"CREATE INDEX "ix_o" ON "t" ("a" DESC, "b", "c" DESC)"#
        );
        let ft = IndexDef::on(
            "ft",
            vec![IndexPart::column("title"), IndexPart::column("body")],
        )
        .method(IndexMethod::FullText);
        assert_eq!(
            sql(&ft, Backend::MySql).unwrap(),
            "CREATE FULLTEXT INDEX `ft` ON `t` (`title`, `body`)"
        );
        assert!(sql(&ft, Backend::Sqlite).is_err());
        let prefix = IndexDef::on("p", vec![IndexPart::prefix("name", 10)]).unique();
        assert_eq!(
            sql(&prefix, Backend::MySql).unwrap(),
            "CREATE UNIQUE INDEX `p` ON `t` (`name`(10))"
        );
        let nnd = IndexDef::new("u", &["a"])
            .unique()
            .include(&["b"])
            .nulls_not_distinct();
        assert_eq!(
            sql(&nnd, Backend::Postgres).unwrap(),
            r#"CREATE UNIQUE INDEX "u" ON "t" USING btree ("a") INCLUDE ("b") NULLS NOT DISTINCT"#
        );
        assert!(sql(&nnd, Backend::MySql).unwrap_err().contains("INCLUDE"));
    }

    #[test]
    fn collations_and_operator_classes() {
        let ix = IndexDef::on(
            "ix",
            vec![
                IndexPart::column("name").opclass("text_pattern_ops"),
                IndexPart::desc("code").collate("C"),
            ],
        );
        assert_eq!(
            sql(&ix, Backend::Postgres).unwrap(),
            r#"CREATE INDEX "ix" ON "t" USING btree ("name" "text_pattern_ops", "code" COLLATE "C" DESC)"#
        );
        assert!(
            sql(&ix, Backend::Sqlite)
                .unwrap_err()
                .contains("operator class")
        );
        assert!(
            sql(&ix, Backend::MySql)
                .unwrap_err()
                .contains("operator class")
        );
        let gin = IndexDef::on(
            "g",
            vec![IndexPart::column("doc").opclass("jsonb_path_ops")],
        )
        .method(IndexMethod::Gin);
        assert_eq!(
            sql(&gin, Backend::Postgres).unwrap(),
            r#"CREATE INDEX "g" ON "t" USING gin ("doc" "jsonb_path_ops")"#
        );
        let nocase = IndexDef::on("n", vec![IndexPart::column("name").collate("NOCASE")]);
        assert_eq!(
            sql(&nocase, Backend::Sqlite).unwrap(),
            r#"CREATE INDEX "n" ON "t" ("name" COLLATE "NOCASE")"#
        );
        // Each backend's collation names fail on the other; MySQL has no index collation.
        assert!(
            sql(&nocase, Backend::Postgres)
                .unwrap_err()
                .contains("SQLite")
        );
        assert!(
            sql(&nocase, Backend::MySql)
                .unwrap_err()
                .contains("COLLATE")
        );
        let c = IndexDef::on("c", vec![IndexPart::column("name").collate("C")]);
        assert!(sql(&c, Backend::Sqlite).unwrap_err().contains("NOCASE"));
        // A qualified part is never plain, and hostile names stay quoted.
        assert!(matches!(
            index_on(&c, "t", Backend::Postgres),
            OnBackend::Defined(_)
        ));
        let hostile = IndexDef::on(
            "h",
            vec![
                IndexPart::column("a")
                    .collate("x\"; DROP TABLE t; --")
                    .opclass("o\"p"),
            ],
        );
        assert_eq!(
            sql(&hostile, Backend::Postgres).unwrap(),
            r#"CREATE INDEX "h" ON "t" USING btree ("a" COLLATE "x""; DROP TABLE t; --" "o""p")"#
        );
    }

    #[test]
    fn names_are_escaped() {
        let ix = IndexDef::on("i\"x`", vec![IndexPart::desc("c\"ol`")]);
        assert_eq!(
            index_statement(&ix, "t\"`", Backend::Postgres).unwrap(),
            r#"CREATE INDEX "i""x`" ON "t""`" USING btree ("c""ol`" DESC)"#
        );
        assert_eq!(
            index_statement(&ix, "t\"`", Backend::MySql).unwrap(),
            "CREATE INDEX `i\"x``` ON `t\"``` (`c\"ol``` DESC)"
        );
    }

    #[test]
    fn plain_or_defined_or_cannot() {
        let asc = IndexDef::on("i", vec![IndexPart::column("a").nulls_first(true)]);
        // Ascending with nulls first is the default order on MySQL and SQLite only.
        assert_eq!(
            index_on(&asc, "t", Backend::Sqlite),
            OnBackend::Plain(vec!["a".into()])
        );
        let OnBackend::Defined(pg) = index_on(&asc, "t", Backend::Postgres) else {
            panic!("defined on PostgreSQL");
        };
        assert_eq!(pg.elsewhere.len(), 2);
        let gin = IndexDef::new("g", &["tags"]).method(IndexMethod::Gin);
        let OnBackend::Cannot(why) = index_on(&gin, "t", Backend::Sqlite) else {
            panic!("GIN is PostgreSQL's");
        };
        assert!(why.contains("GIN") && why.contains("sqlite"), "{why}");
        let OnBackend::Defined(pg) = index_on(&gin, "t", Backend::Postgres) else {
            panic!("defined on PostgreSQL");
        };
        assert!(pg.elsewhere.is_empty());
        assert!(matches!(
            index_on(&IndexDef::new("e", &[]), "t", Backend::Postgres),
            OnBackend::Cannot(_)
        ));
    }
}
