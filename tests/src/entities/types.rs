//! Type changes: varchar(50) → varchar(200), integer → bigint.

use autogen::EntityDef;

/// The narrow types.
pub mod v1 {
    use super::EntityDef;

    crate::entity!(item, #[sea_orm(table_name = "item")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(column_type = "String(StringLen::N(50))")]
        pub code: String,
        pub qty: i32,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![EntityDef::of::<item::Entity>()]
    }
}

/// The wide types.
pub mod v2 {
    use super::EntityDef;

    crate::entity!(item, #[sea_orm(table_name = "item")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(column_type = "String(StringLen::N(200))")]
        pub code: String,
        pub qty: i64,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![EntityDef::of::<item::Entity>()]
    }
}
