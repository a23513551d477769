//! A rename hint (`renamed_from`) together with a type change of the renamed column.

use autogen::EntityDef;

/// `name` varchar(50).
pub mod v1 {
    use super::EntityDef;

    crate::entity!(user, #[sea_orm(table_name = "user")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(column_type = "String(StringLen::N(50))")]
        pub name: String,
        pub login: String,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![EntityDef::of::<user::Entity>()]
    }
}

/// `name` renamed to `full_name` and widened to varchar(100); `login` renamed to `handle`.
pub mod v2 {
    use super::EntityDef;

    crate::entity!(user, #[sea_orm(table_name = "user")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(column_type = "String(StringLen::N(100))", renamed_from = "name")]
        pub full_name: String,
        #[sea_orm(renamed_from = "login")]
        pub handle: String,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![EntityDef::of::<user::Entity>()]
    }
}
