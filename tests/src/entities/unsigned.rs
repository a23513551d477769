//! Unsigned auto-increment keys (`u32`, `u64`) with foreign keys pointing at them: MySQL keeps
//! them `UNSIGNED`, PostgreSQL and SQLite get the signed types sea-query maps them to.

use autogen::EntityDef;

/// The parent (`u32` key) and the child (`u64` key, `u32` foreign key).
pub mod v1 {
    use super::EntityDef;

    crate::entity!(parent, #[sea_orm(table_name = "parent")] {
        #[sea_orm(primary_key)]
        pub id: u32,
        pub name: String,
    });

    crate::entity!(child, #[sea_orm(table_name = "child")] {
        #[sea_orm(primary_key)]
        pub id: u64,
        pub parent_id: u32,
    }, {
        #[sea_orm(
            belongs_to = "super::parent::Entity",
            from = "Column::ParentId",
            to = "super::parent::Column::Id"
        )]
        Parent,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![
            EntityDef::of::<parent::Entity>(),
            EntityDef::of::<child::Entity>(),
        ]
    }
}

/// A `u16` column added to the parent: one `add_column`, no foreign key touched.
pub mod v2 {
    use super::EntityDef;

    crate::entity!(parent, #[sea_orm(table_name = "parent")] {
        #[sea_orm(primary_key)]
        pub id: u32,
        pub name: String,
        pub score: Option<u16>,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![
            EntityDef::of::<parent::Entity>(),
            EntityDef::of::<super::v1::child::Entity>(),
        ]
    }
}

/// A `serial` key and an `ALWAYS` identity declared through `SchemaExtras` (PostgreSQL).
pub mod identities {
    use autogen::metadata::{IdentityDef, SchemaExtras};
    use autogen::model::IdentityKind;

    use super::EntityDef;

    crate::entity!(ticket, #[sea_orm(table_name = "ticket")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub title: String,
    });

    impl SchemaExtras for ticket::Entity {
        fn identities() -> Vec<IdentityDef> {
            vec![IdentityDef::new("id", IdentityKind::Serial)]
        }
    }

    crate::entity!(event, #[sea_orm(table_name = "event")] {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub at: String,
    });

    impl SchemaExtras for event::Entity {
        fn identities() -> Vec<IdentityDef> {
            vec![IdentityDef::new("id", IdentityKind::Always).increment(2)]
        }
    }

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![
            EntityDef::with_extras::<ticket::Entity>(),
            EntityDef::with_extras::<event::Entity>(),
        ]
    }
}
