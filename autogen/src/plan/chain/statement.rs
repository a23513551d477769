//! One planned statement, described once: run through the schema manager, printed as SQL, or
//! written as the statement of a generated file.

use sea_orm::{ConnectionTrait, DbErr};
use sea_orm_migration::SchemaManager;

use crate::backend::Backend;

use super::arg::Arg;
use super::builders::{
    ForeignKeyCreate, ForeignKeyDrop, IndexCreate, IndexDrop, TableAlter, TableCreate, TableDrop,
    TableRename,
};
use super::imports::Imports;

/// Declares [`Statement`] from `Variant(Chain) => manager_method` pairs; each interpreter
/// calls, or writes, the same manager method.
macro_rules! statements {
    ($($(#[$doc:meta])* $variant:ident($chain:ident) => $method:ident),* $(,)?) => {
        /// One executable statement.
        #[derive(Debug, Clone, PartialEq)]
        pub enum Statement {
            $($(#[$doc])* $variant($chain),)*
            /// Raw SQL for one backend, run as one statement through `execute_raw` (so the
            /// runner's statement log, `--echo-sql` and MySQL progress see it).
            Raw(String),
        }

        impl Statement {
            /// Runs it through `manager`.
            pub async fn run(&self, manager: &SchemaManager<'_>) -> Result<(), DbErr> {
                let backend = Backend::of(manager.get_database_backend());
                match self {
                    $(Statement::$variant(chain) => manager.$method(chain.sea(backend)).await,)*
                    Statement::Raw(sql) => manager
                        .get_connection()
                        .execute_raw(sea_orm::Statement::from_string(backend.db(), sql.clone()))
                        .await
                        .map(|_| ()),
                }
            }

            /// Its SQL on `backend`, built without a connection.
            pub fn sql(&self, backend: Backend) -> String {
                match self {
                    $(Statement::$variant(chain) => backend.db().build(&chain.sea(backend)).to_string(),)*
                    Statement::Raw(sql) => sql.clone(),
                }
            }

            /// The Rust statement a generated file runs it with.
            pub fn rust(&self, imports: &mut Imports) -> String {
                match self {
                    $(Statement::$variant(chain) => format!(
                        "manager.{}({}.to_owned()).await?;",
                        stringify!($method),
                        chain.rust(imports)
                    ),)*
                    Statement::Raw(sql) => {
                        imports.sea_orm("ConnectionTrait");
                        imports.sea_orm("Statement");
                        format!(
                            "manager.get_connection().execute_raw(Statement::from_string(manager.get_database_backend(), {})).await?;",
                            raw_literal(sql)
                        )
                    }
                }
            }
        }
    };
}

statements! {
    /// `manager.create_table`.
    CreateTable(TableCreate) => create_table,
    /// `manager.drop_table`.
    DropTable(TableDrop) => drop_table,
    /// `manager.rename_table`.
    RenameTable(TableRename) => rename_table,
    /// `manager.alter_table`.
    AlterTable(TableAlter) => alter_table,
    /// `manager.create_index`.
    CreateIndex(IndexCreate) => create_index,
    /// `manager.drop_index`.
    DropIndex(IndexDrop) => drop_index,
    /// `manager.create_foreign_key`.
    CreateForeignKey(ForeignKeyCreate) => create_foreign_key,
    /// `manager.drop_foreign_key`.
    DropForeignKey(ForeignKeyDrop) => drop_foreign_key,
}

/// SQL as a Rust literal: a raw string (readable, quotes left alone) unless the SQL holds a
/// character that must not appear raw in source (a bare CR is a lexer error, bidi controls
/// are denied by `text_direction_codepoint_in_literal`); then an escaped string literal.
fn raw_literal(sql: &str) -> String {
    if sql.chars().any(crate::revision::unsafe_in_source) {
        return super::arg::rs(sql);
    }
    let mut hashes = String::from("#");
    while sql.contains(&format!("\"{hashes}")) {
        hashes.push('#');
    }
    format!("r{hashes}\"{sql}\"{hashes}")
}

#[cfg(test)]
mod tests {
    use sea_orm::sea_query::{Index, MysqlQueryBuilder, PostgresQueryBuilder};

    use super::super::builders::{IndexCreateCall, IndexDropCall};
    use super::super::{Iden, Name};
    use super::*;

    const EVIL: &str = "i\"; DROP TABLE y; --`x";

    fn create_index() -> Statement {
        Statement::CreateIndex(IndexCreate {
            calls: vec![
                IndexCreateCall::Name(Name(EVIL.into())),
                IndexCreateCall::Table(Iden("t\"`".into())),
                IndexCreateCall::Col(Iden("c".into())),
            ],
        })
    }

    /// The quirk the `Name` argument exists for. If a sea-query upgrade starts escaping these
    /// names, this fails: drop the pre-escaping then, or names would be escaped twice.
    #[test]
    fn sea_query_writes_index_names_unescaped() {
        let mut index = Index::create();
        index.name(EVIL).table("t").col("c");
        assert_eq!(
            index.to_string(PostgresQueryBuilder),
            "CREATE INDEX \"i\"; DROP TABLE y; --`x\" ON \"t\" (\"c\")"
        );
        assert!(
            index
                .to_string(MysqlQueryBuilder)
                .starts_with("CREATE INDEX `i\"; DROP TABLE y; --`x`")
        );
    }

    #[test]
    fn index_names_are_escaped_for_each_backend() {
        let stmt = create_index();
        assert_eq!(
            stmt.sql(Backend::Postgres),
            "CREATE INDEX \"i\"\"; DROP TABLE y; --`x\" ON \"t\"\"`\" (\"c\")"
        );
        assert_eq!(
            stmt.sql(Backend::Sqlite),
            "CREATE INDEX \"i\"\"; DROP TABLE y; --`x\" ON \"t\"\"`\" (\"c\")"
        );
        assert_eq!(
            stmt.sql(Backend::MySql),
            "CREATE INDEX `i\"; DROP TABLE y; --``x` ON `t\"``` (`c`)"
        );
        let drop = Statement::DropIndex(IndexDrop {
            calls: vec![
                IndexDropCall::Name(Name(EVIL.into())),
                IndexDropCall::Table(Iden("t".into())),
            ],
        });
        assert_eq!(
            drop.sql(Backend::MySql),
            "DROP INDEX `i\"; DROP TABLE y; --``x` ON `t`"
        );
    }

    #[test]
    fn generated_files_escape_quoted_names_at_run_time_only() {
        let mut imports = Imports::default();
        let text = create_index().rust(&mut imports);
        assert!(
            text.contains(r#".name(escaped_name(manager, "i\"; DROP TABLE y; --`x"))"#),
            "{text}"
        );
        assert!(imports.autogen.contains("backend::escaped_name"));
        let mut plain = Imports::default();
        let stmt = Statement::DropIndex(IndexDrop {
            calls: vec![IndexDropCall::Name(Name("idx; -- x".into()))],
        });
        assert_eq!(
            stmt.rust(&mut plain),
            r#"manager.drop_index(Index::drop().name("idx; -- x").to_owned()).await?;"#
        );
        assert!(plain.autogen.is_empty());
    }

    #[test]
    fn raw_sql_with_bidi_or_cr_is_an_escaped_literal() {
        assert_eq!(raw_literal("SELECT \"a\"#"), "r##\"SELECT \"a\"#\"##");
        assert_eq!(raw_literal("a\u{202e}b\r"), "\"a\\u{202e}b\\r\"");
    }
}
