//! Add and drop tables: reserved-word names (`user`, `order`), a foreign key, a composite
//! primary key.

use autogen::EntityDef;

/// `user`, `order` (→ `user`) and `tag_link` (composite key, → `order`).
pub mod v1 {
    use super::EntityDef;

    crate::entity!(user, #[sea_orm(table_name = "user")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub name: String,
    });

    crate::entity!(order, #[sea_orm(table_name = "order")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub user_id: i32,
        pub total: i32,
        pub note: Option<String>,
    }, {
        #[sea_orm(
            belongs_to = "super::user::Entity",
            from = "Column::UserId",
            to = "super::user::Column::Id",
            on_delete = "Cascade"
        )]
        User,
    });

    crate::entity!(tag_link, #[sea_orm(table_name = "tag_link")] {
        #[sea_orm(primary_key, auto_increment = false)]
        pub order_id: i32,
        #[sea_orm(primary_key, auto_increment = false, column_type = "String(StringLen::N(32))")]
        pub tag: String,
    }, {
        #[sea_orm(
            belongs_to = "super::order::Entity",
            from = "Column::OrderId",
            to = "super::order::Column::Id",
            on_delete = "Cascade"
        )]
        Order,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![
            EntityDef::of::<user::Entity>(),
            EntityDef::of::<order::Entity>(),
            EntityDef::of::<tag_link::Entity>(),
        ]
    }
}

/// `tag_link` dropped, `invoice` (→ `order`) added.
pub mod v2 {
    use super::EntityDef;

    crate::entity!(invoice, #[sea_orm(table_name = "invoice")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub order_id: i32,
        #[sea_orm(default_value = 0)]
        pub amount: i32,
    }, {
        #[sea_orm(
            belongs_to = "super::super::v1::order::Entity",
            from = "Column::OrderId",
            to = "super::super::v1::order::Column::Id"
        )]
        Order,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![
            EntityDef::of::<super::v1::user::Entity>(),
            EntityDef::of::<super::v1::order::Entity>(),
            EntityDef::of::<invoice::Entity>(),
        ]
    }
}
