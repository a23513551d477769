//! MySQL `ON UPDATE CURRENT_TIMESTAMP`, declared with sea-orm's `extra` attribute: added with
//! a new column and to an existing one, removed, and the column dropped. Elsewhere the clause
//! does not exist, and the same entities are plain columns.

use autogen::EntityDef;

/// `seen_at`, a plain timestamp.
pub mod v1 {
    use super::EntityDef;

    crate::entity!(note, #[sea_orm(table_name = "note")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub body: String,
        pub seen_at: Option<DateTime>,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![EntityDef::of::<note::Entity>()]
    }
}

/// `updated_at` added with `ON UPDATE CURRENT_TIMESTAMP`; `seen_at` gains it.
pub mod v2 {
    use super::EntityDef;

    crate::entity!(note, #[sea_orm(table_name = "note")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub body: String,
        #[sea_orm(extra = "ON UPDATE CURRENT_TIMESTAMP")]
        pub seen_at: Option<DateTime>,
        #[sea_orm(
            default_expr = "Expr::current_timestamp()",
            extra = "ON UPDATE CURRENT_TIMESTAMP",
            comment = "last change"
        )]
        pub updated_at: DateTime,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![EntityDef::of::<note::Entity>()]
    }
}

/// `updated_at` loses `ON UPDATE` (its default and comment stay).
pub mod v3 {
    use super::EntityDef;

    crate::entity!(note, #[sea_orm(table_name = "note")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub body: String,
        #[sea_orm(extra = "ON UPDATE CURRENT_TIMESTAMP")]
        pub seen_at: Option<DateTime>,
        #[sea_orm(default_expr = "Expr::current_timestamp()", comment = "last change")]
        pub updated_at: DateTime,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![EntityDef::of::<note::Entity>()]
    }
}

/// `updated_at` dropped.
pub mod v4 {
    use super::EntityDef;

    crate::entity!(note, #[sea_orm(table_name = "note")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub body: String,
        #[sea_orm(extra = "ON UPDATE CURRENT_TIMESTAMP")]
        pub seen_at: Option<DateTime>,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![EntityDef::of::<note::Entity>()]
    }
}

/// An `extra` the model cannot keep: a notice of the desired schema, never silence.
pub mod unkept {
    use super::EntityDef;

    crate::entity!(note, #[sea_orm(table_name = "note")] {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(extra = "INVISIBLE")]
        pub body: String,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![EntityDef::of::<note::Entity>()]
    }
}
