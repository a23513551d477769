//! The one typed backend: which database a URL names, and how each one quotes names and
//! strings. Every identifier or string that reaches SQL text goes through [`Backend::ident`]
//! or [`Backend::string`]; nothing else in the crate writes quotes.

mod kind;
mod quote;

pub use kind::Backend;
