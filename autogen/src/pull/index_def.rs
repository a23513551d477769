//! An index kept as SQL ([`DefinedIndex`]) back into the [`IndexDef`] an entity declares.
//!
//! The statement is split at its top level: the head (`UNIQUE`/`FULLTEXT`/`SPATIAL`,
//! `USING <method>`), the indexed parts, and the tail (`INCLUDE (..)`, `NULLS NOT
//! DISTINCT`, `WHERE ..`). A part is a column (with its order), a MySQL prefix, or an
//! expression (a function call or a parenthesized expression), with its `COLLATE` and
//! operator class. Anything else (a schema-qualified collation or operator class, an ordered
//! expression, storage parameters) is not parsed, and the
//! result must render back to the same canonical statement
//! ([`crate::metadata::index_on`]): what pull cannot declare exactly it leaves as a note.

use crate::backend::Backend;
use crate::metadata::{IndexDef, IndexMethod, IndexPart, OnBackend, index_on};
use crate::model::DefinedIndex;
use crate::normalize::indexes::canonical_index;

/// The declaration of `index` on `table`, if one renders back to the same statement.
pub fn index_def(index: &DefinedIndex, table: &str) -> Option<IndexDef> {
    let def = parse(&index.sql, &index.name, index.backend)?;
    match index_on(&def, table, index.backend) {
        OnBackend::Defined(back) if canonical_index(&back.sql) == canonical_index(&index.sql) => {
            Some(def)
        }
        _ => None,
    }
}

/// A top-level piece of the statement: a word, a quoted name or a parenthesized group
/// (with its text, parentheses included).
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Word(String),
    Name(String),
    Group(String),
    /// A string literal or an operator: only in predicates, which are kept as text.
    Other,
}

/// The statement's top-level pieces, each with the byte offset it starts at.
fn pieces(sql: &str) -> Option<Vec<(usize, Piece)>> {
    let chars: Vec<(usize, char)> = sql.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '"' || c == '`' {
            let (name, next) = quoted(&chars, i)?;
            out.push((at, Piece::Name(name)));
            i = next;
        } else if c == '(' {
            let end = group_end(&chars, i)?;
            let stop = chars.get(end + 1).map_or(sql.len(), |(b, _)| *b);
            out.push((at, Piece::Group(sql[at..stop].to_owned())));
            i = end + 1;
        } else if c.is_alphanumeric() || c == '_' || c == '$' {
            let start = i;
            while i < chars.len() && (chars[i].1.is_alphanumeric() || "_$.".contains(chars[i].1)) {
                i += 1;
            }
            let stop = chars.get(i).map_or(sql.len(), |(b, _)| *b);
            out.push((chars[start].0, Piece::Word(sql[at..stop].to_owned())));
        } else if c == '\'' {
            i = string_end(&chars, i)? + 1;
            out.push((at, Piece::Other));
        } else {
            i += 1;
            out.push((at, Piece::Other));
        }
    }
    Some(out)
}

/// A quoted name starting at `i` (its quote doubled inside), and the index after it.
fn quoted(chars: &[(usize, char)], i: usize) -> Option<(String, usize)> {
    let q = chars[i].1;
    let mut name = String::new();
    let mut j = i + 1;
    loop {
        let c = chars.get(j)?.1;
        if c == q && chars.get(j + 1).map(|x| x.1) == Some(q) {
            name.push(q);
            j += 2;
        } else if c == q {
            return Some((name, j + 1));
        } else {
            name.push(c);
            j += 1;
        }
    }
}

/// The index of the `'` that closes the literal opening at `i`.
fn string_end(chars: &[(usize, char)], i: usize) -> Option<usize> {
    let mut j = i + 1;
    loop {
        let c = chars.get(j)?.1;
        if c == '\'' && chars.get(j + 1).map(|x| x.1) == Some('\'') {
            j += 2;
        } else if c == '\'' {
            return Some(j);
        } else {
            j += 1;
        }
    }
}

/// The index of the `)` that closes the group opening at `i`, skipping quotes and literals.
fn group_end(chars: &[(usize, char)], i: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut j = i;
    while j < chars.len() {
        match chars[j].1 {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(j);
                }
            }
            '\'' => j = string_end(chars, j)?,
            '"' | '`' => j = quoted(chars, j)?.1 - 1,
            _ => {}
        }
        j += 1;
    }
    None
}

/// The text between a group's parentheses, split at its top-level commas.
fn split_group(group: &str) -> Option<Vec<String>> {
    let inner = group.strip_prefix('(')?.strip_suffix(')')?;
    let chars: Vec<(usize, char)> = inner.char_indices().collect();
    let mut out = Vec::new();
    let (mut start, mut j) = (0, 0);
    while j < chars.len() {
        match chars[j].1 {
            '(' => j = group_end(&chars, j)?,
            '\'' => j = string_end(&chars, j)?,
            '"' | '`' => j = quoted(&chars, j)?.1 - 1,
            ',' => {
                out.push(inner[start..chars[j].0].trim().to_owned());
                start = chars[j].0 + 1;
            }
            _ => {}
        }
        j += 1;
    }
    out.push(inner[start..].trim().to_owned());
    Some(out)
}

fn is_word(piece: &Piece, word: &str) -> bool {
    matches!(piece, Piece::Word(w) if w.eq_ignore_ascii_case(word))
}

/// A name: quoted, or a bare word (not a keyword of the part grammar).
fn name_of(piece: &Piece) -> Option<String> {
    match piece {
        Piece::Name(n) => Some(n.clone()),
        Piece::Word(w)
            if !["asc", "desc", "nulls", "first", "last", "collate"]
                .contains(&w.to_ascii_lowercase().as_str()) =>
        {
            Some(w.clone())
        }
        _ => None,
    }
}

fn parse(sql: &str, name: &str, backend: Backend) -> Option<IndexDef> {
    let pieces = pieces(sql)?;
    let open = pieces
        .iter()
        .position(|(_, p)| matches!(p, Piece::Group(_)))?;
    let head = &pieces[..open];
    let Piece::Group(list) = &pieces[open].1 else {
        return None;
    };
    let mut def = IndexDef::on(name, Vec::new());
    def.unique = head.iter().any(|(_, p)| is_word(p, "unique"));
    if head.iter().any(|(_, p)| is_word(p, "fulltext")) {
        def.method = Some(IndexMethod::FullText);
    } else if head.iter().any(|(_, p)| is_word(p, "spatial")) {
        def.method = Some(IndexMethod::Spatial);
    }
    if let Some(at) = head.iter().position(|(_, p)| is_word(p, "using")) {
        let Piece::Word(m) = &head.get(at + 1)?.1 else {
            return None;
        };
        def.method = match m.to_ascii_lowercase().as_str() {
            "btree" => None,
            "gin" => Some(IndexMethod::Gin),
            "gist" => Some(IndexMethod::Gist),
            "brin" => Some(IndexMethod::Brin),
            "hash" => Some(IndexMethod::Hash),
            _ => return None,
        };
    }
    def.parts = split_group(list)?
        .iter()
        .map(|p| part(p, backend))
        .collect::<Option<_>>()?;
    let mut i = open + 1;
    while i < pieces.len() {
        let (at, piece) = &pieces[i];
        if is_word(piece, "include") {
            let Piece::Group(cols) = &pieces.get(i + 1)?.1 else {
                return None;
            };
            def.include = split_group(cols)?
                .iter()
                .map(|c| single_name(c))
                .collect::<Option<_>>()?;
            i += 2;
        } else if is_word(piece, "nulls") {
            let words = (
                pieces.get(i + 1).map(|p| &p.1),
                pieces.get(i + 2).map(|p| &p.1),
            );
            match words {
                (Some(n), Some(d)) if is_word(n, "not") && is_word(d, "distinct") => {
                    def.nulls_not_distinct = true;
                    i += 3;
                }
                (Some(d), _) if is_word(d, "distinct") => i += 2,
                _ => return None,
            }
        } else if is_word(piece, "where") {
            let rest = sql[*at + "where".len()..].trim();
            def.predicate = Some(rest.to_owned());
            break;
        } else {
            return None;
        }
    }
    Some(def)
}

/// A part that is exactly one name.
fn single_name(text: &str) -> Option<String> {
    match pieces(text)?.as_slice() {
        [(_, p)] => name_of(p),
        _ => None,
    }
}

/// One indexed part: a column, a MySQL prefix, a call or a parenthesized expression, then
/// `COLLATE <name>`, an operator class and the column's order, in the order PostgreSQL
/// prints them.
fn part(text: &str, backend: Backend) -> Option<IndexPart> {
    let ps = pieces(text)?;
    let (first, rest) = ps.split_first()?;
    let (base, tail) = match (&first.1, rest.first()) {
        // `name(10)` (MySQL prefix) or `lower(..)` (a call, an expression).
        (Piece::Name(column), Some((_, Piece::Group(g))))
            if backend == Backend::MySql && rest.len() == 1 =>
        {
            let length = g[1..g.len() - 1].trim().parse().ok()?;
            return Some(IndexPart::prefix(column.clone(), length));
        }
        (Piece::Word(_), Some((at, Piece::Group(g)))) => (
            IndexPart::expression(text[..at + g.len()].trim()),
            &rest[1..],
        ),
        (Piece::Name(_), Some((_, Piece::Group(_)))) => return None,
        // `(a + b)`: a parenthesized expression, kept without its parentheses.
        (Piece::Group(g), _) => (IndexPart::expression(g[1..g.len() - 1].trim()), rest),
        (p, _) => (IndexPart::column(name_of(p)?), rest),
    };
    let (collate, opclass, order) = qualifiers(tail)?;
    let mut part = match (base, order) {
        (base, None) => base,
        (IndexPart::Column(column), Some((desc, nulls))) => {
            let base = if desc {
                IndexPart::desc(column)
            } else {
                IndexPart::Ordered {
                    column,
                    desc: false,
                    nulls_first: None,
                }
            };
            match nulls {
                None => base,
                Some(first) => base.nulls_first(first),
            }
        }
        // An ordered expression is not declared.
        _ => return None,
    };
    if let Some(c) = collate {
        part = part.collate(c);
    }
    if let Some(o) = opclass {
        part = part.opclass(o);
    }
    Some(part)
}

/// What a part ends with: `COLLATE <name>`, an operator class, then `ASC`/`DESC` and
/// `NULLS FIRST|LAST` (`(desc, nulls_first)`). A schema-qualified collation or operator
/// class is not declared (it is quoted as one name).
#[allow(clippy::type_complexity)]
fn qualifiers(
    tail: &[(usize, Piece)],
) -> Option<(Option<String>, Option<String>, Option<(bool, Option<bool>)>)> {
    let mut i = 0;
    let mut collate = None;
    if tail.first().is_some_and(|(_, p)| is_word(p, "collate")) {
        let name = match &tail.get(1)?.1 {
            Piece::Name(n) => n.clone(),
            Piece::Word(w) if !w.contains('.') => w.clone(),
            _ => return None,
        };
        collate = Some(name);
        i = 2;
    }
    let mut opclass = None;
    if let Some((_, Piece::Word(w))) = tail.get(i)
        && !["asc", "desc", "nulls"].contains(&w.to_ascii_lowercase().as_str())
    {
        if w.contains('.') {
            return None;
        }
        opclass = Some(w.clone());
        i += 1;
    }
    let words: Vec<String> = tail[i..]
        .iter()
        .map(|(_, p)| match p {
            Piece::Word(w) => Some(w.to_ascii_lowercase()),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let nulls = |n: &str| match n {
        "first" => Some(true),
        "last" => Some(false),
        _ => None,
    };
    let order = match words.as_slice() {
        [] => None,
        ["asc"] => Some((false, None)),
        ["desc"] => Some((true, None)),
        ["nulls", n] | ["asc", "nulls", n] => Some((false, Some(nulls(n)?))),
        ["desc", "nulls", n] => Some((true, Some(nulls(n)?))),
        _ => return None,
    };
    Some((collate, opclass, order))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(backend: Backend, sql: &str) -> Option<IndexDef> {
        index_def(&DefinedIndex::read("ix".into(), backend, sql.into()), "t")
    }

    #[test]
    fn postgres_definitions() {
        let ix = read(
            Backend::Postgres,
            r#"CREATE INDEX "ix" ON "t" USING btree (lower((email)::text)) WHERE ((status)::text = 'open'::text)"#,
        )
        .unwrap();
        assert_eq!(ix.parts, [IndexPart::expression("lower((email)::text)")]);
        assert_eq!(
            ix.predicate.as_deref(),
            Some("((status)::text = 'open'::text)")
        );
        let ix = read(
            Backend::Postgres,
            r#"CREATE UNIQUE INDEX "ix" ON "t" USING btree ("Code" DESC, b NULLS FIRST) INCLUDE (c, "D""q") NULLS NOT DISTINCT"#,
        )
        .unwrap();
        assert!(ix.unique && ix.nulls_not_distinct);
        assert_eq!(
            ix.parts,
            [
                IndexPart::desc("Code"),
                IndexPart::column("b").nulls_first(true)
            ]
        );
        assert_eq!(ix.include, ["c", "D\"q"]);
        let ix = read(
            Backend::Postgres,
            r#"CREATE INDEX "ix" ON "t" USING gin (to_tsvector('english'::regconfig, body))"#,
        )
        .unwrap();
        assert_eq!(ix.method, Some(IndexMethod::Gin));
        let ix = read(
            Backend::Postgres,
            r#"CREATE INDEX "ix" ON "t" USING btree (((a + b)))"#,
        )
        .unwrap();
        assert_eq!(ix.parts, [IndexPart::expression("(a + b)")]);
        // Operator classes and collations, on columns and expressions, as printed.
        let cases = [
            (
                r#"CREATE INDEX "ix" ON "t" USING btree (name text_pattern_ops)"#,
                IndexPart::column("name").opclass("text_pattern_ops"),
            ),
            (
                r#"CREATE INDEX "ix" ON "t" USING btree (name COLLATE "C" DESC NULLS LAST)"#,
                IndexPart::desc("name").nulls_first(false).collate("C"),
            ),
            (
                r#"CREATE INDEX "ix" ON "t" USING btree (name COLLATE "C" text_pattern_ops)"#,
                IndexPart::column("name")
                    .collate("C")
                    .opclass("text_pattern_ops"),
            ),
            (
                r#"CREATE INDEX "ix" ON "t" USING btree (lower((name)::text) text_pattern_ops)"#,
                IndexPart::expression("lower((name)::text)").opclass("text_pattern_ops"),
            ),
            (
                r#"CREATE INDEX "ix" ON "t" USING gin (doc jsonb_path_ops)"#,
                IndexPart::column("doc").opclass("jsonb_path_ops"),
            ),
        ];
        for (sql, want) in cases {
            let ix = read(Backend::Postgres, sql).unwrap_or_else(|| panic!("{sql}"));
            assert_eq!(ix.parts, [want], "{sql}");
        }
        // Ordered expressions, qualified names and storage parameters are not declared.
        for sql in [
            r#"CREATE INDEX "ix" ON "t" USING btree (lower(name) DESC)"#,
            r#"CREATE INDEX "ix" ON "t" USING btree (name public.my_ops)"#,
            r#"CREATE INDEX "ix" ON "t" USING btree (name COLLATE public."x")"#,
            r#"CREATE INDEX "ix" ON "t" USING spgist (p)"#,
            r#"CREATE INDEX "ix" ON "t" USING btree (a) WITH (fillfactor='70')"#,
        ] {
            assert_eq!(read(Backend::Postgres, sql), None, "{sql}");
        }
    }

    #[test]
    fn mysql_and_sqlite_definitions() {
        let ix = read(
            Backend::MySql,
            "CREATE FULLTEXT INDEX `ix` ON `t` (`title`, `bo``dy`)",
        )
        .unwrap();
        assert_eq!(ix.method, Some(IndexMethod::FullText));
        assert_eq!(
            ix.parts,
            [IndexPart::column("title"), IndexPart::column("bo`dy")]
        );
        let ix = read(
            Backend::MySql,
            "CREATE UNIQUE INDEX `ix` ON `t` (`name`(10), `b` DESC)",
        )
        .unwrap();
        assert_eq!(
            ix.parts,
            [IndexPart::prefix("name", 10), IndexPart::desc("b")]
        );
        let ix = read(
            Backend::Sqlite,
            "create index ix on t (lower(email), \"b\" desc) where deleted is null",
        )
        .unwrap();
        assert_eq!(
            ix.parts,
            [IndexPart::expression("lower(email)"), IndexPart::desc("b")]
        );
        assert_eq!(ix.predicate.as_deref(), Some("deleted is null"));
        let ix = read(
            Backend::Sqlite,
            "CREATE INDEX ix ON t (name COLLATE NOCASE, b COLLATE rtrim DESC)",
        )
        .unwrap();
        assert_eq!(
            ix.parts,
            [
                IndexPart::column("name").collate("NOCASE"),
                IndexPart::desc("b").collate("rtrim")
            ]
        );
        // A collation SQLite does not know is not declared (it would not render back).
        assert_eq!(
            read(
                Backend::Sqlite,
                "CREATE INDEX ix ON t (name COLLATE my_coll)"
            ),
            None
        );
    }
}
