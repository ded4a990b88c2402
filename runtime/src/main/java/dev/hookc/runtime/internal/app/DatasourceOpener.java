package dev.hookc.runtime.internal.app;

import dev.hookc.runtime.internal.datasource.DatasourceDefinition;
import java.util.List;

/**
 * How an application opens the datasources of one type: their settings resolved and checked when it
 * is built, opened when it starts. {@link Datasources#OPENERS} holds one per type of {@link
 * DatasourceDefinition}.
 */
interface DatasourceOpener<D extends DatasourceDefinition> {

  /**
   * Resolves {@code definition}'s settings with {@code context}, adding each problem to {@code
   * problems}; opens nothing.
   *
   * @return what {@code start()} opens; ignored when a problem was added
   */
  Planned plan(D definition, DatasourceContext context, List<String> problems);

  /** A datasource whose settings are resolved, to open when the application starts. */
  @FunctionalInterface
  interface Planned {
    /**
     * Opens it: its pool and migrations, its client.
     *
     * @return the datasource ({@code JdbcDatasource}, {@code HttpDatasource}), closed with the
     *     application when it is {@link AutoCloseable}
     * @throws RuntimeException when it cannot be opened; the start fails
     */
    Object open();
  }
}
