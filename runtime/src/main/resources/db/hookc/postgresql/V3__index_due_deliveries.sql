-- The workers' query for the next due delivery of a route.
CREATE INDEX hookc_inbox_due ON hookc_inbox (scope, state, next_attempt_at);
