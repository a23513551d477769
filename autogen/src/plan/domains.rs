//! PostgreSQL domains: `CREATE DOMAIN`, `DROP DOMAIN` and `ALTER DOMAIN`
//! (<https://www.postgresql.org/docs/15/sql-createdomain.html>,
//! <https://www.postgresql.org/docs/15/sql-alterdomain.html>). MySQL and SQLite have none:
//! a column of a domain has its base type there, and these ops are nothing.

use sea_orm::DbBackend;

use crate::backend::Backend;
use crate::model::Domain;
use crate::normalize::checks::canonical;
use crate::ops::Op;

use super::sql::postgres_type;
use super::step::Step;

const PG: Backend = Backend::Postgres;

/// `CREATE DOMAIN "d" AS <base> [COLLATE "c"] [DEFAULT ..] [NOT NULL] [CONSTRAINT "n" CHECK (..)]..`.
pub fn create_sql(d: &Domain) -> String {
    let mut sql = format!(
        "CREATE DOMAIN {} AS {}",
        PG.ident(&d.name),
        postgres_type(&d.base)
    );
    if let Some(c) = &d.collation {
        sql.push_str(&format!(" COLLATE {}", PG.ident(c)));
    }
    if let Some(x) = &d.default {
        sql.push_str(&format!(" DEFAULT {x}"));
    }
    if d.not_null {
        sql.push_str(" NOT NULL");
    }
    for c in d.checks.values() {
        sql.push_str(&format!(
            " CONSTRAINT {} CHECK ({})",
            PG.ident(&c.name),
            c.expression
        ));
    }
    sql
}

/// `DROP DOMAIN "d"`.
pub fn drop_sql(name: &str) -> String {
    format!("DROP DOMAIN {}", PG.ident(name))
}

/// The `ALTER DOMAIN` statements from `from` to `to`: default, `NOT NULL`, then checks
/// (changed ones dropped and added again). A base type or collation change has no statement
/// (its hazard says so).
pub fn alter_sql(from: &Domain, to: &Domain) -> Vec<String> {
    let alter = format!("ALTER DOMAIN {}", PG.ident(&to.name));
    let mut out = Vec::new();
    if from.default != to.default {
        out.push(match &to.default {
            Some(x) => format!("{alter} SET DEFAULT {x}"),
            None => format!("{alter} DROP DEFAULT"),
        });
    }
    if from.not_null != to.not_null {
        let verb = if to.not_null { "SET" } else { "DROP" };
        out.push(format!("{alter} {verb} NOT NULL"));
    }
    let same = |a: &Domain, b: &Domain, key: &str| match (a.checks.get(key), b.checks.get(key)) {
        (Some(x), Some(y)) => canonical(&x.expression) == canonical(&y.expression),
        _ => false,
    };
    for (key, c) in &from.checks {
        if !same(from, to, key) {
            out.push(format!("{alter} DROP CONSTRAINT {}", PG.ident(&c.name)));
        }
    }
    for (key, c) in &to.checks {
        if !same(from, to, key) {
            out.push(format!(
                "{alter} ADD CONSTRAINT {} CHECK ({})",
                PG.ident(&c.name),
                c.expression
            ));
        }
    }
    out
}

/// Steps for `CreateDomain`, `DropDomain` and `AlterDomain`: PostgreSQL only.
pub fn domain_steps(op: &Op) -> Vec<Step> {
    let sql = match op {
        Op::CreateDomain(d) => vec![create_sql(d)],
        Op::DropDomain(d) => vec![drop_sql(&d.name)],
        Op::AlterDomain { from, to } => alter_sql(from, to),
        _ => return Vec::new(),
    };
    if sql.is_empty() {
        return Vec::new();
    }
    vec![Step::OnlyOn(
        DbBackend::Postgres,
        sql.into_iter().map(Step::Raw).collect(),
    )]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Check, ColumnType};

    fn email() -> Domain {
        let mut d = Domain::new("em\"ail", ColumnType::String(Some(80)));
        d.not_null = true;
        d.default = Some("'x@y'".into());
        d.checks.insert(
            "has\"at".into(),
            Check {
                name: "has\"at".into(),
                expression: "VALUE LIKE '%@%'".into(),
            },
        );
        d
    }

    #[test]
    fn create_quotes_every_name() {
        assert_eq!(
            create_sql(&email()),
            "CREATE DOMAIN \"em\"\"ail\" AS varchar(80) DEFAULT 'x@y' NOT NULL CONSTRAINT \"has\"\"at\" CHECK (VALUE LIKE '%@%')"
        );
    }

    #[test]
    fn alter_drops_and_adds_a_changed_check_and_reverses() {
        let from = email();
        let mut to = email();
        to.default = None;
        to.not_null = false;
        to.checks.get_mut("has\"at").unwrap().expression = "VALUE LIKE '%@%.%'".into();
        assert_eq!(
            alter_sql(&from, &to),
            [
                "ALTER DOMAIN \"em\"\"ail\" DROP DEFAULT",
                "ALTER DOMAIN \"em\"\"ail\" DROP NOT NULL",
                "ALTER DOMAIN \"em\"\"ail\" DROP CONSTRAINT \"has\"\"at\"",
                "ALTER DOMAIN \"em\"\"ail\" ADD CONSTRAINT \"has\"\"at\" CHECK (VALUE LIKE '%@%.%')",
            ]
        );
        assert_eq!(
            alter_sql(&to, &from)[..2],
            [
                "ALTER DOMAIN \"em\"\"ail\" SET DEFAULT 'x@y'",
                "ALTER DOMAIN \"em\"\"ail\" SET NOT NULL"
            ]
        );
    }
}
