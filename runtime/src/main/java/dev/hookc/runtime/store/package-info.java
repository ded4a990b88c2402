/**
 * The durable store behind idempotency and async inboxes, on JDBC: H2 in file mode by default,
 * PostgreSQL for several instances, through a HikariCP pool or a {@code DataSource} of the
 * project's, with its tables kept by checksummed SQL migrations. The driver comes from the
 * project's own dependencies.
 */
package dev.hookc.runtime.store;
