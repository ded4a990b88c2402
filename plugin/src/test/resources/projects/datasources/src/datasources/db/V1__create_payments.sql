CREATE TABLE payments (
  id VARCHAR(64) PRIMARY KEY,
  status TEXT NOT NULL,
  amount NUMERIC(12, 2) NOT NULL,
  currency CHAR(3) NOT NULL
);
