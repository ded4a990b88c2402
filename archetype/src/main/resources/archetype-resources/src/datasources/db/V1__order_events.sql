CREATE TABLE order_events (
  delivery_id VARCHAR(255) PRIMARY KEY,
  type VARCHAR(64) NOT NULL,
  order_id VARCHAR(255) NOT NULL
);
