//! The revision graph: metadata, heads, bases, and target resolution.

mod meta;

pub use meta::RevisionMeta;
