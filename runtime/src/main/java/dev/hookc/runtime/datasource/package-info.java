/**
 * The datasources a project declares in {@code src/datasources/*.yaml}, as Java functions receive
 * them: a {@link dev.hookc.runtime.datasource.JdbcDatasource} runs the SQL statements its YAML
 * names, an {@link dev.hookc.runtime.datasource.HttpDatasource} calls a provider's API. Both fail
 * with a {@link dev.hookc.runtime.datasource.DatasourceException} that says what went wrong.
 */
package dev.hookc.runtime.datasource;
