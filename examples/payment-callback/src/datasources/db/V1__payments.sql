-- One row per gateway transaction, holding its latest state as the gateway reports it.
CREATE TABLE payments (
  transaction_id VARCHAR(255) PRIMARY KEY,
  order_id VARCHAR(255),
  status VARCHAR(32) NOT NULL,
  amount DECIMAL(19, 4) NOT NULL,
  currency CHAR(3),
  updated_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);
