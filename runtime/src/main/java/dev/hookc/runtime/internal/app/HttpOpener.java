package dev.hookc.runtime.internal.app;

import dev.hookc.runtime.datasource.HttpCall;
import dev.hookc.runtime.datasource.HttpDatasource;
import dev.hookc.runtime.datasource.HttpResult;
import dev.hookc.runtime.internal.datasource.HttpDefinition;
import dev.hookc.runtime.internal.httpclient.HttpDatasources;
import java.net.http.HttpClient;
import java.util.List;

/**
 * Opens {@code type: http} datasources, each on a client of its own that follows no redirect (see
 * {@link HttpDatasources#client()}): the application's shared client follows them for the project's
 * Java functions, and would carry a datasource's credentials to wherever a redirect points.
 */
final class HttpOpener implements DatasourceOpener<HttpDefinition> {

  @Override
  public Planned plan(HttpDefinition definition, DatasourceContext context, List<String> problems) {
    List<String> found =
        HttpDatasources.problems(definition, context.config(), context.environment());
    problems.addAll(found);
    if (!found.isEmpty()) {
      return null;
    }
    return () -> {
      HttpClient client = HttpDatasources.client();
      return new Opened(
          HttpDatasources.open(
              definition, context.config(), context.environment(), client, context.clock()),
          client);
    };
  }

  /** The datasource, and its client to close with the application. */
  private record Opened(HttpDatasource datasource, HttpClient client)
      implements HttpDatasource, AutoCloseable {

    @Override
    public String name() {
      return datasource.name();
    }

    @Override
    public HttpResult call(HttpCall call) {
      return datasource.call(call);
    }

    @Override
    public void close() {
      // On Java 21 and later the client closes; before, its thread ends once it is unreachable.
      if (client instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
          }
          throw new IllegalStateException("the client of " + name() + " did not close", e);
        }
      }
    }
  }
}
