//! Builders and helpers shared by the introspection and normalization tests.
#![allow(dead_code)]

use autogen::introspect::{CatalogConnection, Introspection, introspect};
use autogen::model::{
    Column, ColumnType, FkAction, ForeignKey, Index, PrimaryKey, Table, Unique, column_key,
};
use sea_orm::{ConnectionTrait, DatabaseConnection};

/// A nullable column with no default.
pub fn col(name: &str, col_type: ColumnType) -> Column {
    Column {
        name: name.into(),
        col_type,
        nullable: true,
        default: None,
        auto_increment: false,
        comment: None,
        identity: None,
        renamed_from: None,
        on_update: None,
        collation: None,
        generated: None,
    }
}

/// Chainable column modifiers.
pub trait ColumnExt {
    /// NOT NULL.
    fn not_null(self) -> Self;
    /// With a default expression.
    fn default(self, sql: &str) -> Self;
    /// Auto-increment (and NOT NULL, as every auto-increment key is).
    fn auto(self) -> Self;
    /// With a comment.
    fn comment(self, text: &str) -> Self;
}

impl ColumnExt for Column {
    fn not_null(mut self) -> Self {
        self.nullable = false;
        self
    }
    fn default(mut self, sql: &str) -> Self {
        self.default = Some(sql.into());
        self
    }
    fn auto(mut self) -> Self {
        self.auto_increment = true;
        self.nullable = false;
        self
    }
    fn comment(mut self, text: &str) -> Self {
        self.comment = Some(text.into());
        self
    }
}

/// A table builder for expected models.
pub struct T(pub Table);

impl T {
    /// An empty table.
    pub fn new(name: &str) -> Self {
        T(Table::new(name))
    }
    /// Appends columns.
    pub fn cols(mut self, cols: impl IntoIterator<Item = Column>) -> Self {
        self.0.columns.extend(cols);
        self
    }
    /// Sets the primary key.
    pub fn pk(mut self, name: Option<&str>, cols: &[&str]) -> Self {
        self.0.primary_key = Some(PrimaryKey {
            name: name.map(Into::into),
            columns: strings(cols),
        });
        self
    }
    /// Adds a unique constraint.
    pub fn unique(mut self, name: &str, cols: &[&str]) -> Self {
        let columns = strings(cols);
        self.0.uniques.insert(
            column_key(&columns),
            Unique {
                name: name.into(),
                columns,
            },
        );
        self
    }
    /// Adds an index kept as SQL.
    pub fn defined(mut self, name: &str, backend: autogen::Backend, sql: &str) -> Self {
        self.0.defined_indexes.insert(
            name.into(),
            autogen::model::DefinedIndex::read(name.into(), backend, sql.into()),
        );
        self
    }
    /// Adds a non-unique index.
    pub fn index(mut self, name: &str, cols: &[&str]) -> Self {
        self.0.indexes.insert(
            name.into(),
            Index {
                name: name.into(),
                columns: strings(cols),
            },
        );
        self
    }
    /// Adds a foreign key.
    pub fn fk(
        mut self,
        name: &str,
        cols: &[&str],
        ref_table: &str,
        ref_cols: &[&str],
        on_delete: FkAction,
        on_update: FkAction,
    ) -> Self {
        let columns = strings(cols);
        self.0.foreign_keys.insert(
            column_key(&columns),
            ForeignKey {
                name: name.into(),
                columns,
                ref_table: ref_table.into(),
                ref_columns: strings(ref_cols),
                on_delete,
                on_update,
                deferrable: Default::default(),
            },
        );
        self
    }
    /// Sets the table comment.
    pub fn comment(mut self, text: &str) -> Self {
        self.0.comment = Some(text.into());
        self
    }
}

fn strings(cols: &[&str]) -> Vec<String> {
    cols.iter().map(|c| c.to_string()).collect()
}

/// Runs a script of `;`-terminated statements, one statement at a time.
pub async fn exec_script(conn: &DatabaseConnection, script: &str) {
    for stmt in script.split(";\n").map(str::trim).filter(|s| !s.is_empty()) {
        conn.execute_unprepared(stmt)
            .await
            .unwrap_or_else(|e| panic!("statement failed: {stmt}\n{e}"));
    }
}

/// Introspects, panicking on error.
pub async fn read<C: CatalogConnection>(conn: &C, exclude: &[&str]) -> Introspection {
    introspect(conn, exclude)
        .await
        .unwrap_or_else(|e| panic!("introspection failed: {e}"))
}

/// Asserts two tables are equal, field by field, for readable failures.
pub fn assert_table_eq(actual: &Table, expected: &Table) {
    assert_eq!(
        actual.columns.len(),
        expected.columns.len(),
        "column count of {}: {:#?}",
        expected.name,
        actual.columns
    );
    for (a, e) in actual.columns.iter().zip(&expected.columns) {
        assert_eq!(a, e, "column {}.{}", expected.name, e.name);
    }
    assert_eq!(
        actual.primary_key, expected.primary_key,
        "pk of {}",
        expected.name
    );
    assert_eq!(
        actual.uniques, expected.uniques,
        "uniques of {}",
        expected.name
    );
    assert_eq!(
        actual.indexes, expected.indexes,
        "indexes of {}",
        expected.name
    );
    assert_eq!(
        actual.foreign_keys, expected.foreign_keys,
        "foreign keys of {}",
        expected.name
    );
    assert_eq!(
        actual.defined_indexes, expected.defined_indexes,
        "indexes kept as SQL of {}",
        expected.name
    );
    assert_eq!(
        actual.comment, expected.comment,
        "comment of {}",
        expected.name
    );
    assert_eq!(actual, expected);
}

/// Asserts the introspected tables are exactly `expected` (names and contents).
pub fn assert_tables_eq(actual: &autogen::model::Schema, expected: &[Table]) {
    let names: Vec<&String> = actual.tables.keys().collect();
    let mut expected_names: Vec<&String> = expected.iter().map(|t| &t.name).collect();
    expected_names.sort();
    assert_eq!(names, expected_names, "table names");
    for table in expected {
        assert_table_eq(&actual.tables[&table.name], table);
    }
}

/// `CREATE TABLE` statements for `n` small tables `t{i}` on any backend (each with a key,
/// an index and a foreign key to the previous one), to check the query count does not grow.
pub fn many_tables(n: usize, quote: char) -> String {
    let q = |s: &str| format!("{quote}{s}{quote}");
    let mut sql = String::new();
    for i in 0..n {
        let name = format!("t{i}");
        let fk = if i == 0 {
            String::new()
        } else {
            format!(
                ", FOREIGN KEY ({}) REFERENCES {} ({})",
                q("parent_id"),
                q(&format!("t{}", i - 1)),
                q("id")
            )
        };
        sql.push_str(&format!(
            "CREATE TABLE {} ({} integer NOT NULL PRIMARY KEY, {} integer, {} varchar(10) UNIQUE{fk});\n",
            q(&name),
            q("id"),
            q("parent_id"),
            q("label"),
        ));
        sql.push_str(&format!(
            "CREATE INDEX {} ON {} ({});\n",
            q(&format!("ix_{name}")),
            q(&name),
            q("label")
        ));
    }
    sql
}

/// Creates tables with `script` on a fresh `backend` database and returns `table` as read.
pub async fn table_as_read(backend: tests::Backend, script: &str, table: &str) -> Table {
    let db = tests::TestDb::new(backend, table).await;
    let conn = db.connect().await;
    exec_script(&conn, script).await;
    let schema = read(&conn, &[]).await.schema;
    schema
        .tables
        .get(table)
        .unwrap_or_else(|| panic!("table {table} not introspected: {schema:#?}"))
        .clone()
}

/// The normal form of one table on `backend`.
pub fn normalized(backend: sea_orm::DbBackend, table: &Table) -> Table {
    let mut schema = autogen::model::Schema::default();
    schema.insert(table.clone());
    autogen::normalize::normalize(backend, &schema).tables[&table.name].clone()
}

/// Asserts the desired and the current table have the same normal form.
pub fn assert_same_normal_form(backend: sea_orm::DbBackend, desired: &Table, current: &Table) {
    // The indexes InnoDB made for foreign keys are not compared (`Table::fk_indexes`).
    let compared = |t: &Table| Table {
        fk_indexes: Default::default(),
        ..normalized(backend, t)
    };
    assert_table_eq(&compared(current), &compared(desired));
}

/// The SQL text sea-query renders for `expr` on `backend` (how a desired default is spelled).
pub fn render_expr(backend: sea_orm::DbBackend, expr: sea_query::Expr) -> String {
    use sea_orm::DbBackend;
    use sea_query::{MysqlQueryBuilder, PostgresQueryBuilder, Query, SqliteQueryBuilder};
    let select = Query::select().expr(expr).to_owned();
    let sql = match backend {
        DbBackend::Postgres => select.to_string(PostgresQueryBuilder),
        DbBackend::MySql => select.to_string(MysqlQueryBuilder),
        _ => select.to_string(SqliteQueryBuilder),
    };
    sql.strip_prefix("SELECT ").unwrap().to_owned()
}

/// Default round trip: a column per `(type, default)` created by sea-query, introspected,
/// must have the normal form of the default as sea-query spells it.
pub async fn default_round_trip(
    backend: tests::Backend,
    cases: Vec<(ColumnType, sea_query::Expr)>,
) {
    use sea_query::{ColumnDef, Table as Create};
    let dbb = backend.db();
    let db = tests::TestDb::new(backend, "default_round_trip").await;
    let conn = db.connect().await;
    let mut create = Create::create();
    create.table("defaults");
    for (i, (ty, expr)) in cases.iter().enumerate() {
        create.col(
            ColumnDef::new_with_type(format!("c{i}"), sea_type(ty))
                .null()
                .default(expr.clone()),
        );
    }
    conn.execute_raw(dbb.build(&create)).await.unwrap();
    let current = read(&conn, &[]).await.schema.tables["defaults"].clone();
    let mut desired = current.clone();
    for (column, (_, expr)) in desired.columns.iter_mut().zip(&cases) {
        column.default = Some(render_expr(dbb, expr.clone()));
    }
    let (n_current, n_desired) = (normalized(dbb, &current), normalized(dbb, &desired));
    for ((c, d), raw) in n_current
        .columns
        .iter()
        .zip(&n_desired.columns)
        .zip(&current.columns)
    {
        assert_eq!(
            c.default,
            d.default,
            "{backend:?} column {} reported {:?}, sea-query wrote {:?}",
            c.name,
            raw.default,
            desired.column(&c.name).unwrap().default
        );
    }
}

/// The sea-query type for the few model types the default round trips use.
fn sea_type(ty: &ColumnType) -> sea_query::ColumnType {
    use sea_query::{ColumnType as Sq, StringLen};
    match ty {
        ColumnType::SmallInteger => Sq::SmallInteger,
        ColumnType::Integer => Sq::Integer,
        ColumnType::BigInteger => Sq::BigInteger,
        ColumnType::Boolean => Sq::Boolean,
        ColumnType::Double => Sq::Double,
        ColumnType::Decimal(p) => Sq::Decimal(*p),
        ColumnType::String(n) => Sq::String(n.map_or(StringLen::None, StringLen::N)),
        ColumnType::Text => Sq::Text,
        ColumnType::DateTime => Sq::DateTime,
        ColumnType::TimestampWithTimeZone => Sq::TimestampWithTimeZone,
        other => panic!("add {other:?} to sea_type"),
    }
}
