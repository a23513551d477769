//! Type round trip per backend: a table created by sea-query from each model type, once
//! introspected, gives back that type (in its normalized form), and the type read back renders
//! to the same SQL unless the catalog fills in a length sea-query leaves out.

mod introspect_common;

use autogen::model::ColumnType as Ty;
use autogen::normalize::normalize;
use introspect_common::read;
use sea_orm::{ConnectionTrait, DbBackend};
use sea_query::{Alias, ColumnDef, ColumnType as Sq, StringLen, Table};
use tests::{Backend, TestDb};

/// The sea-query type a model type stands for.
fn to_sea(ty: &Ty) -> Sq {
    let len = |n: &Option<u32>| n.map_or(StringLen::None, StringLen::N);
    match ty {
        Ty::TinyInteger => Sq::TinyInteger,
        Ty::SmallInteger => Sq::SmallInteger,
        Ty::Integer => Sq::Integer,
        Ty::BigInteger => Sq::BigInteger,
        Ty::TinyUnsigned => Sq::TinyUnsigned,
        Ty::SmallUnsigned => Sq::SmallUnsigned,
        Ty::Unsigned => Sq::Unsigned,
        Ty::BigUnsigned => Sq::BigUnsigned,
        Ty::Boolean => Sq::Boolean,
        Ty::Float => Sq::Float,
        Ty::Double => Sq::Double,
        Ty::Decimal(p) => Sq::Decimal(*p),
        Ty::Char(n) => Sq::Char(*n),
        Ty::String(n) => Sq::String(len(n)),
        Ty::Text => Sq::Text,
        Ty::Date => Sq::Date,
        Ty::Time => Sq::Time,
        Ty::DateTime => Sq::DateTime,
        Ty::TimestampWithTimeZone => Sq::TimestampWithTimeZone,
        Ty::Uuid => Sq::Uuid,
        Ty::Json => Sq::Json,
        Ty::JsonBinary => Sq::JsonBinary,
        Ty::Blob => Sq::Blob,
        Ty::Binary(n) => Sq::Binary(*n),
        Ty::VarBinary(n) => Sq::VarBinary(len(n)),
        Ty::Custom(name) => Sq::custom(Alias::new(name)),
        // Not in `every_type`: a PostgreSQL enum needs its type created first (native_enums.rs).
        Ty::Enum { name, .. } => Sq::custom(Alias::new(name)),
        // Not in `every_type` either: a domain is created first (domains.rs).
        Ty::Domain { name, .. } => Sq::custom(Alias::new(name)),
    }
}

/// Every non-custom model type, with and without optional lengths.
fn every_type() -> Vec<Ty> {
    vec![
        Ty::TinyInteger,
        Ty::SmallInteger,
        Ty::Integer,
        Ty::BigInteger,
        Ty::TinyUnsigned,
        Ty::SmallUnsigned,
        Ty::Unsigned,
        Ty::BigUnsigned,
        Ty::Boolean,
        Ty::Float,
        Ty::Double,
        Ty::Decimal(None),
        Ty::Decimal(Some((10, 2))),
        Ty::Char(None),
        Ty::Char(Some(5)),
        Ty::String(None),
        Ty::String(Some(40)),
        Ty::Text,
        Ty::Date,
        Ty::Time,
        Ty::DateTime,
        Ty::TimestampWithTimeZone,
        Ty::Uuid,
        Ty::Json,
        Ty::JsonBinary,
        Ty::Blob,
        Ty::Binary(16),
        Ty::Binary(8),
        Ty::VarBinary(None),
        Ty::VarBinary(Some(30)),
    ]
}

/// The CREATE TABLE sea-query renders for one column of type `ty`.
fn render(backend: DbBackend, ty: &Ty) -> String {
    let stmt = Table::create()
        .table("t")
        .col(ColumnDef::new_with_type("c", to_sea(ty)))
        .to_owned();
    backend.build(&stmt).sql
}

/// Creates one table with a sea-query auto-increment key and a column per type, introspects
/// it and checks each type.
async fn round_trip(backend: Backend, custom: &[&str], fills_in_length: &[Ty]) {
    let db = TestDb::new(backend, "type_round_trip").await;
    let conn = db.connect().await;
    let dbb = backend.db();
    let mut types = every_type();
    types.extend(custom.iter().map(|c| Ty::Custom(c.to_string())));

    let mut create = Table::create();
    create.table("all_types").col(
        ColumnDef::new_with_type("id", Sq::Integer)
            .not_null()
            .auto_increment()
            .primary_key(),
    );
    for (i, ty) in types.iter().enumerate() {
        create.col(ColumnDef::new_with_type(format!("c{i}"), to_sea(ty)));
    }
    conn.execute_raw(dbb.build(&create)).await.unwrap();

    let got = read(&conn, &[]).await.schema;
    let table = &got.tables["all_types"];
    let id = table.column("id").unwrap();
    assert!(id.auto_increment, "{backend:?}: id is auto-increment");
    assert_eq!(id.col_type, Ty::Integer);
    assert_eq!(id.default, None);

    let canonical = normalize(dbb, &got);
    for (i, ty) in types.iter().enumerate() {
        let read_back = &table.column(&format!("c{i}")).unwrap().col_type;
        let mut desired = got.clone();
        desired.tables.get_mut("all_types").unwrap().columns[i + 1].col_type = ty.clone();
        let desired = normalize(dbb, &desired);
        let want = &desired.tables["all_types"].columns[i + 1].col_type;
        assert_eq!(
            read_back, want,
            "{backend:?}: {ty:?} reads back as its normal form"
        );
        assert_eq!(
            &canonical.tables["all_types"].columns[i + 1].col_type,
            read_back,
            "{backend:?}: {read_back:?} is already canonical"
        );
        if !fills_in_length.contains(ty) {
            assert_eq!(
                render(dbb, read_back),
                render(dbb, ty),
                "{backend:?}: {ty:?} read back as {read_back:?} renders the same SQL"
            );
        }
    }
}

#[tokio::test]
async fn postgres_type_round_trip() {
    // `char` is stored as character(1): the catalog names the length sea-query left out.
    round_trip(
        Backend::Postgres,
        &["inet", "interval", "integer[]"],
        &[Ty::Char(None)],
    )
    .await;
}

#[tokio::test]
async fn mysql_type_round_trip() {
    // MySQL stores `char` as char(1) and `decimal` as decimal(10,0).
    round_trip(
        Backend::MySql,
        &["mediumtext", "longblob", "mediumint"],
        &[Ty::Char(None), Ty::Decimal(None)],
    )
    .await;
}

#[tokio::test]
async fn sqlite_type_round_trip() {
    round_trip(Backend::Sqlite, &["numeric", "int"], &[]).await;
}
