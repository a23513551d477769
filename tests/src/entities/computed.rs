//! Generated (computed) columns, declared through `SchemaExtras::generated`: `total` is
//! `price * qty`, then `price * qty + 1`, then a virtual `doubled` joins it.

pub mod v1 {
    use autogen::EntityDef;
    use autogen::metadata::{GeneratedDef, SchemaExtras};

    crate::entity!(line, #[sea_orm(table_name = "line")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub price: i32,
        pub qty: i32,
        pub total: i32,
    });

    impl SchemaExtras for line::Entity {
        fn generated() -> Vec<GeneratedDef> {
            vec![GeneratedDef::stored("total", "price * qty")]
        }
    }

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![EntityDef::with_extras::<line::Entity>()]
    }
}

pub mod v2 {
    use autogen::EntityDef;
    use autogen::metadata::{GeneratedDef, SchemaExtras};

    crate::entity!(line, #[sea_orm(table_name = "line")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub price: i32,
        pub qty: i32,
        pub total: i32,
    });

    impl SchemaExtras for line::Entity {
        fn generated() -> Vec<GeneratedDef> {
            vec![GeneratedDef::stored("total", "price * qty + 1")]
        }
    }

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![EntityDef::with_extras::<line::Entity>()]
    }
}

pub mod v3 {
    use autogen::EntityDef;
    use autogen::metadata::{GeneratedDef, SchemaExtras};

    crate::entity!(line, #[sea_orm(table_name = "line")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub price: i32,
        pub qty: i32,
        pub total: i32,
        pub doubled: Option<i32>,
    });

    impl SchemaExtras for line::Entity {
        fn generated() -> Vec<GeneratedDef> {
            vec![
                GeneratedDef::stored("total", "price * qty + 1"),
                GeneratedDef::virtual_("doubled", "qty * 2"),
            ]
        }
    }

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![EntityDef::with_extras::<line::Entity>()]
    }
}

pub mod v4 {
    use autogen::EntityDef;
    use autogen::metadata::{GeneratedDef, SchemaExtras};

    crate::entity!(line, #[sea_orm(table_name = "line")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub price: i32,
        pub qty: i32,
        pub total: Option<i32>,
        pub doubled: Option<i32>,
    });

    /// `total` is a plain column again.
    impl SchemaExtras for line::Entity {
        fn generated() -> Vec<GeneratedDef> {
            vec![GeneratedDef::virtual_("doubled", "qty * 2")]
        }
    }

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![EntityDef::with_extras::<line::Entity>()]
    }
}
