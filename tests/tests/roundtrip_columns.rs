//! The round-trip property (autogenerate, upgrade, autogenerate = nothing; downgrade = the
//! snapshot) for column kinds: unsigned auto-increment keys with foreign keys pointing at them,
//! PostgreSQL serial and identity kinds.

use autogen::model::{Column, ColumnType, Identity, IdentityKind, PrimaryKey, Schema, Table};
use autogen::ops::{ColumnChange, Op};
use tests::Backend;
use tests::entities::unsigned;
use tests::roundtrip::RoundTrip;

/// `u32`/`u64` keys with a foreign key on them; then a column added to the parent touches no
/// foreign key (a lost `UNSIGNED` used to re-create every one).
async fn unsigned_auto_increment_key(backend: Backend) {
    let mut rt = RoundTrip::new(backend, "rt_unsigned").await;
    rt.step(&unsigned::v1::entities(), &["add_table"]).await;
    rt.insert("parent", &["name"], &[&["'a'"], &["'b'"]]).await;
    rt.insert("child", &["parent_id"], &[&["1"], &["2"]]).await;
    let key = rt.schema().await.tables["parent"].columns[0].clone();
    assert!(key.auto_increment, "{backend:?}: {key:?}");
    let want = match backend {
        Backend::MySql => ColumnType::Unsigned,
        Backend::Postgres => ColumnType::BigInteger,
        Backend::Sqlite => ColumnType::Integer,
    };
    assert_eq!(key.col_type, want, "{backend:?}");
    rt.step(&unsigned::v2::entities(), &["add_column"]).await;
    assert_eq!(rt.count("child").await, 2);
}

#[tokio::test]
async fn unsigned_auto_increment_key_mysql() {
    unsigned_auto_increment_key(Backend::MySql).await;
}

#[tokio::test]
async fn unsigned_auto_increment_key_postgres() {
    unsigned_auto_increment_key(Backend::Postgres).await;
}

#[tokio::test]
async fn unsigned_auto_increment_key_sqlite() {
    unsigned_auto_increment_key(Backend::Sqlite).await;
}

/// A table `t` whose key `id` is auto-increment of `identity` (PostgreSQL), with a name column.
fn identity_table(identity: Option<Identity>) -> Schema {
    let col = |name: &str, ty: ColumnType| Column {
        name: name.into(),
        col_type: ty,
        nullable: false,
        default: None,
        auto_increment: false,
        identity: None,
        comment: None,
        renamed_from: None,
        on_update: None,
        collation: None,
        generated: None,
    };
    let mut t = Table::new("t");
    t.columns = vec![
        Column {
            auto_increment: true,
            identity,
            ..col("id", ColumnType::Integer)
        },
        col("name", ColumnType::String(Some(20))),
    ];
    t.primary_key = Some(PrimaryKey {
        name: None,
        columns: vec!["id".into()],
    });
    let mut s = Schema::default();
    s.insert(t);
    s
}

fn kind(kind: IdentityKind, increment: Option<i64>) -> Option<Identity> {
    Some(Identity { kind, increment })
}

/// The identity of `t.id` as introspected.
async fn identity_of(rt: &RoundTrip) -> Option<Identity> {
    rt.schema().await.tables["t"].columns[0].identity
}

/// Identity `BY DEFAULT` → `ALWAYS` (with a step) → serial → `BY DEFAULT`, each a round
/// trip with rows that keep their keys; new rows after each step do not collide.
#[tokio::test]
async fn postgres_identity_kinds() {
    let mut rt = RoundTrip::new(Backend::Postgres, "rt_identity").await;
    rt.step_to(&identity_table(None), Some(&["add_table"]))
        .await;
    assert_eq!(identity_of(&rt).await, Some(Identity::DEFAULT));
    rt.insert("t", &["name"], &[&["'a'"], &["'b'"]]).await;
    let always = identity_table(kind(IdentityKind::Always, Some(5)));
    let s = rt.step_to(&always, Some(&["alter_column"])).await;
    assert!(
        matches!(&s.ops[0], Op::AlterColumn { changes, .. } if changes == &[ColumnChange::Identity]),
        "{:?}",
        s.ops
    );
    assert_eq!(identity_of(&rt).await, kind(IdentityKind::Always, Some(5)));
    rt.insert("t", &["name"], &[&["'c'"]]).await;
    let serial = identity_table(kind(IdentityKind::Serial, None));
    rt.step_to(&serial, Some(&["alter_column"])).await;
    assert_eq!(identity_of(&rt).await, kind(IdentityKind::Serial, None));
    rt.insert("t", &["name"], &[&["'d'"]]).await;
    assert_eq!(rt.count("t").await, 4);
    rt.step_to(&identity_table(None), Some(&["alter_column"]))
        .await;
    rt.insert("t", &["name"], &[&["'e'"]]).await;
    assert_eq!(rt.count("t").await, 5);
}

/// A serial column stays serial: created as serial, checked clean, and a change elsewhere in
/// the table leaves it serial (it is not silently turned into an identity).
#[tokio::test]
async fn postgres_serial_stays_serial() {
    let mut rt = RoundTrip::new(Backend::Postgres, "rt_serial").await;
    let serial = identity_table(kind(IdentityKind::Serial, None));
    rt.step_to(&serial, Some(&["add_table"])).await;
    assert_eq!(identity_of(&rt).await, kind(IdentityKind::Serial, None));
    rt.insert("t", &["name"], &[&["'a'"]]).await;
    let mut wider = serial.clone();
    wider.tables.get_mut("t").unwrap().columns[1].col_type = ColumnType::String(Some(40));
    rt.step_to(&wider, Some(&["alter_column"])).await;
    assert_eq!(identity_of(&rt).await, kind(IdentityKind::Serial, None));
    // The serial's step changes: ALTER SEQUENCE through its owned sequence.
    let mut step = wider.clone();
    step.tables.get_mut("t").unwrap().columns[0].identity = kind(IdentityKind::Serial, Some(3));
    rt.step_to(&step, Some(&["alter_column"])).await;
    assert_eq!(identity_of(&rt).await, kind(IdentityKind::Serial, Some(3)));
}

/// The identity kind is a PostgreSQL notion: on MySQL and SQLite the same schemas are one
/// auto-increment, with no op between them.
#[tokio::test]
async fn identity_kinds_are_no_change_elsewhere() {
    for backend in [Backend::MySql, Backend::Sqlite] {
        let mut rt = RoundTrip::new(backend, "rt_identity_elsewhere").await;
        rt.step_to(&identity_table(None), Some(&["add_table"]))
            .await;
        let always = identity_table(kind(IdentityKind::Always, Some(5)));
        let s = rt.step_to(&always, Some(&[])).await;
        assert!(s.ops.is_empty(), "{backend:?}: {:?}", s.ops);
    }
}

/// Entities declare a serial and an `ALWAYS` identity through `SchemaExtras`: created so on
/// PostgreSQL (checked clean after), plain auto-increment elsewhere.
async fn entity_declared_identities(backend: Backend) {
    let mut rt = RoundTrip::new(backend, "rt_entity_identity").await;
    rt.step(&unsigned::identities::entities(), &["add_table"])
        .await;
    let schema = rt.schema().await;
    let (ticket, event) = (
        schema.tables["ticket"].columns[0].identity,
        schema.tables["event"].columns[0].identity,
    );
    if backend == Backend::Postgres {
        assert_eq!(ticket, kind(IdentityKind::Serial, None));
        assert_eq!(event, kind(IdentityKind::Always, Some(2)));
    } else {
        assert_eq!((ticket, event), (None, None), "{backend:?}");
    }
    rt.insert("ticket", &["title"], &[&["'a'"]]).await;
    assert_eq!(rt.count("ticket").await, 1);
}

#[tokio::test]
async fn entity_declared_identities_postgres() {
    entity_declared_identities(Backend::Postgres).await;
}

#[tokio::test]
async fn entity_declared_identities_mysql() {
    entity_declared_identities(Backend::MySql).await;
}

#[tokio::test]
async fn entity_declared_identities_sqlite() {
    entity_declared_identities(Backend::Sqlite).await;
}
