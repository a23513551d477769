//! Index fidelity end to end: operator classes and per-part collations declared on the entity
//! (PostgreSQL; SQLite's `NOCASE`/`RTRIM`; MySQL has neither and names them in a notice), the
//! indexes of a generated column whose expression changes (dropped with the column by the
//! database, so dropped before it and created again after it, in upgrade and downgrade), and
//! a PostgreSQL-spelled expression index in a file generated on PostgreSQL and run on SQLite
//! (harmless casts dropped, the rest skipped with a notice instead of a failing statement).

use autogen::drift::entities_drift;
use autogen::metadata::{
    EntityDef, IndexDef, IndexMethod, IndexPart, SchemaExtras, desired_schema,
};
use autogen::model::UnmanagedKind;
use sea_orm::DbBackend;
use tests::Backend;
use tests::roundtrip::RoundTrip;

macro_rules! account {
    ($m:ident) => {
        mod $m {
            tests::entity!(account, #[sea_orm(table_name = "account")] {
                #[sea_orm(primary_key)]
                pub id: i32,
                pub email: String,
                pub code: String,
                pub status: String,
                #[sea_orm(column_type = "JsonBinary")]
                pub doc: serde_json::Value,
            });
        }
    };
}

account!(plain);
account!(q1);
account!(q2);
account!(cast);

/// One version's qualified indexes: the pattern operator class, the PostgreSQL collation and
/// the SQLite one change between versions; the GIN operator class does not.
fn qualified(pattern: &str, pg_collation: &str, sqlite_collation: &str) -> Vec<IndexDef> {
    vec![
        IndexDef::on(
            "ix_account_email_pattern",
            vec![IndexPart::column("email").opclass(pattern)],
        ),
        IndexDef::on(
            "ix_account_code_c",
            vec![IndexPart::desc("code").collate(pg_collation)],
        ),
        IndexDef::on(
            "ix_account_code_nocase",
            vec![IndexPart::column("code").collate(sqlite_collation)],
        ),
        IndexDef::on(
            "ix_account_doc",
            vec![IndexPart::column("doc").opclass("jsonb_path_ops")],
        )
        .method(IndexMethod::Gin),
    ]
}

impl SchemaExtras for q1::account::Entity {
    fn indexes() -> Vec<IndexDef> {
        qualified("varchar_pattern_ops", "C", "NOCASE")
    }
}

impl SchemaExtras for q2::account::Entity {
    fn indexes() -> Vec<IndexDef> {
        qualified("text_pattern_ops", "POSIX", "RTRIM")
    }
}

fn created(backend: Backend) -> &'static [&'static str] {
    match backend {
        Backend::Postgres => &[
            "ix_account_code_c",
            "ix_account_doc",
            "ix_account_email_pattern",
        ],
        Backend::Sqlite => &["ix_account_code_nocase"],
        Backend::MySql => &[],
    }
}

#[test]
fn operator_classes_and_collations_where_each_backend_has_them() {
    for backend in Backend::ALL {
        let schema = desired_schema(
            &[EntityDef::with_extras::<q1::account::Entity>()],
            backend.db(),
        );
        let t = &schema.tables["account"];
        let defined: Vec<&str> = t.defined_indexes.keys().map(String::as_str).collect();
        assert_eq!(defined, created(backend), "{backend:?}");
        let notices = schema
            .unmanaged
            .iter()
            .filter(|u| u.kind == UnmanagedKind::Index)
            .count();
        assert_eq!(notices, 4 - created(backend).len(), "{backend:?}");
    }
}

async fn qualified_round_trip(backend: Backend) {
    let mut rt = RoundTrip::new(backend, "ix_qualified").await;
    rt.step(&[EntityDef::of::<plain::account::Entity>()], &["add_table"])
        .await;
    let first = rt
        .step(
            &[EntityDef::with_extras::<q1::account::Entity>()],
            &["add_index"],
        )
        .await;
    assert_eq!(first.ops.len(), created(backend).len(), "{backend:?}");
    let second = rt
        .step(
            &[EntityDef::with_extras::<q2::account::Entity>()],
            &["drop_index", "add_index"],
        )
        .await;
    let changed = if backend == Backend::Postgres { 4 } else { 2 };
    assert_eq!(second.ops.len(), changed, "{backend:?}");
    let schema = rt.schema().await;
    let ix = &schema.tables["account"].defined_indexes;
    if backend == Backend::Postgres {
        assert!(
            ix["ix_account_email_pattern"]
                .sql
                .contains("text_pattern_ops")
        );
        assert!(ix["ix_account_code_c"].sql.contains("POSIX"));
        assert!(ix["ix_account_doc"].sql.contains("jsonb_path_ops"));
    } else {
        assert!(ix["ix_account_code_nocase"].sql.contains("RTRIM"));
    }
}

#[tokio::test]
async fn operator_classes_and_collations_round_trip_on_postgres() {
    qualified_round_trip(Backend::Postgres).await;
}

#[tokio::test]
async fn collations_round_trip_on_sqlite() {
    qualified_round_trip(Backend::Sqlite).await;
}

impl SchemaExtras for cast::account::Entity {
    fn indexes() -> Vec<IndexDef> {
        vec![
            // As `pg_get_indexdef`, and so `pull`, spells them.
            IndexDef::on(
                "ix_account_email_lower",
                vec![IndexPart::expression("lower((email)::text)")],
            )
            .predicate("((status)::text = 'open'::text)"),
            // A cast SQLite cannot be given: the index is not created there.
            IndexDef::on(
                "ix_account_id_text",
                vec![IndexPart::expression("(id)::text")],
            ),
        ]
    }
}

/// A file generated on PostgreSQL with PostgreSQL-spelled expression indexes runs on SQLite:
/// the harmless casts are gone from its SQLite statement, the other index is skipped with a
/// comment in the file, and `check` there is clean (the skipped index is a notice).
#[tokio::test]
async fn postgres_spelled_expression_index_runs_on_sqlite() {
    use autogen::compare::compare;
    use autogen::plan::OpsMigration;
    use autogen::render::{ALL_BACKENDS, RenderInput, render_migration_for};
    use autogen::revision::{NewRevision, RevisionMeta};
    use autogen::runtime::{ConnectOptions, Migrations, Migrator, Revision, RunOptions};

    let entities = [EntityDef::with_extras::<cast::account::Entity>()];
    let desired = desired_schema(&entities, DbBackend::Postgres);
    let ops = compare(&autogen::model::Schema::default(), &desired);
    let source = render_migration_for(
        RenderInput {
            revision: NewRevision {
                id: "r1".into(),
                message: "generated on postgres".into(),
                create_date: "2026-01-01 00:00:00 UTC".into(),
                ..NewRevision::default()
            },
            ops: &ops,
            before: &autogen::model::Schema::default(),
        },
        &ALL_BACKENDS,
    );
    assert!(
        source.contains(r#"ON "account" (lower((email))) WHERE ((status) = 'open')"#),
        "{source}"
    );
    assert!(
        source.contains("index ix_account_id_text is written for Postgres: not created here"),
        "{source}"
    );
    let meta = RevisionMeta {
        id: "r1",
        down_revisions: &[],
        branch_labels: &[],
        depends_on: &[],
        replaces: &[],
        transactional: true,
        message: "generated on postgres",
        create_date: "2026-01-01 00:00:00 UTC",
    };
    let migration = OpsMigration::new("r1", ops, autogen::model::Schema::default());
    let migrations = Migrations::new(vec![Revision::new(meta, migration)]).unwrap();
    let db = tests::TestDb::new(Backend::Sqlite, "ix_cast").await;
    let migrator = Migrator::connect(&db.database_url(), &migrations, &ConnectOptions::default())
        .await
        .unwrap();
    migrator
        .upgrade("head", &RunOptions::default())
        .await
        .unwrap();
    let conn = db.connect().await;
    let drift = entities_drift(&conn, &entities, &Default::default())
        .await
        .unwrap();
    let ops: Vec<String> = drift.ops.iter().map(|op| op.describe()).collect();
    assert!(ops.is_empty(), "{ops:#?}");
    let notices: Vec<String> = drift.notices.iter().map(|n| n.to_string()).collect();
    assert!(
        notices
            .iter()
            .any(|n| n.contains("ix_account_id_text") && n.contains("::text")),
        "{notices:#?}"
    );
    let schema = autogen::drift::current_schema(&conn).await.unwrap().0;
    let names: Vec<&str> = schema.tables["account"]
        .defined_indexes
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(names, ["ix_account_email_lower"]);
    migrator
        .downgrade("base", &RunOptions::default())
        .await
        .unwrap();
}

macro_rules! line {
    ($m:ident, $expr:expr) => {
        mod $m {
            use autogen::metadata::{GeneratedDef, IndexDef, IndexPart, SchemaExtras};

            tests::entity!(line, #[sea_orm(table_name = "line")] {
                #[sea_orm(primary_key)]
                pub id: i32,
                pub price: i32,
                pub qty: i32,
                #[sea_orm(indexed)]
                pub total: i32,
            });

            impl SchemaExtras for line::Entity {
                fn generated() -> Vec<GeneratedDef> {
                    vec![GeneratedDef::stored("total", $expr)]
                }
                fn indexes() -> Vec<IndexDef> {
                    vec![
                        IndexDef::new("ix_line_total_price", &["total", "price"]),
                        IndexDef::new("ux_line_total_id", &["total", "id"]).unique(),
                        IndexDef::on("ix_line_total_desc", vec![IndexPart::desc("total")]),
                        IndexDef::new("ix_line_price", &["price"]),
                    ]
                }
            }
        }
    };
}

line!(g1, "price * qty");
line!(g2, "price * qty + 1");

/// The indexes on a generated column come back after its expression changes (upgrade and
/// downgrade, checked by the round trip), and one not on it is left alone.
async fn generated_column_indexes(backend: Backend) {
    let mut rt = RoundTrip::new(backend, "ix_generated").await;
    rt.step(
        &[EntityDef::with_extras::<g1::line::Entity>()],
        &["add_table", "add_index"],
    )
    .await;
    rt.insert("line", &["price", "qty"], &[&["2", "3"]]).await;
    let s = rt
        .step(
            &[EntityDef::with_extras::<g2::line::Entity>()],
            &[
                "alter_column",
                "drop_index",
                "add_index",
                "drop_unique",
                "add_unique",
            ],
        )
        .await;
    let described: Vec<String> = s.ops.iter().map(|op| op.describe()).collect();
    assert!(
        !described.iter().any(|d| d.contains("ix_line_price")),
        "{backend:?}: {described:#?}"
    );
    // Three indexes and the unique, each dropped and added.
    assert_eq!(s.ops.len(), 1 + 2 * 4, "{backend:?}: {described:#?}");
    let schema = rt.schema().await;
    let t = &schema.tables["line"];
    assert_eq!(t.uniques.len(), 1, "{backend:?}");
    assert!(t.indexes.contains_key("ix_line_total_price"), "{backend:?}");
    assert!(
        t.defined_indexes.contains_key("ix_line_total_desc"),
        "{backend:?}"
    );
}

#[tokio::test]
async fn generated_column_indexes_on_postgres() {
    generated_column_indexes(Backend::Postgres).await;
}

#[tokio::test]
async fn generated_column_indexes_on_mysql() {
    generated_column_indexes(Backend::MySql).await;
}

#[tokio::test]
async fn generated_column_indexes_on_sqlite() {
    generated_column_indexes(Backend::Sqlite).await;
}
