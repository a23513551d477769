//! PostgreSQL domains end to end (`CREATE DOMAIN`, `ALTER DOMAIN`, `DROP DOMAIN`): the
//! round-trip property (autogenerate, upgrade, autogenerate = nothing, downgrade = the
//! snapshot) for a new domain with a column of it, a changed check, a changed default and a
//! text column turned into a domain; `diff --sql` between databases converges and creates a
//! domain before the table that uses it. On MySQL and SQLite a column of a domain is a column
//! of its base type, with no false diff.

use autogen::metadata::{DomainDef, EntityDef, SchemaExtras};
use tests::Backend;
use tests::roundtrip::RoundTrip;
use tests::sql_pair::converge;

/// A `contact` table whose `email` column is `$ty` (a sea-orm column type).
macro_rules! contact {
    ($m:ident, $ty:literal) => {
        mod $m {
            tests::entity!(contact, #[sea_orm(table_name = "contact")] {
                #[sea_orm(primary_key)]
                pub id: i32,
                #[sea_orm(column_type = $ty)]
                pub email: String,
            });
        }
    };
}

contact!(plain, "Text");
contact!(v1, "custom(\"email_address\")");
contact!(v2, "custom(\"email_address\")");
contact!(v3, "custom(\"email_address\")");

impl SchemaExtras for v1::contact::Entity {
    fn domains() -> Vec<DomainDef> {
        vec![DomainDef::new("email_address", "text").check("email_has_at", "VALUE LIKE '%@%'")]
    }
}

impl SchemaExtras for v2::contact::Entity {
    fn domains() -> Vec<DomainDef> {
        vec![DomainDef::new("email_address", "text").check("email_has_at", "VALUE LIKE '%@%.%'")]
    }
}

impl SchemaExtras for v3::contact::Entity {
    fn domains() -> Vec<DomainDef> {
        vec![
            DomainDef::new("email_address", "text")
                .check("email_has_at", "VALUE LIKE '%@%.%'")
                .default("'nobody@example.org'"),
        ]
    }
}

fn one(e: EntityDef) -> Vec<EntityDef> {
    vec![e]
}

/// text → a new domain (check) → check changed → default added → back to text, on `backend`.
async fn walk(backend: Backend, label: &str) {
    let mut rt = RoundTrip::new(backend, label).await;
    rt.step(
        &one(EntityDef::of::<plain::contact::Entity>()),
        &["add_table"],
    )
    .await;
    rt.insert("contact", &["id", "email"], &[&["1", "'a@b.org'"]])
        .await;
    let pg = backend == Backend::Postgres;
    let kinds = |k: &'static [&'static str]| if pg { k } else { &[] };
    rt.step(
        &one(EntityDef::with_extras::<v1::contact::Entity>()),
        kinds(&["create_domain", "alter_column"]),
    )
    .await;
    rt.step(
        &one(EntityDef::with_extras::<v2::contact::Entity>()),
        kinds(&["alter_domain"]),
    )
    .await;
    rt.step(
        &one(EntityDef::with_extras::<v3::contact::Entity>()),
        kinds(&["alter_domain"]),
    )
    .await;
    rt.step(
        &one(EntityDef::of::<plain::contact::Entity>()),
        kinds(&["alter_column", "drop_domain"]),
    )
    .await;
    assert_eq!(rt.count("contact").await, 1);
}

#[tokio::test]
async fn postgres_text_to_domain_check_and_default_changes() {
    walk(Backend::Postgres, "domain_walk").await;
}

#[tokio::test]
async fn mysql_domain_column_is_its_base_type() {
    walk(Backend::MySql, "domain_walk").await;
}

#[tokio::test]
async fn sqlite_domain_column_is_its_base_type() {
    walk(Backend::Sqlite, "domain_walk").await;
}

/// A new table whose column is of a new domain: the domain comes first.
#[tokio::test]
async fn postgres_new_domain_and_table_using_it() {
    let mut rt = RoundTrip::new(Backend::Postgres, "domain_new").await;
    let stepped = rt
        .step(
            &one(EntityDef::with_extras::<v3::contact::Entity>()),
            &["create_domain", "add_table"],
        )
        .await;
    assert_eq!(stepped.ops[0].kind(), "create_domain");
    rt.insert("contact", &["id"], &[&["1"]]).await;
    assert_eq!(rt.text("contact", "email", 1).await, "nobody@example.org");
}

const DOMAIN: &str = "CREATE DOMAIN \"Price\" AS numeric(10,2) DEFAULT 0 NOT NULL \
                      CONSTRAINT price_positive CHECK (VALUE >= 0)";
const TABLE: &str = "CREATE TABLE item (id int PRIMARY KEY, price \"Price\")";

#[tokio::test]
async fn postgres_diff_creates_the_domain_before_its_table() {
    converge(
        Backend::Postgres,
        &[],
        &[DOMAIN, TABLE],
        &["create_domain", "add_table"],
    )
    .await;
}

#[tokio::test]
async fn postgres_diff_alters_a_domain() {
    converge(
        Backend::Postgres,
        &[DOMAIN, TABLE],
        &[
            "CREATE DOMAIN \"Price\" AS numeric(10,2) DEFAULT 1 \
             CONSTRAINT price_positive CHECK (VALUE > 0) CONSTRAINT price_cap CHECK (VALUE < 1000)",
            TABLE,
        ],
        &["alter_domain"],
    )
    .await;
}

#[tokio::test]
async fn postgres_diff_numeric_to_domain_and_back() {
    let plain = "CREATE TABLE item (id int PRIMARY KEY, price numeric(10,2))";
    converge(
        Backend::Postgres,
        &[plain],
        &[DOMAIN, TABLE],
        &["create_domain", "alter_column"],
    )
    .await;
    converge(
        Backend::Postgres,
        &[DOMAIN, TABLE],
        &[plain],
        &["alter_column", "drop_domain"],
    )
    .await;
}

/// A domain no managed table uses and no entity declares is someone else's: named in a
/// notice, never dropped.
#[tokio::test]
async fn postgres_domain_of_an_unmanaged_table_is_left_alone() {
    let d = tests::drifted::Drifted::new(
        Backend::Postgres,
        "domain_foreign",
        &[
            "CREATE DOMAIN code AS varchar(8)".into(),
            "CREATE TABLE legacy (id integer PRIMARY KEY, c code)".into(),
        ],
    )
    .await;
    let out = d.run(&["check"]);
    let (stdout, stderr) = tests::process::texts(&out);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert!(!stdout.contains("drop domain"), "{stdout}");
    let all = format!("{stdout}{stderr}");
    assert!(
        all.contains("notice: column type \"code\" (domain (varchar(8)) used by no managed table)"),
        "{all}"
    );
}
