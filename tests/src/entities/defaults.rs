//! Default changes: changed, removed, added.

use autogen::EntityDef;

/// `status` 'new', `count` 0, `score` none.
pub mod v1 {
    use super::EntityDef;

    crate::entity!(item, #[sea_orm(table_name = "item")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(default_value = "new")]
        pub status: String,
        #[sea_orm(default_value = 0)]
        pub count: i32,
        pub score: i32,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![EntityDef::of::<item::Entity>()]
    }
}

/// `status` 'open', `count` none, `score` 5.
pub mod v2 {
    use super::EntityDef;

    crate::entity!(item, #[sea_orm(table_name = "item")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(default_value = "open")]
        pub status: String,
        pub count: i32,
        #[sea_orm(default_value = 5)]
        pub score: i32,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![EntityDef::of::<item::Entity>()]
    }
}
