package dev.hookc.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.datasource.HttpDatasource;
import dev.hookc.runtime.datasource.JdbcDatasource;
import dev.hookc.runtime.kafka.KafkaPublisher;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * What one application gives the controllers and workflows generated for it: its configuration and
 * environment, its Java functions, and the resources they may be built with. Every accessor answers
 * the same for the whole application.
 */
public interface Wiring {

  /** The configuration {@code config.*} reads. */
  JsonNode config();

  /** The environment {@code env.NAME} reads: the process's, with the builder's changes. */
  UnaryOperator<String> environment();

  /**
   * The application's implementation of a function: the one given to the builder for {@code
   * contract}, else the one {@code factory} makes, made once per application and shared by every
   * workflow that calls it. One that is {@link AutoCloseable} is closed with the application.
   *
   * @param contract the function's generated interface, e.g. {@code RecordTransactionFunction}
   * @throws IllegalStateException naming the function when {@code factory} throws a checked
   *     exception (an unchecked one is thrown as it is); either fails the application's start
   */
  <T> T function(Class<T> contract, FunctionFactory<? extends T> factory);

  /**
   * The application's database, the one its store uses (opened on first use in a project without a
   * store), with connections handed out with auto-commit on.
   *
   * @throws IllegalStateException when the database cannot be opened
   */
  DataSource dataSource();

  /**
   * The {@code type: jdbc} datasource {@code name} of {@code src/datasources}, opened (its
   * migrations applied) when the application started.
   *
   * @throws IllegalArgumentException when the project has no jdbc datasource of that name
   */
  JdbcDatasource jdbc(String name);

  /**
   * The {@code type: http} datasource {@code name} of {@code src/datasources}.
   *
   * @throws IllegalArgumentException when the project has no http datasource of that name
   */
  HttpDatasource http(String name);

  /**
   * The publisher of the Kafka settings {@code name} (a kafka event source, or a kafka datasource):
   * the application's one producer of them, shared with its {@code delivery: kafka} routes and
   * closed when it stops.
   *
   * @throws IllegalArgumentException when the project has no Kafka settings of that name
   */
  KafkaPublisher kafka(String name);

  /** One HTTP client for the application, made on first use. */
  HttpClient httpClient();

  /** The application's clock. */
  Clock clock();
}
