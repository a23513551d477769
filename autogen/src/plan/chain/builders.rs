//! Every sea-query builder the plan uses, with the methods it calls on each.

use crate::model::FkAction;
use crate::plan::DefaultArg;

use super::arg::{
    BackendArg, CheckArg, CollationArg, DomainArg, EnumArg, Iden, IdentityStep, Name, OnUpdateArg,
    TypeName,
};
use crate::model::IdentityKind;
use crate::plan::{ColumnDefExt, GeneratedAs, UnsignedWidth};

builder! {
    /// `ColumnDef::new(name)...`: a column definition.
    ColumnChain = ColumnDef::new(name: Iden) -> ColumnDef;
    /// One call on a column definition.
    ColumnCall {
        /// `tiny_integer()`.
        TinyInteger => tiny_integer,
        /// `small_integer()`.
        SmallInteger => small_integer,
        /// `integer()`.
        Integer => integer,
        /// `big_integer()`.
        BigInteger => big_integer,
        /// `tiny_unsigned()`.
        TinyUnsigned => tiny_unsigned,
        /// `small_unsigned()`.
        SmallUnsigned => small_unsigned,
        /// `unsigned()`.
        Unsigned => unsigned,
        /// `big_unsigned()`.
        BigUnsigned => big_unsigned,
        /// `unsigned_key(backend, width)` ([`crate::plan::ColumnDefExt`]): an unsigned
        /// auto-increment key, signed on PostgreSQL.
        UnsignedKey(backend: BackendArg, width: UnsignedWidth) => unsigned_key,
        /// `auto_increment_as(backend, kind, increment)` ([`crate::plan::ColumnDefExt`]): a
        /// PostgreSQL serial or a non-default identity.
        AutoIncrementAs(backend: BackendArg, kind: IdentityKind, increment: IdentityStep) => auto_increment_as,
        /// `boolean()`.
        Boolean => boolean,
        /// `float()`.
        Float => float,
        /// `double()`.
        Double => double,
        /// `decimal_len(precision, scale)`.
        DecimalLen(precision: u32, scale: u32) => decimal_len,
        /// `decimal()`.
        Decimal => decimal,
        /// `char_len(n)`.
        CharLen(n: u32) => char_len,
        /// `char()`.
        Char => char,
        /// `string_len(n)`.
        StringLen(n: u32) => string_len,
        /// `string()`.
        String => string,
        /// `text()`.
        Text => text,
        /// `date()`.
        Date => date,
        /// `time()`.
        Time => time,
        /// `date_time()`.
        DateTime => date_time,
        /// `timestamp_with_time_zone()`.
        TimestampWithTimeZone => timestamp_with_time_zone,
        /// `uuid()`.
        Uuid => uuid,
        /// `json()`.
        Json => json,
        /// `json_binary()`.
        JsonBinary => json_binary,
        /// `blob()`.
        Blob => blob,
        /// `binary_len(n)`.
        BinaryLen(n: u32) => binary_len,
        /// `var_binary(n)`.
        VarBinary(n: u32) => var_binary,
        /// `custom(Alias::new(type))`.
        Custom(name: TypeName) => custom,
        /// `custom(enum_type(manager, name, &[values]))`: an enum, per backend.
        Enum(ty: EnumArg) => custom,
        /// `domain(backend, name)` ([`crate::plan::ColumnDefExt`]): after the base type's
        /// call, the domain on PostgreSQL; the base type stays on the other backends.
        Domain(backend: BackendArg, name: DomainArg) => domain,
        /// `null()`.
        Null => null,
        /// `not_null()`.
        NotNull => not_null,
        /// `auto_increment()`.
        AutoIncrement => auto_increment,
        /// `primary_key()`.
        PrimaryKey => primary_key,
        /// `default(value)`.
        Default(value: DefaultArg) => default,
        /// `comment(text)`.
        Comment(text: String) => comment,
        /// `mysql_on_update(backend, precision)` ([`crate::plan::ColumnDefExt`]): MySQL's
        /// `ON UPDATE CURRENT_TIMESTAMP`, nothing elsewhere.
        MysqlOnUpdate(backend: BackendArg, precision: OnUpdateArg) => mysql_on_update,
        /// `collate(backend, collation)` ([`crate::plan::ColumnDefExt`]): the column's
        /// `COLLATE`, on the backend that named it only.
        Collate(backend: BackendArg, collation: CollationArg) => collate,
        /// `generated_as(backend, clause)` ([`crate::plan::ColumnDefExt`]): a generated
        /// column's clause and nullability, as the backend takes them.
        GeneratedAs(backend: BackendArg, clause: GeneratedAs) => generated_as,
    }
}

builder! {
    /// `Table::create()...`.
    TableCreate = Table::create() -> TableCreateStatement;
    /// One call on `Table::create()`.
    TableCreateCall {
        /// `table(name)`.
        Table(name: Iden) => table,
        /// `col(column)`.
        Col(column: ColumnChain) => col,
        /// `primary_key(index)`: a composite key.
        PrimaryKey(index: &mut IndexCreate) => primary_key,
        /// `index(index)`: a unique constraint.
        Index(index: &mut IndexCreate) => index,
        /// `foreign_key(key)`.
        ForeignKey(key: &mut ForeignKeyCreate) => foreign_key,
        /// `check(check)`: a check constraint.
        Check(check: CheckArg) => check,
        /// `comment(text)`.
        Comment(text: String) => comment,
        /// `extra(text)`: table options after the column list (SQLite `WITHOUT ROWID`).
        Extra(text: String) => extra,
    }
}

builder! {
    /// `Table::drop()...`.
    TableDrop = Table::drop() -> TableDropStatement;
    /// One call on `Table::drop()`.
    TableDropCall {
        /// `table(name)`.
        Table(name: Iden) => table,
    }
}

builder! {
    /// `Table::rename()...`.
    TableRename = Table::rename() -> TableRenameStatement;
    /// One call on `Table::rename()`.
    TableRenameCall {
        /// `table(from, to)`.
        Table(from: Iden, to: Iden) => table,
    }
}

builder! {
    /// `Table::alter()...`.
    TableAlter = Table::alter() -> TableAlterStatement;
    /// One call on `Table::alter()`.
    TableAlterCall {
        /// `table(name)`.
        Table(name: Iden) => table,
        /// `add_column(column)`.
        AddColumn(column: ColumnChain) => add_column,
        /// `drop_column(name)`.
        DropColumn(name: Iden) => drop_column,
        /// `rename_column(from, to)`.
        RenameColumn(from: Iden, to: Iden) => rename_column,
        /// `modify_column(column)`.
        ModifyColumn(column: ColumnChain) => modify_column,
    }
}

builder! {
    /// `Index::create()...`: an index, or a key or unique inside `Table::create()`.
    IndexCreate = Index::create() -> IndexCreateStatement;
    /// One call on `Index::create()`.
    IndexCreateCall {
        /// `name(name)`.
        Name(name: Name) => name,
        /// `table(name)`.
        Table(name: Iden) => table,
        /// `col(name)`.
        Col(name: Iden) => col,
        /// `unique()`.
        Unique => unique,
        /// `concurrently()`: PostgreSQL's `CREATE INDEX CONCURRENTLY`; the other backends'
        /// builders ignore it.
        Concurrently => concurrently,
    }
}

builder! {
    /// `Index::drop()...`.
    IndexDrop = Index::drop() -> IndexDropStatement;
    /// One call on `Index::drop()`.
    IndexDropCall {
        /// `name(name)`.
        Name(name: Name) => name,
        /// `table(name)`.
        Table(name: Iden) => table,
        /// `concurrently()`: PostgreSQL's `DROP INDEX CONCURRENTLY`; ignored elsewhere.
        Concurrently => concurrently,
    }
}

builder! {
    /// `ForeignKey::create()...`: a key added to a table, or inside `Table::create()`.
    ForeignKeyCreate = ForeignKey::create() -> ForeignKeyCreateStatement;
    /// One call on `ForeignKey::create()`.
    ForeignKeyCreateCall {
        /// `name(name)`.
        Name(name: Name) => name,
        /// `from_tbl(name)`.
        FromTbl(name: Iden) => from_tbl,
        /// `from_col(name)`.
        FromCol(name: Iden) => from_col,
        /// `to_tbl(name)`.
        ToTbl(name: Iden) => to_tbl,
        /// `to_col(name)`.
        ToCol(name: Iden) => to_col,
        /// `on_delete(action)`.
        OnDelete(action: FkAction) => on_delete,
        /// `on_update(action)`.
        OnUpdate(action: FkAction) => on_update,
    }
}

builder! {
    /// `ForeignKey::drop()...`.
    ForeignKeyDrop = ForeignKey::drop() -> ForeignKeyDropStatement;
    /// One call on `ForeignKey::drop()`.
    ForeignKeyDropCall {
        /// `name(name)`.
        Name(name: Name) => name,
        /// `table(name)`.
        Table(name: Iden) => table,
    }
}
