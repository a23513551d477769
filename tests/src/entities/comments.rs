//! Table and column comments (Postgres and MySQL; SQLite keeps none).

use autogen::EntityDef;

/// No table comment, `title` commented.
pub mod v1 {
    use super::EntityDef;

    crate::entity!(book, #[sea_orm(table_name = "book")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(comment = "old title")]
        pub title: String,
        pub pages: i32,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![EntityDef::of::<book::Entity>()]
    }
}

/// A table comment, a changed column comment, a new one (with a quote in it).
pub mod v2 {
    use super::EntityDef;

    crate::entity!(book, #[sea_orm(table_name = "book", comment = "Books on the shelf")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(comment = "new title")]
        pub title: String,
        #[sea_orm(comment = "the book's page count")]
        pub pages: i32,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![EntityDef::of::<book::Entity>()]
    }
}
