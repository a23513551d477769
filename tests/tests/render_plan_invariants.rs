//! Structural laws of plans, over many generated schema pairs (no database): building every
//! statement for every backend never panics in sea-query, SQLite is never handed a statement
//! it cannot run (it rebuilds instead), MySQL never gets `DROP INDEX IF EXISTS`, and rendering
//! is deterministic.

use autogen::compare::compare;
use autogen::model::Schema;
use autogen::model::apply::apply_all;
use autogen::normalize::normalize;
use autogen::ops::reverse_all;
use autogen::plan::{Step, plan, sql_for, statements_for};
use autogen::render::{RenderInput, render_migration};
use autogen::revision::NewRevision;
use sea_orm::DbBackend;
use tests::schema_fuzz::{Rng, version};

const BACKENDS: [DbBackend; 3] = [DbBackend::Postgres, DbBackend::MySql, DbBackend::Sqlite];

/// Pairs of consecutive generated versions, normalized for `backend`.
fn pairs(backend: DbBackend, seeds: std::ops::Range<u64>) -> Vec<(Schema, Schema)> {
    let mut out = Vec::new();
    for seed in seeds {
        let mut rng = Rng::new(seed);
        let mut previous = Schema::default();
        for _ in 0..4 {
            let next = version(&mut rng, &previous);
            out.push((normalize(backend, &previous), normalize(backend, &next)));
            previous = next;
        }
    }
    out
}

/// The laws for one plan.
fn check(steps: &[Step], context: &str) {
    for backend in BACKENDS {
        // Every statement builds (sea-query panics on what a backend cannot express).
        let sql = sql_for(steps, backend);
        assert!(sql.iter().all(|s| !s.is_empty()), "{context}");
    }
    for step in statements_for(steps, DbBackend::Sqlite) {
        assert!(
            !matches!(
                step,
                Step::ModifyColumn { .. }
                    | Step::AlterColumnParts { .. }
                    | Step::AddForeignKey { .. }
                    | Step::DropForeignKey { .. }
            ),
            "{context}: SQLite gets {step:?}"
        );
    }
    for sql in sql_for(steps, DbBackend::MySql) {
        assert!(
            !(sql.contains("DROP INDEX") && sql.contains("IF EXISTS")),
            "{context}: {sql}"
        );
    }
}

#[test]
fn plans_build_on_every_backend() {
    let mut plans = 0;
    for backend in BACKENDS {
        for (i, (before, desired)) in pairs(backend, 0..60).into_iter().enumerate() {
            let ops = compare(&before, &desired);
            let mut after = before.clone();
            apply_all(&mut after, &ops);
            check(&plan(&ops, &before), &format!("{backend:?} pair {i} up"));
            check(
                &plan(&reverse_all(&ops), &after),
                &format!("{backend:?} pair {i} down"),
            );
            plans += 2;
        }
    }
    assert!(plans >= 1000);
}

#[test]
fn rendering_is_deterministic() {
    for (i, (before, desired)) in pairs(DbBackend::Sqlite, 0..5).into_iter().enumerate() {
        let ops = compare(&before, &desired);
        let render = || {
            render_migration(RenderInput {
                revision: NewRevision {
                    id: format!("r{i}"),
                    message: "generated".into(),
                    create_date: "2026-01-01 00:00:00 UTC".into(),
                    ..NewRevision::default()
                },
                ops: &ops,
                before: &before,
            })
        };
        assert_eq!(render(), render(), "pair {i}");
    }
}
