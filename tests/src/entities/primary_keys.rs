//! A primary-key change: single → composite (and back, as the next step).

use autogen::EntityDef;

/// Key `(user_id)`.
pub mod v1 {
    use super::EntityDef;

    crate::entity!(membership, #[sea_orm(table_name = "membership")] {
        #[sea_orm(primary_key, auto_increment = false)]
        pub user_id: i32,
        pub group_id: i32,
        pub role: Option<String>,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![EntityDef::of::<membership::Entity>()]
    }
}

/// Key `(user_id, group_id)`.
pub mod v2 {
    use super::EntityDef;

    crate::entity!(membership, #[sea_orm(table_name = "membership")] {
        #[sea_orm(primary_key, auto_increment = false)]
        pub user_id: i32,
        #[sea_orm(primary_key, auto_increment = false)]
        pub group_id: i32,
        pub role: Option<String>,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![EntityDef::of::<membership::Entity>()]
    }
}
