/**
 * Datasources ({@code src/datasources}): reading their YAML and migrations (load) and checking
 * their statements against an in-memory H2 database and the tasks that call them (check). Reports
 * to diag; never depends on bind or emit.
 */
package dev.hookc.compiler.datasource;
