//! A unique added, then removed.

use autogen::EntityDef;

/// No unique.
pub mod v1 {
    use super::EntityDef;

    crate::entity!(account, #[sea_orm(table_name = "account")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub email: String,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![EntityDef::of::<account::Entity>()]
    }
}

/// `email` unique.
pub mod v2 {
    use super::EntityDef;

    crate::entity!(account, #[sea_orm(table_name = "account")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(unique)]
        pub email: String,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![EntityDef::of::<account::Entity>()]
    }
}
