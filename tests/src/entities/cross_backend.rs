//! The change a revision generated on one backend carries to the others: a column added with
//! a comment, a commented column made longer (a table rebuild on SQLite, a `MODIFY COLUMN` on
//! MySQL), an index added; and an untouched unbounded `String` (MariaDB reads it back as
//! `varchar(255)`).

use autogen::EntityDef;

/// Before.
pub mod v1 {
    use super::EntityDef;

    crate::entity!(article, #[sea_orm(table_name = "article")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub title: String,
        #[sea_orm(column_type = "String(StringLen::N(20))", comment = "public code")]
        pub code: String,
        pub score: i32,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![EntityDef::of::<article::Entity>()]
    }
}

/// After: `summary` added with a comment, `code` 40 long, `score` indexed.
pub mod v2 {
    use super::EntityDef;

    crate::entity!(article, #[sea_orm(table_name = "article")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub title: String,
        #[sea_orm(column_type = "String(StringLen::N(40))", comment = "public code")]
        pub code: String,
        #[sea_orm(indexed)]
        pub score: i32,
        #[sea_orm(comment = "short form")]
        pub summary: Option<String>,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![EntityDef::of::<article::Entity>()]
    }
}
