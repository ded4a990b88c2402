-- One row per idempotency key of a route: claimed by a running request, then its recorded response.
CREATE TABLE hookc_idempotency (
  scope VARCHAR(200) NOT NULL,
  idem_key VARCHAR(500) NOT NULL,
  owner VARCHAR(64) NOT NULL,
  done BOOLEAN NOT NULL,
  status INTEGER,
  headers TEXT,
  body BLOB,
  expires_at BIGINT NOT NULL,
  PRIMARY KEY (scope, idem_key)
);
