//! Nullability changes in both directions.

use autogen::EntityDef;

/// `a` nullable, `b` NOT NULL.
pub mod v1 {
    use super::EntityDef;

    crate::entity!(item, #[sea_orm(table_name = "item")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub a: Option<String>,
        pub b: String,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![EntityDef::of::<item::Entity>()]
    }
}

/// `a` NOT NULL, `b` nullable.
pub mod v2 {
    use super::EntityDef;

    crate::entity!(item, #[sea_orm(table_name = "item")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub a: String,
        pub b: Option<String>,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![EntityDef::of::<item::Entity>()]
    }
}
