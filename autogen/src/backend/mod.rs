//! The one typed backend: which database a URL names, and how each one quotes names and
//! strings. Every identifier or string that reaches SQL text goes through [`Backend::ident`]
//! or [`Backend::string`]; nothing else in the crate writes quotes.

mod enum_type;
mod kind;
mod object_name;
mod quote;
mod sea_name;

pub use enum_type::enum_type;
pub use kind::Backend;
pub use object_name::{MAX_NAME_BYTES, ObjectName};
pub use sea_name::escaped_name;
