//! Deferrable foreign keys, which sea-query 1.0 cannot write: PostgreSQL takes the clause on
//! `ADD CONSTRAINT .. FOREIGN KEY` and changes it with `ALTER CONSTRAINT`
//! (<https://www.postgresql.org/docs/15/sql-altertable.html>); SQLite only inside `CREATE
//! TABLE` (<https://www.sqlite.org/foreignkeys.html#fk_deferred>), so a SQLite table with one
//! is created by a statement of its own and changed by the rebuild; MySQL has none (the key
//! is an ordinary one there).

use sea_orm::DbBackend;

use crate::backend::Backend;
use crate::model::{ForeignKey, Table};
use crate::ops::action_sql;

use super::build::{create_table, foreign_key_create};
use super::chain::Statement;
use super::step::Step;

/// Whether `table` has a deferrable foreign key.
pub fn has_deferrable(table: &Table) -> bool {
    table.foreign_keys.values().any(|fk| !fk.deferrable.is_no())
}

/// `table` without its deferrable foreign keys.
fn without_deferrable(table: &Table) -> Table {
    let mut t = table.clone();
    t.foreign_keys.retain(|_, fk| fk.deferrable.is_no());
    t
}

/// PostgreSQL `ALTER TABLE .. ADD CONSTRAINT .. FOREIGN KEY .. DEFERRABLE ..`: sea-query's
/// statement (which ends with its referential actions), then the clause.
pub fn postgres_add(table: &str, fk: &ForeignKey) -> String {
    let add = Statement::CreateForeignKey(foreign_key_create(fk, Some(table)));
    format!("{} {}", add.sql(Backend::Postgres), fk.deferrable.sql())
}

/// PostgreSQL `ALTER TABLE .. ALTER CONSTRAINT name [NOT] DEFERRABLE [INITIALLY ..]`.
pub fn postgres_alter(table: &str, to: &ForeignKey) -> String {
    let pg = Backend::Postgres;
    format!(
        "ALTER TABLE {} ALTER CONSTRAINT {} {}",
        pg.ident(table),
        pg.ident(&to.name),
        to.deferrable.sql()
    )
}

/// The SQLite table-constraint clause of `fk`, with its deferrability.
fn sqlite_clause(fk: &ForeignKey) -> String {
    let lite = Backend::Sqlite;
    let list = |cols: &[String]| {
        cols.iter()
            .map(|c| lite.ident(c))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut clause = format!(
        "FOREIGN KEY ({}) REFERENCES {} ({})",
        list(&fk.columns),
        lite.ident(&fk.ref_table),
        list(&fk.ref_columns)
    );
    for (on, action) in [("DELETE", fk.on_delete), ("UPDATE", fk.on_update)] {
        if action != crate::model::FkAction::NoAction {
            clause.push_str(&format!(" ON {on} {}", action_sql(action)));
        }
    }
    format!("{clause} {}", fk.deferrable.sql())
}

/// SQLite `CREATE TABLE name (..) [options]` for `table`: sea-query's statement when no key
/// is deferrable, else that statement without the deferrable keys, which are written into it
/// as table constraints of our own (SQLite takes table constraints in any order).
pub fn sqlite_create_table(table: &Table, name: &str, options: Vec<String>) -> Vec<Step> {
    let tail = if options.is_empty() {
        String::new()
    } else {
        format!(" {}", options.join(", "))
    };
    let plain = || Step::CreateTable {
        table: table.clone(),
        name: name.to_string(),
        options: options.clone(),
    };
    if !has_deferrable(table) {
        return vec![plain()];
    }
    let sql =
        Statement::CreateTable(create_table(&without_deferrable(table), name)).sql(Backend::Sqlite);
    let Some(body) = sql.strip_suffix(" )") else {
        // sea-query always closes the column list last (no table options on SQLite).
        return vec![
            Step::Warning(format!(
                "the deferrability of the foreign keys of {name:?} could not be written on SQLite"
            )),
            plain(),
        ];
    };
    let clauses: Vec<String> = table
        .foreign_keys
        .values()
        .filter(|fk| !fk.deferrable.is_no())
        .map(sqlite_clause)
        .collect();
    vec![Step::Raw(format!("{body}, {} ){tail}", clauses.join(", ")))]
}

/// `CREATE TABLE` for `table` on every backend when it has a deferrable key: PostgreSQL
/// creates it without those keys and adds them after, SQLite writes them itself, MySQL
/// creates them as ordinary keys. `pg_options` go after PostgreSQL's column list
/// (`PARTITION BY ..`).
pub fn create_table_steps(table: &Table, pg_options: Vec<String>) -> Vec<Step> {
    let name = table.name.clone();
    let mut pg = vec![Step::CreateTable {
        table: without_deferrable(table),
        name: name.clone(),
        options: pg_options,
    }];
    pg.extend(
        table
            .foreign_keys
            .values()
            .filter(|fk| !fk.deferrable.is_no())
            .map(|fk| Step::Raw(postgres_add(&name, fk))),
    );
    vec![Step::Match(vec![
        (DbBackend::Postgres, pg),
        (
            DbBackend::MySql,
            vec![Step::CreateTable {
                table: table.clone(),
                name: name.clone(),
                options: Vec::new(),
            }],
        ),
        (
            DbBackend::Sqlite,
            sqlite_create_table(table, &name, Vec::new()),
        ),
    ])]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Column, ColumnType, Deferrable, FkAction, PrimaryKey};

    fn child() -> Table {
        let mut t = Table::new("c\"x");
        t.columns = vec![
            Column::new("id", ColumnType::Integer),
            Column::new("p", ColumnType::Integer),
        ];
        t.primary_key = Some(PrimaryKey {
            name: None,
            columns: vec!["id".into()],
        });
        t.foreign_keys.insert(
            "p".into(),
            ForeignKey {
                name: "fk\"p".into(),
                columns: vec!["p".into()],
                ref_table: "par\"ent".into(),
                ref_columns: vec!["id".into()],
                on_delete: FkAction::Cascade,
                on_update: FkAction::NoAction,
                deferrable: Deferrable::InitiallyDeferred,
            },
        );
        t
    }

    #[test]
    fn postgres_deferrable_statements_quote_every_name() {
        let t = child();
        let fk = &t.foreign_keys["p"];
        assert_eq!(
            postgres_add("c\"x", fk),
            "ALTER TABLE \"c\"\"x\" ADD CONSTRAINT \"fk\"\"p\" FOREIGN KEY (\"p\") REFERENCES \"par\"\"ent\" (\"id\") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED"
        );
        assert_eq!(
            postgres_alter("c\"x", fk),
            "ALTER TABLE \"c\"\"x\" ALTER CONSTRAINT \"fk\"\"p\" DEFERRABLE INITIALLY DEFERRED"
        );
    }

    #[test]
    fn sqlite_create_table_writes_the_deferrable_clause() {
        let steps = sqlite_create_table(&child(), "_new", Vec::new());
        let [Step::Raw(sql)] = steps.as_slice() else {
            panic!("{steps:?}")
        };
        assert!(
            sql.starts_with("CREATE TABLE \"_new\" ( \"id\" integer"),
            "{sql}"
        );
        assert!(
            sql.ends_with(", FOREIGN KEY (\"p\") REFERENCES \"par\"\"ent\" (\"id\") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED )"),
            "{sql}"
        );
    }
}
