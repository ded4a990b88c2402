-- The durable inbox of async routes: each delivery as received, with its attempts and its state.
CREATE TABLE hookc_inbox (
  id VARCHAR(36) PRIMARY KEY,
  scope VARCHAR(200) NOT NULL,
  dedup_key VARCHAR(500),
  method VARCHAR(16) NOT NULL,
  path TEXT NOT NULL,
  path_params TEXT NOT NULL,
  query TEXT NOT NULL,
  headers TEXT NOT NULL,
  body BYTEA NOT NULL,
  state VARCHAR(8) NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  claimed_until BIGINT NOT NULL,
  last_error TEXT,
  received_at BIGINT NOT NULL,
  UNIQUE (scope, dedup_key)
);
