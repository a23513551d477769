//! Type changes: varchar(50) → varchar(200), integer → bigint, then bigint → varchar(20) and
//! integer → boolean (whose way back Postgres only takes with an explicit cast).

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
        #[sea_orm(default_value = 0)]
        pub flag: i32,
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
        #[sea_orm(default_value = 0)]
        pub flag: i32,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![EntityDef::of::<item::Entity>()]
    }
}

/// `qty` as text, `flag` a boolean.
pub mod v3 {
    use super::EntityDef;

    crate::entity!(item, #[sea_orm(table_name = "item")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(column_type = "String(StringLen::N(200))")]
        pub code: String,
        #[sea_orm(column_type = "String(StringLen::N(20))")]
        pub qty: String,
        #[sea_orm(default_value = false)]
        pub flag: bool,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![EntityDef::of::<item::Entity>()]
    }
}
