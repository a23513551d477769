//! Every password seen in a parsed URL, so that text from other crates (driver log lines, spans
//! that print connect options) can be scrubbed before it reaches the terminal.
//!
//! This is the safety net under the typed URL: our own messages already use the redacted
//! form, but sqlx and sea-orm log their connect options at debug/trace level (sea-orm's
//! `connect` span prints `ConnectOptions { url: .. }`, sqlx-postgres warns
//! `ignoring unrecognized connect parameter key=.. value=..`).

use std::sync::{Mutex, PoisonError};

/// Passwords shorter than this are not scrubbed from arbitrary text: replacing every `ab` in
/// a log would garble it. The typed paths redact them anyway.
const MIN_SCRUBBED: usize = 3;

static KNOWN: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Remembers `secrets` (raw and decoded forms) for [`scrub_known_secrets`].
pub(super) fn remember(secrets: &[String]) {
    let mut known = KNOWN.lock().unwrap_or_else(PoisonError::into_inner);
    for s in secrets {
        if s.chars().count() >= MIN_SCRUBBED && !known.contains(s) {
            known.push(s.clone());
        }
    }
    // Longest first, so a password that contains another is replaced whole.
    known.sort_by_key(|s| std::cmp::Reverse(s.len()));
}

/// `text` with every password of every URL parsed so far replaced by `***`.
pub fn scrub_known_secrets(text: &str) -> String {
    let known = KNOWN.lock().unwrap_or_else(PoisonError::into_inner);
    let mut out = text.to_string();
    for s in known.iter() {
        if out.contains(s.as_str()) {
            out = out.replace(s.as_str(), "***");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_secrets_are_scrubbed() {
        remember(&["Zq9-unique-pw".to_string(), "ab".to_string()]);
        assert_eq!(
            scrub_known_secrets("url: postgres://u:Zq9-unique-pw@h/db ab"),
            "url: postgres://u:***@h/db ab"
        );
    }
}
