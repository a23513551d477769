//! A foreign key whose ON DELETE changes: no action → cascade → set null; and a foreign key
//! removed while an index declared on its column stays.

use autogen::EntityDef;

crate::entity!(user, #[sea_orm(table_name = "user")] {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub name: String,
});

/// ON DELETE NO ACTION.
pub mod v1 {
    use super::EntityDef;

    crate::entity!(order, #[sea_orm(table_name = "order")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub user_id: Option<i32>,
    }, {
        #[sea_orm(
            belongs_to = "super::super::user::Entity",
            from = "Column::UserId",
            to = "super::super::user::Column::Id"
        )]
        User,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![
            EntityDef::of::<super::user::Entity>(),
            EntityDef::of::<order::Entity>(),
        ]
    }
}

/// ON DELETE CASCADE.
pub mod v2 {
    use super::EntityDef;

    crate::entity!(order, #[sea_orm(table_name = "order")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub user_id: Option<i32>,
    }, {
        #[sea_orm(
            belongs_to = "super::super::user::Entity",
            from = "Column::UserId",
            to = "super::super::user::Column::Id",
            on_delete = "Cascade"
        )]
        User,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![
            EntityDef::of::<super::user::Entity>(),
            EntityDef::of::<order::Entity>(),
        ]
    }
}

/// ON DELETE SET NULL.
pub mod v3 {
    use super::EntityDef;

    crate::entity!(order, #[sea_orm(table_name = "order")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub user_id: Option<i32>,
    }, {
        #[sea_orm(
            belongs_to = "super::super::user::Entity",
            from = "Column::UserId",
            to = "super::super::user::Column::Id",
            on_delete = "SetNull"
        )]
        User,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![
            EntityDef::of::<super::user::Entity>(),
            EntityDef::of::<order::Entity>(),
        ]
    }
}

/// ON DELETE NO ACTION, and an index declared on the key's column.
pub mod indexed_v1 {
    use super::EntityDef;

    crate::entity!(order, #[sea_orm(table_name = "order")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(indexed)]
        pub user_id: Option<i32>,
    }, {
        #[sea_orm(
            belongs_to = "super::super::user::Entity",
            from = "Column::UserId",
            to = "super::super::user::Column::Id"
        )]
        User,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![
            EntityDef::of::<super::user::Entity>(),
            EntityDef::of::<order::Entity>(),
        ]
    }
}

/// The foreign key removed, the index kept.
pub mod indexed_v2 {
    use super::EntityDef;

    crate::entity!(order, #[sea_orm(table_name = "order")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(indexed)]
        pub user_id: Option<i32>,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![
            EntityDef::of::<super::user::Entity>(),
            EntityDef::of::<order::Entity>(),
        ]
    }
}
