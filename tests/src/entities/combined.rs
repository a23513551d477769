//! Many changes to one table at once: a multi-part column change, a column dropped and one
//! added, a foreign key added to an existing column, a unique and an index added.

use autogen::EntityDef;

crate::entity!(user, #[sea_orm(table_name = "user")] {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub name: String,
});

/// `post` with loose columns and no keys.
pub mod v1 {
    use super::EntityDef;

    crate::entity!(post, #[sea_orm(table_name = "post")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(column_type = "String(StringLen::N(50))")]
        pub title: Option<String>,
        pub author_id: Option<i32>,
        pub slug: String,
        pub legacy: Option<i32>,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![
            EntityDef::of::<super::user::Entity>(),
            EntityDef::of::<post::Entity>(),
        ]
    }
}

/// `title` wider, NOT NULL with a default; `author_id` a foreign key; `slug` unique;
/// `rank` added and indexed; `legacy` dropped.
pub mod v2 {
    use super::EntityDef;

    crate::entity!(post, #[sea_orm(table_name = "post")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(column_type = "String(StringLen::N(120))", default_value = "untitled")]
        pub title: String,
        pub author_id: Option<i32>,
        #[sea_orm(unique)]
        pub slug: String,
        #[sea_orm(indexed, default_value = 0)]
        pub rank: i32,
    }, {
        #[sea_orm(
            belongs_to = "super::super::user::Entity",
            from = "Column::AuthorId",
            to = "super::super::user::Column::Id",
            on_delete = "SetNull"
        )]
        User,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![
            EntityDef::of::<super::user::Entity>(),
            EntityDef::of::<post::Entity>(),
        ]
    }
}
