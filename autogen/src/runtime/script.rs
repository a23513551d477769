//! Wrapped revisions as SQL script text, for offline `--sql` and `diff --sql`.

use super::frame::Frame;

/// Appends the frames of one revision (or script) to `out`, one statement per line, with `body`
/// in place of its [`Frame::Body`].
pub fn push_frames(out: &mut String, frames: &[Frame], body: &[String]) {
    for frame in frames {
        match frame.sql() {
            Some(sql) => push_statement(out, &sql),
            None => body.iter().for_each(|stmt| push_statement(out, stmt)),
        }
    }
}

/// Appends one statement, terminated by exactly one `;`.
pub fn push_statement(out: &mut String, stmt: &str) {
    out.push_str(stmt.trim_end().trim_end_matches(';'));
    out.push_str(";\n");
}
