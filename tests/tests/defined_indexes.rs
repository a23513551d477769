//! Indexes the column model cannot express, declared on the entity (`SchemaExtras`), end to
//! end on each backend: the round-trip property (autogenerate, upgrade, autogenerate =
//! nothing, downgrade = the snapshot) for an expression index whose expression changes, a
//! partial index whose predicate changes, sort order with `NULLS LAST`, PostgreSQL GIN,
//! `INCLUDE` and `NULLS NOT DISTINCT`, MySQL `FULLTEXT` and prefix lengths. What a backend
//! cannot express is one notice naming the index and the backend, and nothing is created. A
//! file generated on PostgreSQL creates the indexes on SQLite and MySQL in their dialects.

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
                pub status: String,
                pub created: i32,
                #[sea_orm(column_type = "Text")]
                pub body: String,
            });
        }
    };
}

account!(plain);
account!(v1);
account!(v2);

/// The indexes of one version: `expr` is the expression index's function, `status` the
/// partial index's predicate value, `prefix` the MySQL prefix length.
fn indexes(expr: &str, status: &str, prefix: u32) -> Vec<IndexDef> {
    vec![
        IndexDef::on(
            "ix_account_email_fn",
            vec![IndexPart::expression(format!("{expr}(email)"))],
        ),
        IndexDef::new("ix_account_open", &["created"]).predicate(format!("status = '{status}'")),
        IndexDef::on(
            "ix_account_recent",
            vec![
                IndexPart::desc("created").nulls_first(false),
                IndexPart::column("id"),
            ],
        ),
        IndexDef::on(
            "ix_account_body_gin",
            vec![IndexPart::expression("to_tsvector('english', body)")],
        )
        .method(IndexMethod::Gin),
        IndexDef::new("ux_account_email", &["email"])
            .unique()
            .include(&["status"])
            .nulls_not_distinct(),
        IndexDef::new("ft_account_body", &["body", "status"]).method(IndexMethod::FullText),
        IndexDef::on(
            "ix_account_email_prefix",
            vec![IndexPart::prefix("email", prefix)],
        ),
    ]
}

impl SchemaExtras for v1::account::Entity {
    fn indexes() -> Vec<IndexDef> {
        indexes("lower", "open", 10)
    }
}

impl SchemaExtras for v2::account::Entity {
    fn indexes() -> Vec<IndexDef> {
        indexes("upper", "closed", 12)
    }
}

/// The indexes each backend creates; the others are notices.
fn created(backend: Backend) -> &'static [&'static str] {
    match backend {
        Backend::Postgres => &[
            "ix_account_body_gin",
            "ix_account_email_fn",
            "ix_account_open",
            "ix_account_recent",
            "ux_account_email",
        ],
        Backend::MySql => &[
            "ft_account_body",
            "ix_account_email_prefix",
            "ix_account_recent",
        ],
        Backend::Sqlite => &[
            "ix_account_email_fn",
            "ix_account_open",
            "ix_account_recent",
        ],
    }
}

#[test]
fn each_backend_creates_what_it_can_express_and_names_the_rest() {
    for backend in Backend::ALL {
        let schema = desired_schema(
            &[EntityDef::with_extras::<v1::account::Entity>()],
            backend.db(),
        );
        let t = &schema.tables["account"];
        let defined: Vec<&str> = t.defined_indexes.keys().map(String::as_str).collect();
        assert_eq!(defined, created(backend), "{backend:?}");
        let notices: Vec<String> = schema
            .unmanaged
            .iter()
            .filter(|u| u.kind == UnmanagedKind::Index)
            .map(|u| u.to_string())
            .collect();
        assert_eq!(
            notices.len(),
            7 - created(backend).len(),
            "{backend:?}: {notices:#?}"
        );
        for n in &notices {
            assert!(
                n.contains(&format!("cannot be created on {}", backend.name()))
                    && !n.contains('\n'),
                "{n}"
            );
        }
        // Every index carries the statements of the other backends that can express it.
        let recent = &t.defined_indexes["ix_account_recent"];
        for other in Backend::ALL {
            assert!(recent.sql_for(other).is_some(), "{backend:?} → {other:?}");
        }
    }
}

/// Plain table, then the v1 indexes, then v2 (each changed index is a drop and an add).
async fn round_trip(backend: Backend) {
    let mut rt = RoundTrip::new(backend, "defined_indexes").await;
    rt.step(&[EntityDef::of::<plain::account::Entity>()], &["add_table"])
        .await;
    let first = rt
        .step(
            &[EntityDef::with_extras::<v1::account::Entity>()],
            &["add_index"],
        )
        .await;
    assert_eq!(first.ops.len(), created(backend).len(), "{backend:?}");
    let second = rt
        .step(
            &[EntityDef::with_extras::<v2::account::Entity>()],
            &["drop_index", "add_index"],
        )
        .await;
    // PostgreSQL and SQLite: the expression and the predicate; MySQL: the prefix length.
    let changed = if backend == Backend::MySql { 2 } else { 4 };
    assert_eq!(second.ops.len(), changed, "{backend:?}");
    // What the catalog holds is what was declared.
    let schema = rt.schema().await;
    let ix = &schema.tables["account"].defined_indexes;
    let names: Vec<&str> = ix.keys().map(String::as_str).collect();
    assert_eq!(names, created(backend), "{backend:?}");
    if backend != Backend::MySql {
        let sql = ix["ix_account_email_fn"].sql.to_lowercase();
        assert!(sql.contains("upper(") && !sql.contains("lower("), "{sql}");
    } else {
        assert!(ix["ix_account_email_prefix"].sql.contains("(12)"));
    }
    // From an empty database, a table with these indexes is created in one step.
    let mut fresh = RoundTrip::new(backend, "defined_indexes_new").await;
    fresh
        .step(
            &[EntityDef::with_extras::<v2::account::Entity>()],
            &["add_table", "add_index"],
        )
        .await;
}

#[tokio::test]
async fn defined_indexes_round_trip_on_postgres() {
    round_trip(Backend::Postgres).await;
}

#[tokio::test]
async fn defined_indexes_round_trip_on_mysql() {
    round_trip(Backend::MySql).await;
}

#[tokio::test]
async fn defined_indexes_round_trip_on_sqlite() {
    round_trip(Backend::Sqlite).await;
}

/// The notices reach `check`'s drift, and nothing is proposed for them.
#[tokio::test]
async fn sqlite_names_the_postgres_only_indexes() {
    let db = tests::TestDb::new(Backend::Sqlite, "defined_notices").await;
    let conn = db.connect().await;
    let drift = entities_drift(
        &conn,
        &[EntityDef::with_extras::<v1::account::Entity>()],
        &Default::default(),
    )
    .await
    .unwrap();
    let text: Vec<String> = drift.notices.iter().map(|n| n.to_string()).collect();
    for name in ["ix_account_body_gin", "ux_account_email", "ft_account_body"] {
        assert!(
            text.iter()
                .any(|n| n.contains(name) && n.contains("sqlite")),
            "{name}: {text:#?}"
        );
    }
}

/// A file generated on PostgreSQL creates each declared index on SQLite and MySQL too, in
/// their dialect (`DefinedIndex::elsewhere`), and skips with a comment the ones they cannot
/// express: `check` there then proposes no op for them.
async fn generated_on_postgres_runs_on(backend: Backend) {
    use autogen::compare::compare;
    use autogen::plan::OpsMigration;
    use autogen::revision::RevisionMeta;
    use autogen::runtime::{ConnectOptions, Migrations, Migrator, Revision, RunOptions};

    let entities = [EntityDef::with_extras::<v1::account::Entity>()];
    let desired = desired_schema(&entities, DbBackend::Postgres);
    let ops = compare(&autogen::model::Schema::default(), &desired);
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
    let db = tests::TestDb::new(backend, "defined_cross").await;
    let migrator = Migrator::connect(&db.database_url(), &migrations, &ConnectOptions::default())
        .await
        .unwrap();
    migrator
        .upgrade("head", &RunOptions::default())
        .await
        .unwrap_or_else(|e| panic!("{backend:?}: {e}"));
    let conn = db.connect().await;
    let drift = entities_drift(&conn, &entities, &Default::default())
        .await
        .unwrap();
    let index_ops: Vec<String> = drift
        .ops
        .iter()
        .filter(|op| op.kind().contains("index"))
        .map(|op| op.describe())
        .collect();
    // Known limit: an index the generating backend cannot express (FULLTEXT and prefix on
    // PostgreSQL) is not in its file; `check` on MySQL proposes it, it is never lost silently.
    let want: &[&str] = match backend {
        Backend::MySql => &[
            "add index ft_account_body on account",
            "add index ix_account_email_prefix on account",
        ],
        _ => &[],
    };
    assert_eq!(index_ops.len(), want.len(), "{backend:?}: {index_ops:#?}");
    for (op, w) in index_ops.iter().zip(want) {
        assert!(op.starts_with(w), "{backend:?}: {op}");
    }
    let schema = autogen::drift::current_schema(&conn).await.unwrap().0;
    let names: Vec<&str> = schema.tables["account"]
        .defined_indexes
        .keys()
        .map(String::as_str)
        .collect();
    // The PostgreSQL-only kinds are not there; the MySQL-only ones were never in the file.
    let want: &[&str] = match backend {
        Backend::MySql => &["ix_account_recent"],
        _ => &[
            "ix_account_email_fn",
            "ix_account_open",
            "ix_account_recent",
        ],
    };
    assert_eq!(names, want, "{backend:?}");
}

#[tokio::test]
async fn generated_on_postgres_runs_on_sqlite() {
    generated_on_postgres_runs_on(Backend::Sqlite).await;
}

#[tokio::test]
async fn generated_on_postgres_runs_on_mysql() {
    generated_on_postgres_runs_on(Backend::MySql).await;
}
