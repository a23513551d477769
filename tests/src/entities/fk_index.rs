//! Indexes on a foreign key's columns, which MySQL/MariaDB need (InnoDB makes its own when
//! none is declared, and refuses to drop the last one, error 1553): a composite index that
//! starts with the key's column added and removed, a plain index on exactly that column
//! declared, the key dropped while that index stays, the index dropped.

use autogen::EntityDef;

/// The referenced table.
pub mod author {
    crate::entity!(author, #[sea_orm(table_name = "author")] {
        #[sea_orm(primary_key)]
        pub id: i32,
    });
    pub use author::*;
}

/// `book.author_id` references `author`; no index declared.
pub mod v1 {
    use super::EntityDef;

    crate::entity!(book, #[sea_orm(table_name = "book")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub author_id: i32,
        pub year: i32,
    }, {
        #[sea_orm(
            belongs_to = "super::super::author::Entity",
            from = "Column::AuthorId",
            to = "super::super::author::Column::Id"
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

/// An index on `(author_id, year)`, which serves the key.
pub mod v2 {
    use autogen::metadata::{IndexDef, SchemaExtras};

    use super::EntityDef;
    use super::v1::book;

    /// `book` of v1, with the composite index.
    impl SchemaExtras for book::Entity {
        fn indexes() -> Vec<IndexDef> {
            vec![IndexDef::new("ix_book_author_year", &["author_id", "year"])]
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

/// A declared index on exactly `author_id` (the index InnoDB would otherwise make).
pub mod v3 {
    use super::EntityDef;

    crate::entity!(book, #[sea_orm(table_name = "book")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(indexed)]
        pub author_id: i32,
        pub year: i32,
    }, {
        #[sea_orm(
            belongs_to = "super::super::author::Entity",
            from = "Column::AuthorId",
            to = "super::super::author::Column::Id"
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

/// The key dropped, the declared index kept.
pub mod v4 {
    use super::EntityDef;

    crate::entity!(book, #[sea_orm(table_name = "book")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(indexed)]
        pub author_id: i32,
        pub year: i32,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![
            EntityDef::of::<super::author::Entity>(),
            EntityDef::of::<book::Entity>(),
        ]
    }
}

/// Neither key nor index.
pub mod v5 {
    use super::EntityDef;

    crate::entity!(book, #[sea_orm(table_name = "book")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub author_id: i32,
        pub year: i32,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![
            EntityDef::of::<super::author::Entity>(),
            EntityDef::of::<book::Entity>(),
        ]
    }
}
