package dev.hookc.runtime.internal.app;

import dev.hookc.runtime.store.JdbcStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Which store an application uses: one the caller gave, one on the caller's {@code DataSource}, or
 * one hookc opens where the settings say — the builder's data directory, else {@code
 * HOOKC_STORE_URL}, else {@code http.yaml}'s {@code store.url}, else H2 under {@code
 * HOOKC_DATA_DIR}, else under {@code http.yaml}'s {@code store.data_dir}, else under {@code
 * ./data}.
 */
final class StoreChoice {
  private final JdbcStore given;
  private final DataSource dataSource;
  private final String url;
  private final String user;
  private final String password;
  private final Path directory; // of an embedded store, to check; null otherwise
  private final String onDatasource; // the jdbc datasource it is on; null otherwise

  private StoreChoice(
      JdbcStore given,
      DataSource dataSource,
      String url,
      String user,
      String password,
      Path directory) {
    this(given, dataSource, url, user, password, directory, null);
  }

  private StoreChoice(
      JdbcStore given,
      DataSource dataSource,
      String url,
      String user,
      String password,
      Path directory,
      String onDatasource) {
    this.onDatasource = onDatasource;
    this.given = given;
    this.dataSource = dataSource;
    this.url = url;
    this.user = user;
    this.password = password;
    this.directory = directory;
  }

  /** The caller's store, used as it is and never closed by the application. */
  static StoreChoice given(JdbcStore store) {
    return new StoreChoice(store, null, null, null, null, null);
  }

  /** A store on the caller's data source, which the application never closes. */
  static StoreChoice on(DataSource dataSource) {
    return new StoreChoice(null, dataSource, null, null, null, null);
  }

  /** A store on the project's jdbc datasource {@code name}: see {@link JdbcStore#on}. */
  static StoreChoice onDatasource(String name) {
    return new StoreChoice(null, null, null, null, null, null, name);
  }

  /**
   * The directory of embedded databases, the store's and the datasources': the builder's, else
   * {@code HOOKC_DATA_DIR}, else {@code http.yaml}'s {@code store.data_dir}, else {@code ./data}.
   */
  static Path dataDirectory(Map<String, String> env, Path dataDirectory, Project project) {
    if (dataDirectory != null) {
      return dataDirectory;
    }
    return Path.of(
        nonBlank(env.get("HOOKC_DATA_DIR"))
            .or(() -> project.dataDirectory().flatMap(StoreChoice::nonBlank))
            .orElse("data"));
  }

  /** The store the settings name; see the class comment for the order. */
  static StoreChoice located(Map<String, String> env, Path dataDirectory, Project project) {
    String user = nonBlank(env.get("HOOKC_STORE_USER")).orElse(null);
    String password = nonBlank(env.get("HOOKC_STORE_PASSWORD")).orElse(null);
    if (dataDirectory != null) {
      return embedded(dataDirectory, user, password);
    }
    Optional<String> url = nonBlank(env.get("HOOKC_STORE_URL")).or(project::storeUrl);
    if (url.isPresent()) {
      return new StoreChoice(null, null, url.get(), user, password, null);
    }
    return embedded(dataDirectory(env, null, project), user, password);
  }

  private static StoreChoice embedded(Path directory, String user, String password) {
    return new StoreChoice(null, null, JdbcStore.h2Url(directory), user, password, directory);
  }

  private static Optional<String> nonBlank(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
  }

  /** What keeps this store from opening that can be told without connecting. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (url != null) {
      JdbcStore.check(url).ifPresent(problems::add);
    }
    if (directory != null && Files.exists(directory) && !Files.isDirectory(directory)) {
      problems.add("the store's data directory " + directory.toAbsolutePath() + " is a file");
    }
    return problems;
  }

  /**
   * Opens the store; one the caller gave is returned as it is.
   *
   * @throws IllegalStateException when the database cannot be reached or its tables not prepared
   */
  JdbcStore open(Datasources datasources) {
    if (onDatasource != null) {
      return JdbcStore.on(datasources.database(onDatasource));
    }
    if (given != null) {
      return given;
    }
    if (dataSource != null) {
      return JdbcStore.of(dataSource);
    }
    return JdbcStore.open(url, user, password);
  }

  /** Whether the store {@link #open} returns is the application's to close. */
  boolean owned() {
    return given == null;
  }

  /** The caller's data source, when the store is on one; its connections as the caller made. */
  Optional<DataSource> callersDataSource() {
    return Optional.ofNullable(dataSource);
  }
}
