//! The kinds of argument a builder call takes, each with its sea-query value and its Rust
//! text side by side.

use sea_orm::sea_query::{Alias, Check, Expr, ForeignKeyAction};

use crate::backend::Backend;
use crate::model::FkAction;
use crate::plan::DefaultArg;

use super::imports::Imports;

/// An argument of a builder call: its sea-query value for a backend, and its Rust text.
pub trait Arg {
    /// What the sea-query method takes.
    type Sea;
    /// The value, for `backend`.
    fn sea(&self, backend: Backend) -> Self::Sea;
    /// The Rust expression a generated file passes (recording what it imports).
    fn rust(&self, imports: &mut Imports) -> String;
}

/// A Rust string literal (`"..."` with escapes): valid for any text, bidi controls included
/// (`{:?}` escapes every non-printable character).
pub fn rs(s: &str) -> String {
    format!("{s:?}")
}

/// A table or column name. sea-query escapes these itself (`prepare_iden` doubles the quote
/// of an owned name, and borrows only names made of `[A-Za-z0-9_]`).
#[derive(Debug, Clone, PartialEq)]
pub struct Iden(pub String);

impl Arg for Iden {
    type Sea = Alias;
    fn sea(&self, _: Backend) -> Alias {
        Alias::new(&self.0)
    }
    fn rust(&self, _: &mut Imports) -> String {
        rs(&self.0)
    }
}

/// An index or constraint name. sea-query 1.0.2 writes these between quotes without escaping
/// them, so the name is escaped for the backend first; a generated file does that at run time
/// through [`crate::backend::escaped_name`], for names that hold a quote character.
#[derive(Debug, Clone, PartialEq)]
pub struct Name(pub String);

impl Arg for Name {
    type Sea = String;
    fn sea(&self, backend: Backend) -> String {
        backend.ident_body(&self.0)
    }
    fn rust(&self, imports: &mut Imports) -> String {
        if Backend::needs_escaping_anywhere(&self.0) {
            imports.autogen.insert("backend::escaped_name");
            format!("escaped_name(manager, {})", rs(&self.0))
        } else {
            rs(&self.0)
        }
    }
}

/// Free text (a comment), which sea-query writes as an escaped string literal.
impl Arg for String {
    type Sea = String;
    fn sea(&self, _: Backend) -> String {
        self.clone()
    }
    fn rust(&self, _: &mut Imports) -> String {
        rs(self)
    }
}

/// A custom column type, SQL text that sea-query writes as is.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeName(pub String);

impl Arg for TypeName {
    type Sea = Alias;
    fn sea(&self, _: Backend) -> Alias {
        Alias::new(&self.0)
    }
    fn rust(&self, imports: &mut Imports) -> String {
        imports.sea_query("Alias");
        format!("Alias::new({})", rs(&self.0))
    }
}

/// An enum column type: its name and values, written per backend when the statement runs
/// ([`Backend::enum_type_sql`]); a generated file calls [`crate::backend::enum_type`].
#[derive(Debug, Clone, PartialEq)]
pub struct EnumArg {
    /// Type name (PostgreSQL).
    pub name: String,
    /// Values in order.
    pub values: Vec<String>,
}

impl Arg for EnumArg {
    type Sea = Alias;
    fn sea(&self, backend: Backend) -> Alias {
        Alias::new(backend.enum_type_sql(&self.name, &self.values))
    }
    fn rust(&self, imports: &mut Imports) -> String {
        imports.autogen.insert("backend::enum_type");
        let values: Vec<String> = self.values.iter().map(|v| rs(v)).collect();
        format!(
            "enum_type(manager, {}, &[{}])",
            rs(&self.name),
            values.join(", ")
        )
    }
}

/// A domain column type's name, an argument of [`crate::plan::ColumnDefExt::domain`] (which
/// quotes it with [`Backend::ident`] on PostgreSQL when the migration runs).
#[derive(Debug, Clone, PartialEq)]
pub struct DomainArg(pub String);

impl Arg for DomainArg {
    type Sea = String;
    fn sea(&self, _: Backend) -> String {
        self.0.clone()
    }
    fn rust(&self, imports: &mut Imports) -> String {
        imports.autogen.insert("plan::ColumnDefExt");
        rs(&self.0)
    }
}

/// A check constraint inside `Table::create()`: its name (escaped by sea-query's
/// `prepare_iden`, like a column name) and its expression, SQL text written as is.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckArg {
    /// Constraint name; `None` for an unnamed check.
    pub name: Option<String>,
    /// The boolean expression.
    pub expression: String,
}

impl Arg for CheckArg {
    type Sea = Check;
    fn sea(&self, _: Backend) -> Check {
        let expr = Expr::cust(self.expression.clone());
        match &self.name {
            Some(name) => Check::named(Alias::new(name), expr),
            None => Check::unnamed(expr),
        }
    }
    fn rust(&self, imports: &mut Imports) -> String {
        imports.sea_query("Expr");
        let expr = format!("Expr::cust({})", rs(&self.expression));
        match &self.name {
            Some(name) => {
                imports.sea_query("Alias");
                format!("(Alias::new({}), {expr})", rs(name))
            }
            None => expr,
        }
    }
}

/// The backend the migration runs on: the backend at hand when run, and
/// `manager.get_database_backend()` in a generated file.
#[derive(Debug, Clone, PartialEq)]
pub struct BackendArg;

impl Arg for BackendArg {
    type Sea = sea_orm::DbBackend;
    fn sea(&self, backend: Backend) -> sea_orm::DbBackend {
        backend.db()
    }
    fn rust(&self, _: &mut Imports) -> String {
        "manager.get_database_backend()".into()
    }
}

/// The width of an unsigned key (the extension trait's argument).
impl Arg for crate::plan::UnsignedWidth {
    type Sea = Self;
    fn sea(&self, _: Backend) -> Self {
        *self
    }
    fn rust(&self, imports: &mut Imports) -> String {
        imports.autogen.insert("plan::ColumnDefExt");
        imports.autogen.insert("plan::UnsignedWidth");
        format!("UnsignedWidth::{}", self.name())
    }
}

/// The kind of a PostgreSQL auto-increment column.
impl Arg for crate::model::IdentityKind {
    type Sea = Self;
    fn sea(&self, _: Backend) -> Self {
        *self
    }
    fn rust(&self, imports: &mut Imports) -> String {
        imports.autogen.insert("plan::ColumnDefExt");
        imports.autogen.insert("model::IdentityKind");
        format!("IdentityKind::{self:?}")
    }
}

/// The precision of MySQL's `ON UPDATE CURRENT_TIMESTAMP(n)` (`None`: no precision), an
/// argument of [`crate::plan::ColumnDefExt::mysql_on_update`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OnUpdateArg(pub Option<u32>);

impl Arg for OnUpdateArg {
    type Sea = Option<u32>;
    fn sea(&self, _: Backend) -> Option<u32> {
        self.0
    }
    fn rust(&self, imports: &mut Imports) -> String {
        imports.autogen.insert("plan::ColumnDefExt");
        match self.0 {
            Some(n) => format!("Some({n})"),
            None => "None".into(),
        }
    }
}

/// A column collation, an argument of [`crate::plan::ColumnDefExt::collate`] (which quotes
/// the name with [`Backend::ident`] when the migration runs).
#[derive(Debug, Clone, PartialEq)]
pub struct CollationArg(pub crate::model::Collation);

impl Arg for CollationArg {
    type Sea = crate::model::Collation;
    fn sea(&self, _: Backend) -> crate::model::Collation {
        self.0.clone()
    }
    fn rust(&self, imports: &mut Imports) -> String {
        imports.autogen.insert("plan::ColumnDefExt");
        imports.autogen.insert("model::Collation");
        let make = match self.0.backend {
            Backend::MySql => "mysql",
            Backend::Postgres => "postgres",
            Backend::Sqlite => "sqlite",
        };
        format!("Collation::{make}({})", rs(&self.0.name))
    }
}

/// A sequence step (`None` is the default, 1).
pub type IdentityStep = Option<i64>;

/// A sequence step.
impl Arg for IdentityStep {
    type Sea = Self;
    fn sea(&self, _: Backend) -> Self {
        *self
    }
    fn rust(&self, _: &mut Imports) -> String {
        match self {
            Some(n) => format!("Some({n})"),
            None => "None".into(),
        }
    }
}

/// A length, precision or scale.
impl Arg for u32 {
    type Sea = u32;
    fn sea(&self, _: Backend) -> u32 {
        *self
    }
    fn rust(&self, _: &mut Imports) -> String {
        self.to_string()
    }
}

/// A foreign-key action.
impl Arg for FkAction {
    type Sea = ForeignKeyAction;
    fn sea(&self, _: Backend) -> ForeignKeyAction {
        fk_action(*self).0
    }
    fn rust(&self, imports: &mut Imports) -> String {
        imports.sea_query("ForeignKeyAction");
        format!("ForeignKeyAction::{}", fk_action(*self).1)
    }
}

/// sea-query's action and its variant name, in one table.
fn fk_action(action: FkAction) -> (ForeignKeyAction, &'static str) {
    match action {
        FkAction::NoAction => (ForeignKeyAction::NoAction, "NoAction"),
        FkAction::Restrict => (ForeignKeyAction::Restrict, "Restrict"),
        FkAction::Cascade => (ForeignKeyAction::Cascade, "Cascade"),
        FkAction::SetNull => (ForeignKeyAction::SetNull, "SetNull"),
        FkAction::SetDefault => (ForeignKeyAction::SetDefault, "SetDefault"),
    }
}

/// A column default.
impl Arg for DefaultArg {
    type Sea = Expr;
    fn sea(&self, _: Backend) -> Expr {
        default_expr(self).0
    }
    fn rust(&self, imports: &mut Imports) -> String {
        let (_, text, uses_expr) = default_expr(self);
        if uses_expr {
            imports.sea_query("Expr");
        }
        text
    }
}

/// The `.default(..)` argument as a value and as Rust text (and whether the text names
/// `Expr`), in one table.
fn default_expr(arg: &DefaultArg) -> (Expr, String, bool) {
    match arg {
        DefaultArg::CurrentTimestamp => (
            Expr::current_timestamp(),
            "Expr::current_timestamp()".into(),
            true,
        ),
        DefaultArg::Bool(b) => ((*b).into(), b.to_string(), false),
        DefaultArg::Int(n) => ((*n).into(), n.to_string(), false),
        DefaultArg::Float(f) => ((*f).into(), format!("{f:?}_f64"), false),
        DefaultArg::Str(s) => (s.clone().into(), rs(s), false),
        DefaultArg::Custom(sql) => (
            Expr::cust(sql.clone()),
            format!("Expr::cust({})", rs(sql)),
            true,
        ),
    }
}
