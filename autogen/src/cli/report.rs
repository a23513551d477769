//! The one place an error becomes text for the user: its message and every cause, one line.

/// `err` and its `source()` chain joined with `: `, collapsed to one line.
pub fn one_line(err: &(dyn std::error::Error + 'static)) -> String {
    let mut parts = vec![err.to_string()];
    let mut cause = err.source();
    while let Some(e) = cause {
        let text = e.to_string();
        // `#[error(transparent)]` wrappers repeat their cause's message.
        if parts.last() != Some(&text) {
            parts.push(text);
        }
        cause = e.source();
    }
    parts
        .join(": ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
