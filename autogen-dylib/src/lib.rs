//! `autogen` and every crate it depends on (sea-orm, sqlx, tokio, clap, the AWS SDK, ...) as
//! one Rust shared library, for debug builds of `cli` only (`cli/src/main.rs` names this
//! crate under `cfg(debug_assertions)`; a release build never loads it and links statically).
//!
//! Why: after a new revision file or an entity edit, the rebuild recompiled one small crate
//! and then relinked the whole 73 MB debug binary, most of the edit loop's time. With this
//! library the binary is ~0.7 MB and its link is a fraction of a second
//! (docs/BENCHMARKS.md, "Edit loop"). This is bevy's `dynamic_linking` approach.

pub use autogen;
