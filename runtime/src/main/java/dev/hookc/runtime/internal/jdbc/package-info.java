/**
 * Not API: the runtime of a project's {@code type: jdbc} datasources — named statements bound by
 * the type of each value and each parameter, rows read by column label, and database failures told
 * apart by SQLSTATE — on the pool and transactions of a {@link
 * dev.hookc.runtime.store.ProjectDatabase}.
 */
package dev.hookc.runtime.internal.jdbc;
