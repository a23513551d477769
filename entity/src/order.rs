//! An order placed by a user.

use sea_orm::entity::prelude::*;

/// Lifecycle of an order, stored as a short string so every backend holds it the same way.
#[derive(Clone, Debug, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(16))")]
pub enum OrderStatus {
    /// Created, not paid.
    #[sea_orm(string_value = "pending")]
    Pending,
    /// Paid.
    #[sea_orm(string_value = "paid")]
    Paid,
    /// Handed to the carrier.
    #[sea_orm(string_value = "shipped")]
    Shipped,
    /// Cancelled before shipping.
    #[sea_orm(string_value = "cancelled")]
    Cancelled,
}

/// A row of the `order` table (`order` is reserved everywhere: every statement quotes it).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "order")]
pub struct Model {
    /// Auto-increment primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The buyer.
    pub user_id: Uuid,
    /// Order total.
    #[sea_orm(column_type = "Decimal(Some((10, 2)))")]
    pub total: Decimal,
    /// Current status.
    #[sea_orm(default_value = "pending")]
    pub status: OrderStatus,
    /// Creation time.
    #[sea_orm(default_expr = "Expr::current_timestamp()")]
    pub created_at: DateTimeWithTimeZone,
}

/// Relations of `order`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The buyer.
    #[sea_orm(
        belongs_to = "super::user::Entity",
        from = "Column::UserId",
        to = "super::user::Column::Id"
    )]
    User,
}

impl Related<super::user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::User.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
