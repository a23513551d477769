//! `SchemaExtras`: what sea-orm's attributes cannot say, declared in Rust next to the entity
//! and read by `metadata` — plain composite indexes and uniques are compared, other indexes
//! are kept as the backend's statement, and a kind the backend cannot express is listed as
//! a notice rather than dropped.

use autogen::EntityDef;
use autogen::drift::entities_drift;
use autogen::metadata::{CheckDef, EnumDef, IndexDef, IndexMethod, SchemaExtras, desired_schema};
use autogen::model::UnmanagedKind;
use autogen::ops::Op;
use sea_orm::DbBackend;
use tests::{Backend, TestDb};

mod shop {
    tests::entity!(order, #[sea_orm(table_name = "shop_order")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub customer: i32,
        pub placed: i32,
        pub status: String,
        pub total: i32,
    });
}

impl SchemaExtras for shop::order::Entity {
    fn indexes() -> Vec<IndexDef> {
        vec![
            IndexDef::new("ix_order_customer_placed", &["customer", "placed"]),
            IndexDef::new("ux_order_customer_status", &["customer", "status"]).unique(),
            IndexDef::new("ix_order_open", &["placed"]).predicate("status = 'open'"),
            IndexDef::new("ix_order_status_hash", &["status"]).method(IndexMethod::Hash),
        ]
    }
    fn checks() -> Vec<CheckDef> {
        vec![CheckDef::new("total_positive", "total >= 0")]
    }
    fn enum_types() -> Vec<EnumDef> {
        vec![EnumDef::new("order_status", &["open", "paid", "shipped"])]
    }
}

fn entities() -> Vec<EntityDef> {
    vec![EntityDef::with_extras::<shop::order::Entity>()]
}

#[test]
fn metadata_reads_the_extras() {
    for backend in [DbBackend::Postgres, DbBackend::MySql, DbBackend::Sqlite] {
        let schema = desired_schema(&entities(), backend);
        let t = &schema.tables["shop_order"];
        assert_eq!(
            t.indexes["ix_order_customer_placed"].columns,
            ["customer", "placed"]
        );
        assert_eq!(
            t.uniques["customer,status"].name,
            "ux_order_customer_status"
        );
        let kinds: Vec<(UnmanagedKind, &str)> = schema
            .unmanaged
            .iter()
            .map(|u| (u.kind, u.name.as_str()))
            .collect();
        // The partial and the hash index are kept as SQL where the backend can say them
        // (see tests/tests/defined_indexes.rs); elsewhere each is one notice.
        let want: &[(UnmanagedKind, &str)] = match backend {
            DbBackend::Postgres => &[],
            DbBackend::MySql => &[
                (UnmanagedKind::Index, "ix_order_open"),
                (UnmanagedKind::Index, "ix_order_status_hash"),
            ],
            _ => &[(UnmanagedKind::Index, "ix_order_status_hash")],
        };
        assert_eq!(kinds, want, "{backend:?}");
        let defined: Vec<&str> = t.defined_indexes.keys().map(String::as_str).collect();
        let want: &[&str] = match backend {
            DbBackend::Postgres => &["ix_order_open", "ix_order_status_hash"],
            DbBackend::MySql => &[],
            _ => &["ix_order_open"],
        };
        assert_eq!(defined, want, "{backend:?}");
        // A declared enum type is managed on PostgreSQL; MySQL and SQLite have no named types.
        assert_eq!(
            schema.enums.contains_key("order_status"),
            backend == DbBackend::Postgres,
            "{backend:?}"
        );
    }
    // Without opting in, an entity has no extras.
    let plain = EntityDef::of::<shop::order::Entity>();
    assert_eq!(plain.extras(), autogen::metadata::Extras::default());
}

async fn extras_against_a_database(backend: Backend) {
    let db = TestDb::new(backend, "extras").await;
    let conn = db.connect().await;
    let drift = entities_drift(&conn, &entities(), &Default::default())
        .await
        .unwrap();
    let kinds: Vec<&str> = drift.ops.iter().map(Op::kind).collect();
    let (want, notices): (&[&str], usize) = match backend {
        // The declared enum type is created before the table.
        Backend::Postgres => (
            &[
                "create_enum",
                "add_table",
                "add_index",
                "add_index",
                "add_index",
            ],
            0,
        ),
        Backend::MySql => (&["add_table", "add_index"], 2),
        Backend::Sqlite => (&["add_table", "add_index", "add_index"], 1),
    };
    assert_eq!(kinds, want, "{backend:?}");
    assert_eq!(
        drift.notices.len(),
        notices,
        "{backend:?}: {:#?}",
        drift.notices
    );
}

#[tokio::test]
async fn extras_against_postgres() {
    extras_against_a_database(Backend::Postgres).await;
}

#[tokio::test]
async fn extras_against_mysql() {
    extras_against_a_database(Backend::MySql).await;
}

#[tokio::test]
async fn extras_against_sqlite() {
    extras_against_a_database(Backend::Sqlite).await;
}
