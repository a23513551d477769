//! The change a revision generated on one backend carries to the others: a column added with
//! a comment, a commented column made longer (a table rebuild on SQLite, a `MODIFY COLUMN` on
//! MySQL), an index added; and an untouched unbounded `String` (MariaDB reads it back as
//! `varchar(255)`); and a column of a new PostgreSQL domain (`contact`: `CREATE DOMAIN` on
//! PostgreSQL, a plain `varchar(120)` elsewhere).

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

/// After: `summary` added with a comment, `code` 40 long, `score` indexed, `contact` of the
/// domain `contact_email` added.
pub mod v2 {
    use super::EntityDef;
    use autogen::metadata::{DomainDef, SchemaExtras};

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
        #[sea_orm(column_type = "custom(\"contact_email\")")]
        pub contact: Option<String>,
    });

    impl SchemaExtras for article::Entity {
        fn domains() -> Vec<DomainDef> {
            vec![
                DomainDef::new("contact_email", "varchar(120)")
                    .check("contact_has_at", "VALUE LIKE '%@%'"),
            ]
        }
    }

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![EntityDef::with_extras::<article::Entity>()]
    }
}
