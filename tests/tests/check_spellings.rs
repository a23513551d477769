//! Checks declared in the spellings people write (`IN`, `NOT IN`, `BETWEEN`, a negative bound)
//! check clean after they are created, although PostgreSQL stores them rewritten
//! (`= ANY (ARRAY[..])`, `>= .. AND <= ..`, `'-5'::integer`); a changed bound is still found.

use autogen::EntityDef;
use autogen::metadata::{CheckDef, SchemaExtras};
use tests::Backend;
use tests::roundtrip::RoundTrip;

mod v1 {
    tests::entity!(item, #[sea_orm(table_name = "item")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub status: String,
        pub kind: String,
        pub qty: i32,
        pub delta: i32,
    });
}

mod v2 {
    tests::entity!(item, #[sea_orm(table_name = "item")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub status: String,
        pub kind: String,
        pub qty: i32,
        pub delta: i32,
    });
}

fn checks(qty_max: i32) -> Vec<CheckDef> {
    vec![
        CheckDef::new("item_status", "status IN ('new', 'paid')"),
        CheckDef::new("item_kind", "kind NOT IN ('x')"),
        CheckDef::new("item_qty", format!("qty BETWEEN 1 AND {qty_max}")),
        CheckDef::new("item_delta", "delta > -5"),
    ]
}

impl SchemaExtras for v1::item::Entity {
    fn checks() -> Vec<CheckDef> {
        checks(10)
    }
}

impl SchemaExtras for v2::item::Entity {
    fn checks() -> Vec<CheckDef> {
        checks(20)
    }
}

async fn rewritten_checks_check_clean(backend: Backend) {
    let mut rt = RoundTrip::new(backend, "check_spellings").await;
    rt.step(
        &[EntityDef::with_extras::<v1::item::Entity>()],
        &["add_table"],
    )
    .await;
    // Created as written, read back in the backend's spelling: nothing to do.
    let again = rt
        .step(&[EntityDef::with_extras::<v1::item::Entity>()], &[])
        .await;
    assert!(again.ops.is_empty(), "{backend:?}: {:?}", again.ops);
    // Only the changed bound is a difference (drop + add of that one check).
    let changed = rt
        .step(
            &[EntityDef::with_extras::<v2::item::Entity>()],
            &["drop_check", "add_check"],
        )
        .await;
    assert_eq!(changed.ops.len(), 2, "{backend:?}: {:?}", changed.ops);
}

tests::per_backend!(rewritten_checks_check_clean);
