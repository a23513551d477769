//! The application's SeaORM entities, managed by the migration toolkit.

pub mod order;
pub mod product;
pub mod user;
