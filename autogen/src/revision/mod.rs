//! The revision graph: metadata, heads, bases, and target resolution.

mod backends;
mod build;
mod error;
mod graph;
mod linear;
mod meta;
mod naming;
mod plan;
mod range;
mod rustfmt;
mod source_text;
mod squash;
mod target;
mod template;
mod touches;

pub use backends::{check_backend, require_backend};
pub use error::GraphError;
pub use graph::RevisionGraph;
pub use meta::RevisionMeta;
pub use naming::{file_name, new_revision_id};
pub use range::{RevisionRange, parse_range};
pub use rustfmt::rustfmt;
pub use source_text::{clean_message, comment_text, unsafe_in_source};
pub use template::{NewRevision, render};
pub use touches::{Touch, overlap, touches};
