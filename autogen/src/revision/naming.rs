//! Names of new revisions: random ids and file names.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use heck::ToSnakeCase;

/// Longest slug kept in a file name, in bytes.
const SLUG_MAX: usize = 40;

/// A fresh revision id: 12 random lowercase hex characters.
pub fn new_revision_id() -> String {
    // RandomState is seeded from the OS; time, a counter and the pid keep ids distinct even if
    // two states ever shared keys.
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let hash = RandomState::new().hash_one((nanos, count, std::process::id()));
    format!("{:012x}", hash & 0xffff_ffff_ffff)
}

/// File name of a revision: `<id>_<snake_case slug of message>.rs`, or `<id>.rs` when the
/// message has no ASCII letter or digit. The slug keeps whole words up to 40 bytes.
pub fn file_name(id: &str, message: &str) -> String {
    let slug = slug(message);
    if slug.is_empty() {
        format!("{id}.rs")
    } else {
        format!("{id}_{slug}.rs")
    }
}

/// The snake_case slug of `message`: ASCII letters and digits only, at most [`SLUG_MAX`] bytes.
fn slug(message: &str) -> String {
    let ascii: String = message
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    let mut out = String::new();
    for word in ascii.to_snake_case().split('_').filter(|w| !w.is_empty()) {
        let needed = if out.is_empty() {
            word.len()
        } else {
            word.len() + 1
        };
        if out.len() + needed > SLUG_MAX {
            if out.is_empty() {
                out.push_str(&word[..SLUG_MAX]);
            }
            break;
        }
        if !out.is_empty() {
            out.push('_');
        }
        out.push_str(word);
    }
    out
}
