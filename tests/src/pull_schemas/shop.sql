-- An online shop: customers, a self-referencing category tree, products with a composite
-- unique key and a generated column, orders with composite-key lines, a many-to-many tag
-- link table.
CREATE TABLE customer (
    id {pk},
    email varchar(190) NOT NULL UNIQUE,
    display_name varchar(80) NOT NULL{cm:shown on invoices},
    is_active {bool} NOT NULL DEFAULT {true},
    created_at {ts} NOT NULL DEFAULT CURRENT_TIMESTAMP,
    notes {text}
);
CREATE TABLE category (
    id {pk},
    parent_id integer,
    slug varchar(64) NOT NULL,
    title varchar(120) NOT NULL,
    position integer NOT NULL DEFAULT 0,
    CONSTRAINT fk_category_parent FOREIGN KEY (parent_id) REFERENCES category (id) ON DELETE SET NULL
);
CREATE UNIQUE INDEX ux_category_parent_slug ON category (parent_id, slug);
CREATE TABLE product (
    id {pk},
    category_id integer NOT NULL,
    sku char(12) NOT NULL,
    name varchar(200) NOT NULL,
    price decimal(10, 2) NOT NULL DEFAULT 0,
    weight_kg double precision,
    stock integer NOT NULL DEFAULT 0,
    status {enum_status} NOT NULL DEFAULT 'draft',
    stock_value decimal(12, 2) GENERATED ALWAYS AS (price * stock) STORED,
    CONSTRAINT fk_product_category FOREIGN KEY (category_id) REFERENCES category (id) ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT ck_product_price CHECK (price >= 0)
);
CREATE UNIQUE INDEX ux_product_sku ON product (sku);
CREATE INDEX ix_product_category_name ON product (category_id, name);
CREATE TABLE tag (
    id {pk},
    label varchar(40) NOT NULL UNIQUE
);
CREATE TABLE product_tag (
    product_id integer NOT NULL,
    tag_id integer NOT NULL,
    PRIMARY KEY (product_id, tag_id),
    CONSTRAINT fk_product_tag_product FOREIGN KEY (product_id) REFERENCES product (id) ON DELETE CASCADE,
    CONSTRAINT fk_product_tag_tag FOREIGN KEY (tag_id) REFERENCES tag (id) ON DELETE CASCADE
);
CREATE TABLE address (
    id {pk},
    customer_id integer NOT NULL,
    line1 varchar(200) NOT NULL,
    city varchar(100) NOT NULL,
    country char(2) NOT NULL DEFAULT 'NL',
    CONSTRAINT fk_address_customer FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE CASCADE
);
CREATE TABLE "CustomerOrder" (
    "Id" {pk},
    "CustomerId" integer NOT NULL,
    "ShippingAddressId" integer,
    "BillingAddressId" integer,
    "PlacedAt" {ts} NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "Total" decimal(12, 2) NOT NULL DEFAULT 0,
    CONSTRAINT fk_order_customer FOREIGN KEY ("CustomerId") REFERENCES customer (id),
    CONSTRAINT fk_order_shipping FOREIGN KEY ("ShippingAddressId") REFERENCES address (id) ON DELETE SET NULL,
    CONSTRAINT fk_order_billing FOREIGN KEY ("BillingAddressId") REFERENCES address (id) ON DELETE SET NULL
);
CREATE INDEX ix_order_customer_placed ON "CustomerOrder" ("CustomerId", "PlacedAt");
CREATE TABLE order_line (
    order_id integer NOT NULL,
    line_no smallint NOT NULL,
    product_id integer NOT NULL,
    quantity integer NOT NULL DEFAULT 1,
    unit_price decimal(10, 2) NOT NULL,
    PRIMARY KEY (order_id, line_no),
    CONSTRAINT fk_line_order FOREIGN KEY (order_id) REFERENCES "CustomerOrder" ("Id") ON DELETE CASCADE {deferred},
    CONSTRAINT fk_line_product FOREIGN KEY (product_id) REFERENCES product (id) {deferrable},
    CONSTRAINT ck_line_quantity CHECK (quantity > 0)
);
CREATE INDEX ix_order_line_product ON order_line (product_id);
CREATE TABLE payment (
    id {bigpk},
    order_id integer NOT NULL,
    provider varchar(30) NOT NULL DEFAULT 'card',
    amount decimal(12, 2) NOT NULL,
    paid_at {ts},
    reference varchar(64),
    CONSTRAINT fk_payment_order FOREIGN KEY (order_id) REFERENCES "CustomerOrder" ("Id")
);
CREATE UNIQUE INDEX ux_payment_provider_reference ON payment (provider, reference);
CREATE TABLE review (
    id {pk},
    product_id integer NOT NULL,
    customer_id integer NOT NULL,
    rating smallint NOT NULL,
    body {text},
    CONSTRAINT fk_review_product FOREIGN KEY (product_id) REFERENCES product (id) ON DELETE CASCADE,
    CONSTRAINT fk_review_customer FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ux_review_once ON review (product_id, customer_id);
-- Indexes the column model cannot express: expression, partial, descending, GIN, FULLTEXT,
-- prefix (pull writes each as an IndexDef where the backend has it).
@postgres,sqlite CREATE INDEX ix_customer_email_lower ON customer (lower(email));
@postgres,sqlite CREATE INDEX ix_product_in_stock ON product (category_id) WHERE stock > 0;
@postgres CREATE INDEX ix_review_body_gin ON review USING gin (to_tsvector('english', body));
@mysql CREATE FULLTEXT INDEX ft_review_body ON review (body);
@mysql CREATE INDEX ix_customer_name_prefix ON customer (display_name(20));
CREATE INDEX ix_order_placed_desc ON "CustomerOrder" ("PlacedAt" DESC, "Id");
CREATE TABLE country_rate (
    country char(2) NOT NULL,
    valid_from date NOT NULL,
    rate decimal(5, 4) NOT NULL,
    PRIMARY KEY (country, valid_from)
);
CREATE TABLE wishlist_item (
    customer_id integer NOT NULL,
    product_id integer NOT NULL,
    added_at {ts} NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (customer_id, product_id),
    CONSTRAINT fk_wish_customer FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE CASCADE,
    CONSTRAINT fk_wish_product FOREIGN KEY (product_id) REFERENCES product (id) ON DELETE CASCADE
);
