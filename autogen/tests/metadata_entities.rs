//! Entity metadata → desired schema, on Postgres, MySQL and SQLite.

use autogen::EntityDef;
use autogen::metadata::desired_schema;
use autogen::model::{ColumnType, FkAction, ForeignKey, Schema, column_key};
use sea_orm::DbBackend;

mod compare_support;
use compare_support::*;

mod status {
    use sea_orm::entity::prelude::*;

    /// A String-backed enum: stored as varchar, never a database enum type.
    #[derive(Debug, Clone, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
    #[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
    pub enum Status {
        #[sea_orm(string_value = "active")]
        Active,
        #[sea_orm(string_value = "banned")]
        Banned,
    }

    /// A database enum: a named type on Postgres, inline ENUM on MySQL, text on SQLite.
    #[derive(Debug, Clone, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
    #[sea_orm(rs_type = "String", db_type = "Enum", enum_name = "mood")]
    pub enum Mood {
        #[sea_orm(string_value = "Happy")]
        Happy,
        #[sea_orm(string_value = "Sad")]
        Sad,
    }
}

mod user {
    use super::status::{Mood, Status};
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "user", comment = "people who log in")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        #[sea_orm(unique)]
        pub email: String,
        #[sea_orm(indexed)]
        pub display_name: String,
        pub nickname: Option<String>,
        pub status: Status,
        #[sea_orm(default_expr = "Expr::current_timestamp()")]
        pub created_at: DateTimeWithTimeZone,
        #[sea_orm(default_value = 0)]
        pub score: i32,
        #[sea_orm(default_value = true)]
        pub active: bool,
        #[sea_orm(default_value = "member")]
        pub role: String,
        #[sea_orm(renamed_from = "fullname", comment = "shown in the header")]
        pub full_name: String,
        #[sea_orm(renamed_from = "about")]
        pub bio: Option<String>,
        #[sea_orm(unique_key = "tenant_handle")]
        pub tenant_id: i32,
        #[sea_orm(unique_key = "tenant_handle")]
        pub handle: String,
        #[sea_orm(column_type = "Decimal(Some((10, 2)))", nullable)]
        pub balance: Option<Decimal>,
        pub mood: Option<Mood>,
        pub logins: u32,
        pub avatar: Option<Vec<u8>>,
        pub settings: Json,
        pub born_on: Option<Date>,
        pub last_seen: Option<DateTime>,
        pub rating: f64,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {
        #[sea_orm(has_many = "super::order::Entity")]
        Order,
    }

    impl Related<super::order::Entity> for Entity {
        fn to() -> RelationDef {
            Relation::Order.def()
        }
    }

    impl ActiveModelBehavior for ActiveModel {}
}

mod order {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "order")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub user_id: Uuid,
        #[sea_orm(comment = "free text")]
        pub note: Option<String>,
        #[sea_orm(default_value = "pending")]
        pub state: String,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {
        #[sea_orm(
            belongs_to = "super::user::Entity",
            from = "Column::UserId",
            to = "super::user::Column::Id",
            on_delete = "Cascade"
        )]
        User,
    }

    impl Related<super::user::Entity> for Entity {
        fn to() -> RelationDef {
            Relation::User.def()
        }
    }

    impl ActiveModelBehavior for ActiveModel {}
}

mod order_line {
    use sea_orm::entity::prelude::*;

    /// Composite primary key, and a foreign key with no actions.
    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "order_line")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub order_id: i64,
        #[sea_orm(primary_key, auto_increment = false)]
        pub line_no: i32,
        pub quantity: i32,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {
        #[sea_orm(
            belongs_to = "super::order::Entity",
            from = "Column::OrderId",
            to = "super::order::Column::Id"
        )]
        Order,
    }

    impl Related<super::order::Entity> for Entity {
        fn to() -> RelationDef {
            Relation::Order.def()
        }
    }

    impl ActiveModelBehavior for ActiveModel {}
}

fn entities() -> Vec<EntityDef> {
    vec![
        EntityDef::of::<user::Entity>(),
        EntityDef::of::<order::Entity>(),
        EntityDef::of::<order_line::Entity>(),
    ]
}

/// The desired schema on Postgres, spelled out; the other backends differ only in the types
/// the model has no variant for.
fn expected_postgres() -> Schema {
    use ColumnType as T;
    let user = table(
        "user",
        vec![
            col("id", T::Uuid),
            col("email", T::String(None)),
            col("display_name", T::String(None)),
            col("nickname", T::String(None)).null(),
            col("status", T::String(Some(16))),
            col("created_at", T::TimestampWithTimeZone).default("CURRENT_TIMESTAMP"),
            col("score", T::Integer).default("0"),
            col("active", T::Boolean).default("TRUE"),
            col("role", T::String(None)).default("'member'"),
            col("full_name", T::String(None))
                .comment("shown in the header")
                .renamed_from("fullname"),
            col("bio", T::String(None)).null().renamed_from("about"),
            col("tenant_id", T::Integer),
            col("handle", T::String(None)),
            col("balance", T::Decimal(Some((10, 2)))).null(),
            col("mood", mood()).null(),
            // u32 is sea-query `Unsigned` on every backend (normalization maps it per backend).
            col("logins", T::Unsigned),
            col("avatar", T::VarBinary(None)).null(),
            col("settings", T::Json),
            col("born_on", T::Date).null(),
            col("last_seen", T::DateTime).null(),
            col("rating", T::Double),
        ],
    )
    .pk(&["id"])
    .unique("user_email_key", &["email"])
    .unique("idx-user-tenant_handle", &["tenant_id", "handle"])
    .index("idx-user-display_name", &["display_name"])
    .table_comment("people who log in");

    let order = table(
        "order",
        vec![
            col("id", T::BigInteger).auto(),
            col("user_id", T::Uuid),
            col("note", T::String(None)).null().comment("free text"),
            col("state", T::String(None)).default("'pending'"),
        ],
    )
    .pk(&["id"])
    .fk(&["user_id"], "user", &["id"], FkAction::Cascade);

    let mut order_line = table(
        "order_line",
        vec![
            col("order_id", T::BigInteger),
            col("line_no", T::Integer),
            col("quantity", T::Integer),
        ],
    )
    .pk(&["order_id", "line_no"])
    .fk(&["order_id"], "order", &["id"], FkAction::NoAction);
    // Only a composite key comes with a name (sea-orm's `pk-{table}`).
    order_line.primary_key.as_mut().unwrap().name = Some("pk-order_line".into());

    let mut s = schema(vec![user, order, order_line]);
    s.enums.insert(
        "mood".into(),
        autogen::model::EnumType {
            name: "mood".into(),
            values: vec!["Happy".into(), "Sad".into()],
        },
    );
    s
}

/// The `mood` column's type: the ActiveEnum with `db_type = "Enum"`, on every backend.
fn mood() -> ColumnType {
    ColumnType::Enum {
        name: "mood".into(),
        values: vec!["Happy".into(), "Sad".into()],
    }
}

/// The schema without PostgreSQL's named enum types (MySQL and SQLite keep them inline).
fn without_enum_types(mut s: Schema) -> Schema {
    s.enums.clear();
    s
}

#[test]
fn postgres_schema() {
    assert_eq!(
        desired_schema(&entities(), DbBackend::Postgres),
        expected_postgres()
    );
}

#[test]
fn mysql_schema() {
    let want = without_enum_types(expected_postgres());
    assert_eq!(desired_schema(&entities(), DbBackend::MySql), want);
}

#[test]
fn sqlite_schema() {
    let want = without_enum_types(expected_postgres());
    assert_eq!(desired_schema(&entities(), DbBackend::Sqlite), want);
}

#[test]
fn entity_def_is_type_erased() {
    let names: Vec<&str> = entities().iter().map(|e| e.table_name()).collect();
    assert_eq!(names, ["user", "order", "order_line"]);
    assert_eq!(format!("{:?}", entities()[1]), r#"EntityDef("order")"#);
}

#[test]
fn foreign_key_names_and_actions() {
    let s = desired_schema(&entities(), DbBackend::Postgres);
    let fk = &s.tables["order"].foreign_keys[&column_key(&["user_id".to_string()])];
    assert_eq!(
        fk,
        &ForeignKey {
            name: "fk-order-user_id".into(),
            columns: vec!["user_id".into()],
            ref_table: "user".into(),
            ref_columns: vec!["id".into()],
            on_delete: FkAction::Cascade,
            on_update: FkAction::NoAction,
            deferrable: Default::default(),
        }
    );
}

#[test]
fn rename_hint_is_split_from_comment() {
    use autogen::metadata::split_comment;
    let cases: &[(&str, Option<&str>, Option<&str>)] = &[
        ("plain", Some("plain"), None),
        (r#"renamed_from "old""#, None, Some("old")),
        (r#"note; renamed_from "old""#, Some("note"), Some("old")),
        (
            r#"says renamed_from "x""#,
            Some(r#"says renamed_from "x""#),
            None,
        ),
        (r#"renamed_from """#, Some(r#"renamed_from """#), None),
        ("", None, None),
    ];
    for (raw, comment, old) in cases {
        let got = split_comment(raw);
        assert_eq!(
            got,
            (comment.map(String::from), old.map(String::from)),
            "{raw:?}"
        );
    }
}
