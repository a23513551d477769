//! What sea-orm's attributes cannot say, declared next to the entity in Rust: extra indexes
//! (composite, unique, expression, partial, with a method, sort order or `INCLUDE` columns),
//! check constraints and native enum types.
//!
//! Columns, keys and relations stay in sea-orm's own attributes. An entity opts in with
//! [`EntityDef::with_extras`](super::EntityDef::with_extras). Plain composite indexes,
//! uniques and check constraints are compared like sea-orm's own; the other kinds are not managed yet, so
//! [`desired_schema`](super::desired_schema) lists each as an unmanaged object of the desired
//! schema and every report says so in one line, instead of dropping the declaration.

/// Extra schema objects of one entity's table.
pub trait SchemaExtras {
    /// Indexes beyond sea-orm's `indexed` / `unique` / `unique_key` attributes.
    fn indexes() -> Vec<IndexDef> {
        Vec::new()
    }
    /// Check constraints of the table.
    fn checks() -> Vec<CheckDef> {
        Vec::new()
    }
    /// Native enum types (PostgreSQL `CREATE TYPE .. AS ENUM`). Columns of an ActiveEnum with
    /// `db_type = "Enum"` bring their type along already; declare one here to create a type
    /// no column uses yet, or to fix its values. MySQL and SQLite have no named enum types.
    fn enum_types() -> Vec<EnumDef> {
        Vec::new()
    }
}

/// One indexed part: a column (with its order) or an expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexPart {
    /// A column in ascending order.
    Column(String),
    /// A column with an explicit order, e.g. `DESC NULLS LAST`.
    Ordered {
        /// Column name.
        column: String,
        /// Descending rather than ascending.
        desc: bool,
        /// `Some(true)` for `NULLS FIRST`, `Some(false)` for `NULLS LAST`.
        nulls_first: Option<bool>,
    },
    /// An SQL expression, e.g. `lower(email)`.
    Expression(String),
    /// A column prefix (MySQL), e.g. `name(10)`.
    Prefix {
        /// Column name.
        column: String,
        /// Prefix length in characters.
        length: u32,
    },
}

/// An index access method other than the default B-tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexMethod {
    /// PostgreSQL GIN.
    Gin,
    /// PostgreSQL GiST.
    Gist,
    /// PostgreSQL BRIN.
    Brin,
    /// Hash.
    Hash,
    /// MySQL FULLTEXT.
    FullText,
    /// MySQL SPATIAL.
    Spatial,
}

/// An index declared in Rust.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexDef {
    /// Index name.
    pub name: String,
    /// Indexed parts in order.
    pub parts: Vec<IndexPart>,
    /// `UNIQUE`.
    pub unique: bool,
    /// Access method; `None` is the backend's default (B-tree).
    pub method: Option<IndexMethod>,
    /// Partial-index predicate (`WHERE ..`).
    pub predicate: Option<String>,
    /// Non-key `INCLUDE` columns (PostgreSQL).
    pub include: Vec<String>,
    /// `NULLS NOT DISTINCT` (PostgreSQL 15).
    pub nulls_not_distinct: bool,
}

impl IndexDef {
    /// A plain B-tree index on `columns`.
    pub fn new(name: impl Into<String>, columns: &[&str]) -> Self {
        Self {
            name: name.into(),
            parts: columns
                .iter()
                .map(|c| IndexPart::Column((*c).to_owned()))
                .collect(),
            unique: false,
            method: None,
            predicate: None,
            include: Vec::new(),
            nulls_not_distinct: false,
        }
    }

    /// The same index, unique.
    pub fn unique(mut self) -> Self {
        self.unique = true;
        self
    }

    /// The same index with a `WHERE` predicate.
    pub fn predicate(mut self, sql: impl Into<String>) -> Self {
        self.predicate = Some(sql.into());
        self
    }

    /// The same index with an access method.
    pub fn method(mut self, method: IndexMethod) -> Self {
        self.method = Some(method);
        self
    }

    /// The column names, if this is a plain index the model compares (columns only,
    /// ascending, default method, no predicate, no `INCLUDE`, nulls distinct).
    pub fn plain_columns(&self) -> Option<Vec<String>> {
        if self.method.is_some()
            || self.predicate.is_some()
            || !self.include.is_empty()
            || self.nulls_not_distinct
        {
            return None;
        }
        self.parts
            .iter()
            .map(|p| match p {
                IndexPart::Column(c) => Some(c.clone()),
                _ => None,
            })
            .collect()
    }
}

/// A check constraint declared in Rust.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckDef {
    /// Constraint name.
    pub name: String,
    /// The boolean SQL expression, e.g. `price > 0`.
    pub expression: String,
}

impl CheckDef {
    /// A named check.
    pub fn new(name: impl Into<String>, expression: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            expression: expression.into(),
        }
    }
}

/// A native enum type declared in Rust.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnumDef {
    /// Type name (PostgreSQL); MySQL and SQLite have no named enum types.
    pub name: String,
    /// Values in order; compared exactly (case-sensitive, order-sensitive).
    pub values: Vec<String>,
}

impl EnumDef {
    /// An enum type with its values.
    pub fn new(name: impl Into<String>, values: &[&str]) -> Self {
        Self {
            name: name.into(),
            values: values.iter().map(|v| (*v).to_owned()).collect(),
        }
    }
}

/// The extras of one entity, erased (what [`super::EntityDef`] keeps).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extras {
    /// Extra indexes.
    pub indexes: Vec<IndexDef>,
    /// Check constraints.
    pub checks: Vec<CheckDef>,
    /// Enum types.
    pub enum_types: Vec<EnumDef>,
}

impl Extras {
    /// The extras `T` declares.
    pub fn of<T: SchemaExtras>() -> Self {
        Self {
            indexes: T::indexes(),
            checks: T::checks(),
            enum_types: T::enum_types(),
        }
    }
}
