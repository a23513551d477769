//! Add and drop columns, including one SQLite can only add by rebuilding the table.

use autogen::EntityDef;

/// `user` with a nullable nickname.
pub mod v1 {
    use super::EntityDef;

    crate::entity!(user, #[sea_orm(table_name = "user")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub name: String,
        pub nickname: Option<String>,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![EntityDef::of::<user::Entity>()]
    }
}

/// Nickname dropped; email, age (constant default) and created_at (`CURRENT_TIMESTAMP`,
/// which SQLite's ADD COLUMN refuses) added.
pub mod v2 {
    use super::EntityDef;

    crate::entity!(user, #[sea_orm(table_name = "user")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub name: String,
        pub email: Option<String>,
        #[sea_orm(default_value = 0)]
        pub age: i32,
        #[sea_orm(default_expr = "Expr::current_timestamp()")]
        pub created_at: DateTimeWithTimeZone,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![EntityDef::of::<user::Entity>()]
    }
}
