/**
 * What generated code tells the runtime about a project's datasources ({@link
 * dev.hookc.runtime.internal.datasource.JdbcDefinition}, {@link
 * dev.hookc.runtime.internal.datasource.HttpDefinition}), and the SQL handling that the compiler's
 * build-time checks share with the runtime ({@link
 * dev.hookc.runtime.internal.datasource.NamedSql}), so that both read a statement the same way.
 */
package dev.hookc.runtime.internal.datasource;
