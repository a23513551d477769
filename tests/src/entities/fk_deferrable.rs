//! Foreign-key deferrability and renames: `book.author_id` references `author`, made
//! deferrable (`SchemaExtras::foreign_keys`), changed to `INITIALLY DEFERRED`, made plain
//! again, then renamed on the same column (`fk_name`).

use autogen::EntityDef;

/// The referenced table.
pub mod author {
    crate::entity!(author, #[sea_orm(table_name = "author")] {
        #[sea_orm(primary_key)]
        pub id: i32,
    });
    pub use author::*;
}

/// `book` of `$module`, its key on `author_id` under sea-orm's own name.
macro_rules! book {
    ($module:ident) => {
        crate::entity!($module, #[sea_orm(table_name = "book")] {
            #[sea_orm(primary_key)]
            pub id: i32,
            pub author_id: i32,
        }, {
            #[sea_orm(
                belongs_to = "super::super::author::Entity",
                from = "Column::AuthorId",
                to = "super::super::author::Column::Id",
                on_delete = "Cascade"
            )]
            Author,
        });
    };
}

/// A plain key (`NOT DEFERRABLE`).
pub mod v1 {
    use super::EntityDef;

    book!(book);

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![
            EntityDef::of::<super::author::Entity>(),
            EntityDef::of::<book::Entity>(),
        ]
    }
}

/// The key `DEFERRABLE INITIALLY IMMEDIATE`.
pub mod v2 {
    use autogen::metadata::{ForeignKeyDef, SchemaExtras};
    use autogen::model::Deferrable;

    use super::EntityDef;

    book!(book);

    impl SchemaExtras for book::Entity {
        fn foreign_keys() -> Vec<ForeignKeyDef> {
            vec![ForeignKeyDef::new(
                &["author_id"],
                Deferrable::InitiallyImmediate,
            )]
        }
    }

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![
            EntityDef::of::<super::author::Entity>(),
            EntityDef::with_extras::<book::Entity>(),
        ]
    }
}

/// The key `DEFERRABLE INITIALLY DEFERRED`.
pub mod v3 {
    use autogen::metadata::{ForeignKeyDef, SchemaExtras};
    use autogen::model::Deferrable;

    use super::EntityDef;

    book!(book);

    impl SchemaExtras for book::Entity {
        fn foreign_keys() -> Vec<ForeignKeyDef> {
            vec![ForeignKeyDef::new(
                &["author_id"],
                Deferrable::InitiallyDeferred,
            )]
        }
    }

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![
            EntityDef::of::<super::author::Entity>(),
            EntityDef::with_extras::<book::Entity>(),
        ]
    }
}

/// The plain key of v1 under another name, on the same column.
pub mod v4 {
    use super::EntityDef;

    crate::entity!(book, #[sea_orm(table_name = "book")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub author_id: i32,
    }, {
        #[sea_orm(
            belongs_to = "super::super::author::Entity",
            from = "Column::AuthorId",
            to = "super::super::author::Column::Id",
            on_delete = "Cascade",
            fk_name = "fk_book_writer"
        )]
        Author,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![
            EntityDef::of::<super::author::Entity>(),
            EntityDef::of::<book::Entity>(),
        ]
    }
}
