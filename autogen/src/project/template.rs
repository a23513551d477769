//! The revision template (Alembic's `script.py.mako`): every new revision file is the
//! template with its variables filled from the file the renderer wrote. `init` writes the
//! default template ([`DEFAULT_TEMPLATE`], which reproduces the renderer's output exactly);
//! `template = "<path>"` in `autogen.toml` selects one.
//!
//! Variables (`{{name}}`):
//! - `header`: the `//!` doc comment (message, revision id, parents, date);
//! - `imports`: the `use` lines;
//! - `revision`: the `pub const REVISION: RevisionMeta = ...;` item;
//! - `up_param`, `down_param`: `manager`, or `_manager` when the body is empty;
//! - `up_body`, `down_body`: the statements (a line holding only the variable disappears when
//!   the body is empty);
//! - `id`, `message` (first line, safe in a comment), `create_date`.
//!
//! The result must parse as Rust and define `REVISION` and `Migration` (the build script
//! lists them); otherwise nothing is written.

use std::path::{Path, PathBuf};

/// The default template, as `init` writes it.
pub const DEFAULT_TEMPLATE: &str = include_str!("init_files/revision.rs.tmpl");

/// A template that cannot produce a valid revision file.
#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    /// The template file cannot be read.
    #[error("cannot read revision template {}", .path.display())]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// `{{name}}` names no variable.
    #[error("revision template {}: unknown variable {{{{{name}}}}}", .path.display())]
    UnknownVariable {
        /// The template.
        path: PathBuf,
        /// The name.
        name: String,
    },
    /// The filled template is not valid Rust or lacks a required item.
    #[error("revision template {} would produce an invalid revision file ({detail}); nothing written", .path.display())]
    Invalid {
        /// The template.
        path: PathBuf,
        /// What is wrong.
        detail: String,
    },
}

/// The parts of a rendered revision file the template variables name.
struct Parts {
    header: String,
    imports: String,
    revision: String,
    up_param: String,
    up_body: String,
    down_param: String,
    down_body: String,
}

/// Fills `template` (read from `path`, for messages) from `source`, the renderer's file.
pub fn apply_template(
    template: &str,
    path: &Path,
    source: &str,
    id: &str,
    message: &str,
    create_date: &str,
) -> Result<String, TemplateError> {
    let invalid = |detail: String| TemplateError::Invalid {
        path: path.to_path_buf(),
        detail,
    };
    let parts = split(source).ok_or_else(|| invalid("unexpected renderer output".into()))?;
    let first_line = crate::revision::comment_text(message.lines().next().unwrap_or(""));
    let mut out = String::new();
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start..].find("}}") else {
            break;
        };
        let name = &rest[start + 2..start + len];
        let value = match name.trim() {
            "header" => &parts.header,
            "imports" => &parts.imports,
            "revision" => &parts.revision,
            "up_param" => &parts.up_param,
            "up_body" => &parts.up_body,
            "down_param" => &parts.down_param,
            "down_body" => &parts.down_body,
            "id" => id,
            "message" => &first_line,
            "create_date" => create_date,
            other => {
                return Err(TemplateError::UnknownVariable {
                    path: path.to_path_buf(),
                    name: other.to_string(),
                });
            }
        };
        let mut after = &rest[start + len + 2..];
        out.push_str(&rest[..start]);
        // An empty body on its own line leaves no blank line behind.
        if value.is_empty() && out.ends_with('\n') && after.starts_with('\n') {
            after = &after[1..];
        }
        out.push_str(value);
        rest = after;
    }
    out.push_str(rest);
    let file = syn::parse_file(&out).map_err(|e| invalid(format!("not Rust: {e}")))?;
    for (item, wanted) in [("const", "REVISION"), ("struct", "Migration")] {
        let found = file.items.iter().any(|i| match i {
            syn::Item::Const(c) => item == "const" && c.ident == wanted,
            syn::Item::Struct(s) => item == "struct" && s.ident == wanted,
            _ => false,
        });
        if !found {
            return Err(invalid(format!("no `pub {item} {wanted}`")));
        }
    }
    Ok(out)
}

/// Splits the renderer's output (see `revision::render`) into the template's parts.
fn split(source: &str) -> Option<Parts> {
    let lines: Vec<&str> = source.lines().collect();
    let header_end = lines.iter().position(|l| !l.starts_with("//!"))?;
    let meta_doc = lines
        .iter()
        .position(|l| *l == "/// Revision metadata read by the migrator.")?;
    let rev_start = meta_doc + 1;
    let rev_end = rev_start + lines[rev_start..].iter().position(|l| *l == "};")?;
    let join = |range: &[&str]| range.join("\n").trim_matches('\n').to_string();
    let (up_param, up_body) = method(&lines, "up")?;
    let (down_param, down_body) = method(&lines, "down")?;
    Some(Parts {
        header: join(&lines[..header_end]),
        imports: join(&lines[header_end..meta_doc]),
        revision: join(&lines[rev_start..=rev_end]),
        up_param,
        up_body,
        down_param,
        down_body,
    })
}

/// The parameter name and the body (without the final `Ok(())`) of `async fn name`.
fn method(lines: &[&str], name: &str) -> Option<(String, String)> {
    let prefix = format!("    async fn {name}(&self, ");
    let start = lines.iter().position(|l| l.starts_with(&prefix))?;
    let param = lines[start][prefix.len()..].split(':').next()?.to_string();
    let end = start + lines[start..].iter().position(|l| *l == "        Ok(())")?;
    Some((param, lines[start + 1..end].join("\n")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dogfood() -> Vec<String> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../migration/src/versions");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
            .map(|e| std::fs::read_to_string(e.path()).unwrap())
            .collect();
        files.sort();
        files
    }

    #[test]
    fn default_template_reproduces_the_renderer() {
        let files = dogfood();
        assert!(files.len() >= 2);
        for source in files {
            let out =
                apply_template(DEFAULT_TEMPLATE, Path::new("t"), &source, "i", "m", "d").unwrap();
            assert_eq!(out, source);
        }
        // An empty revision (no statements, `_manager`).
        let empty =
            crate::revision::rustfmt(&crate::revision::render(&crate::revision::NewRevision {
                id: "e".into(),
                message: "empty".into(),
                ..Default::default()
            }));
        let out = apply_template(DEFAULT_TEMPLATE, Path::new("t"), &empty, "e", "empty", "d");
        assert_eq!(out.unwrap(), empty);
    }

    #[test]
    fn custom_header_and_errors() {
        let source = &dogfood()[0];
        let custom = format!("// Reviewed by: {{{{ id }}}} / {{{{message}}}}\n{DEFAULT_TEMPLATE}");
        let out =
            apply_template(&custom, Path::new("t"), source, "abc", "first\nsecond", "d").unwrap();
        assert!(
            out.starts_with("// Reviewed by: abc / first\n//! "),
            "{out}"
        );
        let path = Path::new("/p/revision.rs.tmpl");
        for (template, expected) in [
            (
                "{{nope}}",
                "revision template /p/revision.rs.tmpl: unknown variable {{nope}}",
            ),
            (
                "{{header}}\nfn broken( {\n",
                "revision template /p/revision.rs.tmpl would produce an invalid revision file (not Rust:",
            ),
            (
                "{{header}}\n{{imports}}\n",
                "revision template /p/revision.rs.tmpl would produce an invalid revision file (no `pub const REVISION`)",
            ),
        ] {
            let err = apply_template(template, path, source, "i", "m", "d")
                .unwrap_err()
                .to_string();
            assert!(err.starts_with(expected), "{template:?}: {err}");
        }
    }
}
