//! Rust names for SQL names: modules and fields in snake_case, types and variants in
//! CamelCase, with the original name kept in `table_name`/`column_name` whenever the Rust
//! name differs from it.

/// Rust keywords (2024 edition, strict and reserved) that cannot be a field or module name.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try",
];

/// `OrderItem`, `orderItem`, `order-item` → `order_item`; a leading digit gets a `t_` prefix
/// and a keyword a trailing `_`.
pub fn snake(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_alphanumeric() {
            if c.is_ascii_uppercase() && i > 0 {
                let prev = chars[i - 1];
                let next_lower = chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
                if prev.is_ascii_lowercase()
                    || prev.is_ascii_digit()
                    || (prev.is_ascii_uppercase() && next_lower)
                {
                    out.push('_');
                }
            }
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    let mut out = out.trim_matches('_').to_string();
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out = format!("t_{out}");
    }
    if KEYWORDS.contains(&out.as_str()) {
        out.push('_');
    }
    out
}

/// `order_item` → `OrderItem` (what sea-orm derives from a field or module name); `self`
/// becomes `Self_`, since `Self` cannot name a type or variant.
pub fn camel(name: &str) -> String {
    let out: String = snake(name)
        .split('_')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let mut cs = p.chars();
            match cs.next() {
                Some(f) => f.to_ascii_uppercase().to_string() + cs.as_str(),
                None => String::new(),
            }
        })
        .collect();
    if out == "Self" { "Self_".into() } else { out }
}

/// Makes `names` unique in order by suffixing `_2`, `_3`, ... to repeats and to names in
/// `reserved` (compared in CamelCase, the form that must not collide).
pub fn unique_names(names: Vec<String>, reserved: &[&str]) -> Vec<String> {
    let mut seen: std::collections::BTreeSet<String> = reserved.iter().map(|r| camel(r)).collect();
    names
        .into_iter()
        .map(|n| {
            let mut candidate = n.clone();
            let mut k = 2;
            while !seen.insert(camel(&candidate)) {
                candidate = format!("{n}_{k}");
                k += 1;
            }
            candidate
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_and_camel_cases() {
        assert_eq!(snake("OrderItem"), "order_item");
        assert_eq!(snake("userID"), "user_id");
        assert_eq!(snake("HTTPServer"), "http_server");
        assert_eq!(snake("order_item"), "order_item");
        assert_eq!(snake("type"), "type_");
        assert_eq!(snake("2fa"), "t_2fa");
        assert_eq!(snake("first name"), "first_name");
        assert_eq!(camel("order_item"), "OrderItem");
        assert_eq!(camel("OrderItem"), "OrderItem");
        assert_eq!(
            unique_names(vec!["a_b".into(), "aB".into(), "a_b".into()], &[]),
            ["a_b", "aB_2", "a_b_3"]
        );
        assert_eq!(
            unique_names(vec!["prelude".into(), "x".into()], &["prelude"]),
            ["prelude_2", "x"]
        );
        assert_eq!(camel("self"), "Self_");
        assert_eq!(snake("a\"b'c\n"), "a_b_c");
    }
}
