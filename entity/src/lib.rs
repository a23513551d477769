//! The application's SeaORM entities, managed by the migration toolkit.

pub mod order;
pub mod product;
pub mod user;

/// Every entity the migration toolkit manages.
pub fn all() -> Vec<autogen::EntityDef> {
    vec![
        autogen::EntityDef::of::<user::Entity>(),
        autogen::EntityDef::of::<product::Entity>(),
        autogen::EntityDef::of::<order::Entity>(),
    ]
}
