CREATE TABLE payments (
  delivery_id VARCHAR(255) PRIMARY KEY,
  event_type VARCHAR(100) NOT NULL,
  payment_id VARCHAR(255) NOT NULL,
  amount BIGINT NOT NULL,
  currency CHAR(3) NOT NULL
);
