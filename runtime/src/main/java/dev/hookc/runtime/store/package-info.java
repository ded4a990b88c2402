/**
 * The durable store behind idempotency and async inboxes, on JDBC: H2 in file mode by default,
 * PostgreSQL for several instances, through a HikariCP pool or a {@code DataSource} of the
 * project's, with its tables kept by checksummed SQL migrations. The driver comes from the
 * project's own dependencies.
 *
 * <p>API, for users and generated code alike: {@link dev.hookc.runtime.store.JdbcStore}, {@link
 * dev.hookc.runtime.store.Inbox}, {@link dev.hookc.runtime.store.InboxAdmin}, {@link
 * dev.hookc.runtime.store.Idempotency}, {@link dev.hookc.runtime.store.RequestKeys} and {@link
 * dev.hookc.runtime.store.RetryPolicy}.
 */
package dev.hookc.runtime.store;
