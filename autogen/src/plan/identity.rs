//! PostgreSQL statements that change how an auto-increment column is generated: serial or
//! identity (by default or always), and the step.
//!
//! A serial is an owned sequence and a `nextval` default; an identity keeps its sequence
//! internal. Moving between them drops one and makes the other, then moves the new sequence
//! past the values already in the column, so existing rows never collide with new ones
//! (<https://www.postgresql.org/docs/current/sql-altertable.html>, `ADD GENERATED`).
//! The serial's sequence is found with `pg_get_serial_sequence` (it may not be named
//! `<table>_<column>_seq` after a rename) inside a `DO` block.

use crate::backend::Backend;
use crate::model::{Column, ColumnType, Identity, IdentityKind};

const PG: Backend = Backend::Postgres;

/// The statements that make `from` (an auto-increment column or not) generate as `to` does.
pub fn postgres_identity_change(table: &str, from: &Column, to: &Column) -> Vec<String> {
    let (old, new) = (
        from.auto_increment
            .then(|| from.identity.unwrap_or(Identity::DEFAULT)),
        to.auto_increment
            .then(|| to.identity.unwrap_or(Identity::DEFAULT)),
    );
    let serial = |i: &Option<Identity>| i.is_some_and(|i| i.kind == IdentityKind::Serial);
    let mut out = Vec::new();
    match (old, new) {
        (None, None) => {}
        (Some(a), Some(b)) if a == b => {}
        // Identity to identity: one ALTER COLUMN with each SET that applies.
        (Some(a), Some(b)) if !serial(&old) && !serial(&new) => {
            let mut sets = Vec::new();
            if a.kind != b.kind {
                sets.push(format!("SET GENERATED {}", generated(b.kind)));
            }
            if a.increment != b.increment {
                sets.push(format!("SET INCREMENT BY {}", b.increment.unwrap_or(1)));
            }
            out.push(format!("{} {}", alter(table, &to.name), sets.join(" ")));
        }
        // Serial to serial: only the step can differ.
        (Some(_), Some(b)) if serial(&old) && serial(&new) => {
            out.push(on_serial_sequence(
                table,
                &to.name,
                &format!(
                    "ALTER SEQUENCE %s INCREMENT BY {}",
                    b.increment.unwrap_or(1)
                ),
            ));
        }
        _ => {
            if let Some(a) = old {
                out.extend(drop_generation(table, &from.name, a));
            }
            if let Some(b) = new {
                out.extend(add_generation(table, to, b));
                out.push(restart_past_max(table, &to.name));
            }
        }
    }
    out
}

/// `ALTER TABLE t ALTER COLUMN c`.
fn alter(table: &str, column: &str) -> String {
    format!(
        "ALTER TABLE {} ALTER COLUMN {}",
        PG.ident(table),
        PG.ident(column)
    )
}

fn generated(kind: IdentityKind) -> &'static str {
    if kind == IdentityKind::Always {
        "ALWAYS"
    } else {
        "BY DEFAULT"
    }
}

/// `GENERATED ALWAYS AS IDENTITY (INCREMENT BY 5)`: the identity clause of a column.
pub fn identity_clause(identity: Identity) -> String {
    let step = match identity.increment {
        Some(n) => format!(" (INCREMENT BY {n})"),
        None => String::new(),
    };
    format!("GENERATED {} AS IDENTITY{step}", generated(identity.kind))
}

fn drop_generation(table: &str, column: &str, identity: Identity) -> Vec<String> {
    if identity.kind != IdentityKind::Serial {
        return vec![format!("{} DROP IDENTITY IF EXISTS", alter(table, column))];
    }
    vec![
        format!("{} DROP DEFAULT", alter(table, column)),
        on_serial_sequence(table, column, "DROP SEQUENCE %s"),
    ]
}

fn add_generation(table: &str, column: &Column, identity: Identity) -> Vec<String> {
    if identity.kind != IdentityKind::Serial {
        return vec![format!(
            "{} ADD {}",
            alter(table, &column.name),
            identity_clause(identity)
        )];
    }
    let seq = PG.ident(&format!("{table}_{}_seq", column.name));
    let as_type = match column.col_type {
        ColumnType::SmallInteger => " AS smallint",
        ColumnType::Integer => " AS integer",
        _ => "",
    };
    let step = match identity.increment {
        Some(n) => format!(" INCREMENT BY {n}"),
        None => String::new(),
    };
    vec![
        format!(
            "CREATE SEQUENCE {seq}{as_type}{step} OWNED BY {}.{}",
            PG.ident(table),
            PG.ident(&column.name)
        ),
        format!(
            "{} SET DEFAULT nextval({}::regclass)",
            alter(table, &column.name),
            PG.string(&seq)
        ),
    ]
}

/// Moves the column's sequence past the largest value in it (a `DO` block: a bare `SELECT`
/// would be a query, not a migration statement).
fn restart_past_max(table: &str, column: &str) -> String {
    do_block(&format!(
        "BEGIN PERFORM setval(pg_get_serial_sequence({}, {}), coalesce((SELECT max({}) FROM {}), 0) + 1, false); END",
        PG.string(&PG.ident(table)),
        PG.string(column),
        PG.ident(column),
        PG.ident(table)
    ))
}

/// A `DO` block running `statement` with `%s` replaced by the column's sequence, if it has one.
fn on_serial_sequence(table: &str, column: &str, statement: &str) -> String {
    do_block(&format!(
        "DECLARE s text := pg_get_serial_sequence({}, {}); BEGIN IF s IS NOT NULL THEN EXECUTE format({}, s); END IF; END",
        PG.string(&PG.ident(table)),
        PG.string(column),
        PG.string(statement)
    ))
}

/// `DO $a$ body $a$`, with a dollar-quote tag the body does not contain (names are free text).
fn do_block(body: &str) -> String {
    let mut tag = String::from("$a$");
    while body.contains(&tag) {
        tag.insert(1, 'a');
    }
    format!("DO {tag}{body}{tag}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn col(identity: Option<Identity>) -> Column {
        Column {
            name: "id".into(),
            col_type: ColumnType::Integer,
            nullable: false,
            default: None,
            auto_increment: identity.is_some(),
            identity,
            comment: None,
            renamed_from: None,
            on_update: None,
            collation: None,
            generated: None,
        }
    }

    #[test]
    fn by_default_to_always_is_one_set_generated() {
        let (a, b) = (
            col(Some(Identity::DEFAULT)),
            col(Some(Identity {
                kind: IdentityKind::Always,
                increment: Some(5),
            })),
        );
        assert_eq!(
            postgres_identity_change("t", &a, &b),
            vec![r#"ALTER TABLE "t" ALTER COLUMN "id" SET GENERATED ALWAYS SET INCREMENT BY 5"#]
        );
    }

    #[test]
    fn serial_to_identity_drops_the_sequence_and_moves_past_max() {
        let (a, b) = (
            col(Some(Identity::of(IdentityKind::Serial))),
            col(Some(Identity::DEFAULT)),
        );
        let sql = postgres_identity_change("t", &a, &b);
        assert_eq!(sql.len(), 4, "{sql:?}");
        assert!(sql[0].ends_with("DROP DEFAULT"));
        assert!(sql[1].starts_with("DO $a$") && sql[1].contains("DROP SEQUENCE %s"));
        assert!(sql[2].ends_with("ADD GENERATED BY DEFAULT AS IDENTITY"));
        assert!(sql[3].starts_with("DO $a$BEGIN PERFORM setval("));
        let back = postgres_identity_change("t", &b, &a);
        assert_eq!(
            back[1],
            r#"CREATE SEQUENCE "t_id_seq" AS integer OWNED BY "t"."id""#
        );
        assert_eq!(
            back[2],
            r#"ALTER TABLE "t" ALTER COLUMN "id" SET DEFAULT nextval('"t_id_seq"'::regclass)"#
        );
    }
}
