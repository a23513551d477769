//! Text from users and databases made safe to put in generated Rust source.

/// Whether `c` would break a `//` comment or change how the source reads: control characters
/// (a bare CR is a compile error in a comment) and the Unicode bidirectional controls, which
/// rustc rejects in comments (`text_direction_codepoint_in_comment`, CVE-2021-42574).
pub fn unsafe_in_source(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

/// `text` for a `//` comment: unsafe characters become spaces.
pub fn comment_text(text: &str) -> String {
    text.chars()
        .map(|c| if unsafe_in_source(c) { ' ' } else { c })
        .collect()
}

/// `text` with bidirectional and control characters removed except newlines and tabs, for
/// messages stored in string literals (which `{:?}` escapes anyway) and shown in comments.
pub fn clean_message(text: &str) -> String {
    text.chars()
        .filter(|&c| c == '\n' || c == '\t' || !unsafe_in_source(c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_controls_never_reach_source() {
        let evil = "add \u{202e}redro\u{202c} table\r";
        assert_eq!(comment_text(evil), "add  redro  table ");
        assert_eq!(clean_message(evil), "add redro table");
    }
}
