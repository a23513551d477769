//! A column whose collation the database holds and no entity can declare: the entity changes
//! the column (nullability, length), and `MODIFY COLUMN` must keep the collation.

use autogen::EntityDef;

/// `code` NOT NULL and 20 long (the database has it NULL, 10 long, `latin1_bin`).
pub mod changed {
    use super::EntityDef;

    crate::entity!(label, #[sea_orm(table_name = "label")] {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: i32,
        #[sea_orm(column_type = "String(StringLen::N(20))")]
        pub code: String,
    });

    /// The entities of this version.
    pub fn entities() -> Vec<EntityDef> {
        vec![EntityDef::of::<label::Entity>()]
    }
}
