package dev.hookc.runtime.internal.app;

import dev.hookc.runtime.datasource.HttpDatasource;
import dev.hookc.runtime.datasource.JdbcDatasource;
import dev.hookc.runtime.internal.datasource.DatasourceDefinition;
import dev.hookc.runtime.internal.datasource.HttpDefinition;
import dev.hookc.runtime.internal.datasource.JdbcDefinition;
import dev.hookc.runtime.internal.jdbc.StatementDatasource;
import dev.hookc.runtime.store.ProjectDatabase;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The application's datasources: planned (their settings resolved and checked) when it is built,
 * opened in declaration order when it starts, before its store and functions, and closed with its
 * other resources, after them.
 */
final class Datasources {
  /**
   * How each type of datasource is opened. A type without an opener here is refused when the
   * application is built.
   */
  static final Map<Class<? extends DatasourceDefinition>, DatasourceOpener<?>> OPENERS =
      Map.of(JdbcDefinition.class, new JdbcOpener(), HttpDefinition.class, new HttpOpener());

  private final Map<String, DatasourceOpener.Planned> planned;
  private final Map<String, Object> open = new LinkedHashMap<>(); // guarded by this

  private Datasources(Map<String, DatasourceOpener.Planned> planned) {
    this.planned = planned;
  }

  /** None: a project without datasources. */
  static Datasources none() {
    return new Datasources(Map.of());
  }

  /**
   * Plans each of {@code definitions} with its type's opener, adding every problem to {@code
   * problems}: also a builder's replacement for a datasource the project does not have.
   */
  static Datasources plan(
      List<DatasourceDefinition> definitions, DatasourceContext context, List<String> problems) {
    Map<String, DatasourceOpener.Planned> planned = new LinkedHashMap<>();
    for (DatasourceDefinition definition : definitions) {
      DatasourceOpener.Planned plan = plan(definition, context, problems);
      if (plan != null) {
        planned.put(definition.name(), plan);
      }
    }
    for (String name : context.dataSources().keySet()) {
      boolean jdbc =
          definitions.stream().anyMatch(d -> d.name().equals(name) && d instanceof JdbcDefinition);
      if (!jdbc) {
        problems.add(
            "dataSource(\""
                + name
                + "\", ...) replaces no jdbc datasource of this project: "
                + names(definitions));
      }
    }
    return new Datasources(Collections.unmodifiableMap(planned));
  }

  private static String names(List<DatasourceDefinition> definitions) {
    List<String> jdbc =
        definitions.stream()
            .filter(JdbcDefinition.class::isInstance)
            .map(DatasourceDefinition::name)
            .sorted()
            .toList();
    return jdbc.isEmpty() ? "it has none" : "its jdbc datasources are " + String.join(", ", jdbc);
  }

  @SuppressWarnings("unchecked") // OPENERS maps each type to an opener of that type
  private static <D extends DatasourceDefinition> DatasourceOpener.Planned plan(
      D definition, DatasourceContext context, List<String> problems) {
    DatasourceOpener<D> opener = (DatasourceOpener<D>) OPENERS.get(definition.getClass());
    if (opener == null) {
      problems.add(
          "the datasource "
              + definition.name()
              + ": this version of hookc's runtime cannot open a datasource of type "
              + (definition instanceof HttpDefinition ? "http" : definition.getClass().getName()));
      return null;
    }
    return opener.plan(definition, context, problems);
  }

  /**
   * Opens every datasource in declaration order, each taken by {@code resources} to close in
   * reverse; a failure leaves those opened before to {@code resources}, which the failed start
   * closes.
   */
  synchronized void open(Resources resources) {
    planned.forEach(
        (name, plan) -> {
          Object datasource = plan.open();
          if (datasource instanceof AutoCloseable closeable) {
            resources.own(closeable);
          }
          open.put(name, datasource);
        });
  }

  /** The connection pools of the opened jdbc datasources, by name. */
  synchronized Map<String, DataSource> pools() {
    Map<String, DataSource> pools = new LinkedHashMap<>();
    open.forEach(
        (name, datasource) -> {
          if (datasource instanceof StatementDatasource statements) {
            pools.put(name, statements.database().pool());
          }
        });
    return pools;
  }

  /** The opened jdbc datasource {@code name}. */
  synchronized JdbcDatasource jdbc(String name) {
    return opened(name, JdbcDatasource.class, "jdbc");
  }

  /** The opened http datasource {@code name}. */
  synchronized HttpDatasource http(String name) {
    return opened(name, HttpDatasource.class, "http");
  }

  /** The database of the opened jdbc datasource {@code name}, for a store on it. */
  synchronized ProjectDatabase database(String name) {
    JdbcDatasource jdbc = jdbc(name);
    if (!(jdbc instanceof StatementDatasource statements)) {
      throw new IllegalStateException("the datasource " + name + " is not hookc's");
    }
    return statements.database();
  }

  private <T> T opened(String name, Class<T> type, String kind) {
    Object datasource = open.get(name);
    if (type.isInstance(datasource)) {
      return type.cast(datasource);
    }
    if (datasource == null && planned.containsKey(name)) {
      throw new IllegalStateException(
          "the datasource " + name + " is not open: the application has not started");
    }
    throw new IllegalArgumentException(
        "the project has no " + kind + " datasource named " + name + "; " + known());
  }

  private String known() {
    return planned.isEmpty()
        ? "it has no datasources"
        : "its datasources are " + String.join(", ", planned.keySet());
  }
}
