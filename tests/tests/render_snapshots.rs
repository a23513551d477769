//! insta snapshots of whole rendered migration files for a few op mixes (see
//! `tests::render_cases`), and of the SQL their plans run on each backend, up and down.

use autogen::model::apply::apply_all;
use autogen::ops::reverse_all;
use autogen::plan::{plan, sql_for};
use sea_orm::DbBackend;
use tests::render_cases::{RenderCase, cases};

fn case(name: &str) -> RenderCase {
    cases()
        .into_iter()
        .find(|c| c.name == name)
        .expect("known case")
}

/// The SQL of the plan, per backend and direction, as one reviewable text.
fn planned_sql(case: &RenderCase) -> String {
    let ops = case.ops();
    let mut after = case.before.clone();
    apply_all(&mut after, &ops);
    let up = plan(&ops, &case.before);
    let down = plan(&reverse_all(&ops), &after);
    let mut out = String::new();
    for backend in [DbBackend::Postgres, DbBackend::MySql, DbBackend::Sqlite] {
        for (side, steps) in [("up", &up), ("down", &down)] {
            out.push_str(&format!("-- {backend:?} {side}\n"));
            for sql in sql_for(steps, backend) {
                out.push_str(&sql);
                out.push_str(";\n");
            }
            out.push('\n');
        }
    }
    out
}

fn snapshot(name: &str) {
    let case = case(name);
    insta::assert_snapshot!(format!("{name}_file"), case.render());
    insta::assert_snapshot!(format!("{name}_sql"), planned_sql(&case));
}

#[test]
fn create_tables() {
    snapshot("create_tables");
}

#[test]
fn alter_with_rebuild() {
    snapshot("alter_with_rebuild");
}

#[test]
fn foreign_key_change() {
    snapshot("foreign_key_change");
}

#[test]
fn destructive() {
    snapshot("destructive");
}

#[test]
fn hostile_names() {
    snapshot("hostile_names");
}

#[test]
fn column_kinds() {
    snapshot("column_kinds");
}

#[test]
fn computed_columns() {
    snapshot("computed_columns");
}

#[test]
fn concurrent_indexes() {
    snapshot("concurrent_indexes");
    let sql = planned_sql(&case("concurrent_indexes"));
    let postgres_up = sql.split("-- MySql up").next().unwrap();
    assert!(
        postgres_up.contains("CREATE UNIQUE INDEX CONCURRENTLY \"account_handle_key\""),
        "{sql}"
    );
    assert!(
        !sql.split("-- MySql up")
            .nth(1)
            .unwrap()
            .contains("CONCURRENTLY"),
        "MySQL and SQLite are unchanged: {sql}"
    );
    let file = case("concurrent_indexes").render();
    assert!(file.contains("transactional: false,"), "{file}");
    assert!(!file.contains("index_locks_table"), "{file}");
}

#[test]
fn rendering_is_deterministic() {
    for case in cases() {
        assert_eq!(case.render(), case.render(), "{}", case.name);
    }
}
