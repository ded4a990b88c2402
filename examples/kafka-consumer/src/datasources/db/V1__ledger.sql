CREATE TABLE ledger (
  delivery_id VARCHAR(200) PRIMARY KEY,
  payment_id VARCHAR(64) NOT NULL,
  amount BIGINT NOT NULL,
  currency CHAR(3) NOT NULL
);
