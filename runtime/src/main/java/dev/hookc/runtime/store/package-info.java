/**
 * The durable store behind idempotency, on plain JDBC: H2 in file mode by default, PostgreSQL for
 * several instances. The driver comes from the project's own dependencies.
 */
package dev.hookc.runtime.store;
