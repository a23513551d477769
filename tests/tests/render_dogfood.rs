//! The dogfood migrations in `migration/src/versions/` are exactly what today's planner and
//! renderer produce from the entities, on every backend; and with the cli binary, `upgrade`
//! then `check` exits 0 on every backend.

use autogen::EntityDef;
use autogen::drift::entities_drift;
use autogen::plan::{execute, plan};
use autogen::render::{RenderInput, render_migration};
use autogen::revision::NewRevision;
use sea_orm_migration::SchemaManager;
use std::process::Command;

use tests::process::cli_bin;
use tests::{Backend, TestDb};

const FIRST: &str =
    include_str!("../../migration/src/versions/75a0c80e6bb5_create_user_and_product.rs");
const SECOND: &str = include_str!("../../migration/src/versions/680c9dba15ef_add_order.rs");

fn revision(id: &str, parents: &[&str], message: &str, date: &str) -> NewRevision {
    NewRevision {
        id: id.into(),
        down_revisions: parents.iter().map(|p| p.to_string()).collect(),
        message: message.into(),
        create_date: date.into(),
        ..NewRevision::default()
    }
}

async fn regenerates_dogfood(backend: Backend) {
    let db = TestDb::new(backend, "dogfood").await;
    let conn = db.connect().await;
    let first_entities = [
        EntityDef::of::<entity::user::Entity>(),
        EntityDef::of::<entity::product::Entity>(),
    ];

    // Revision 1: user and product from an empty database.
    let drift = entities_drift(&conn, &first_entities, &Default::default())
        .await
        .unwrap();
    let source = render_migration(RenderInput {
        revision: revision(
            "75a0c80e6bb5",
            &[],
            "create user and product",
            "2026-11-21 17:25:46 UTC",
        ),
        ops: &drift.ops,
        before: &drift.base,
    });
    assert_eq!(source, FIRST, "{backend:?}: first dogfood revision");
    execute(&plan(&drift.ops, &drift.base), &SchemaManager::new(&conn))
        .await
        .unwrap();

    // Revision 2: order, on top of revision 1.
    let drift = entities_drift(&conn, &entity::all(), &Default::default())
        .await
        .unwrap();
    let source = render_migration(RenderInput {
        revision: revision(
            "680c9dba15ef",
            &["75a0c80e6bb5"],
            "add order",
            "2026-11-21 17:25:50 UTC",
        ),
        ops: &drift.ops,
        before: &drift.base,
    });
    assert_eq!(source, SECOND, "{backend:?}: second dogfood revision");
}

/// `cli upgrade` then `cli check`: the files bring a fresh database in line with the entities.
async fn upgrade_then_check(backend: Backend) {
    let db = TestDb::new(backend, "dogfood_cli").await;
    for (args, code) in [
        (&["upgrade"][..], 0),
        (&["check"][..], 0),
        (&["downgrade", "base"][..], 0),
        (&["check"][..], 1),
    ] {
        let out = Command::new(cli_bin())
            .args(args)
            .arg("--database-url")
            .arg(&db.url)
            .output()
            .expect("run cli");
        assert_eq!(
            out.status.code(),
            Some(code),
            "{backend:?}: cli {args:?}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[tokio::test]
async fn postgres_upgrade_then_check() {
    upgrade_then_check(Backend::Postgres).await;
}

#[tokio::test]
async fn mysql_upgrade_then_check() {
    upgrade_then_check(Backend::MySql).await;
}

#[tokio::test]
async fn sqlite_upgrade_then_check() {
    upgrade_then_check(Backend::Sqlite).await;
}

#[tokio::test]
async fn postgres_regenerates_dogfood() {
    regenerates_dogfood(Backend::Postgres).await;
}

#[tokio::test]
async fn mysql_regenerates_dogfood() {
    regenerates_dogfood(Backend::MySql).await;
}

#[tokio::test]
async fn sqlite_regenerates_dogfood() {
    regenerates_dogfood(Backend::Sqlite).await;
}
