package dev.hookc.compiler.model;

import dev.hookc.compiler.diag.Location;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A datasource of {@code src/datasources}: one YAML file, whose name is the datasource's. */
public sealed interface Datasource {

  /** Its name: the file's name without {@code .yaml}. */
  String name();

  /** The project-relative YAML file it was read from. */
  String file();

  /**
   * The project-relative files it was read from: its YAML and, for {@code jdbc}, its migrations.
   */
  Set<String> files();

  /**
   * A {@code type: jdbc} datasource.
   *
   * @param url the JDBC URL, when set
   * @param user the user, when set
   * @param password the password, when set
   * @param maxPoolSize {@code pool.max_size}
   * @param dialect how the build-time check reads its SQL: {@code h2} or {@code postgresql}
   * @param migrations its migrations, in version order
   * @param statements its statements by name, in YAML order
   */
  record Jdbc(
      String name,
      String file,
      Optional<DatasourceSetting> url,
      Optional<DatasourceSetting> user,
      Optional<DatasourceSetting> password,
      int maxPoolSize,
      String dialect,
      List<Migration> migrations,
      Map<String, Statement> statements)
      implements Datasource {

    public Jdbc {
      migrations = List.copyOf(migrations);
      statements = Collections.unmodifiableMap(new LinkedHashMap<>(statements));
    }

    @Override
    public Set<String> files() {
      Set<String> files = new java.util.TreeSet<>();
      files.add(file);
      migrations.forEach(m -> files.add(m.file()));
      return files;
    }
  }

  /**
   * A {@code type: http} (or Godspeed's {@code axios}) datasource.
   *
   * @param baseUrl the URL every path is resolved against
   * @param headers headers sent with every call
   * @param timeout each call's deadline, retries included
   * @param authn how calls authenticate
   * @param retry when and how calls are tried again
   * @param operations the operations the YAML declares, by {@code <method>./<path>}
   */
  record Http(
      String name,
      String file,
      DatasourceSetting baseUrl,
      Map<String, DatasourceSetting> headers,
      Duration timeout,
      Optional<HttpAuthn> authn,
      HttpRetry retry,
      Map<String, HttpOperation> operations)
      implements Datasource {

    public Http {
      headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
      operations = Collections.unmodifiableMap(new LinkedHashMap<>(operations));
    }

    @Override
    public Set<String> files() {
      return Set.of(file);
    }
  }

  /**
   * A versioned migration, {@code V<version>__<description>.sql}.
   *
   * @param version its version, as the file name writes it
   * @param description its description, underscores as spaces
   * @param script its file name
   * @param file its project-relative path
   * @param sql its text
   */
  record Migration(String version, String description, String script, String file, String sql) {}

  /**
   * A named SQL statement.
   *
   * @param name its name
   * @param sql its text
   * @param node the YAML scalar it is written in, for located errors
   */
  record Statement(String name, String sql, YamlScalar node) {

    /** Where it is written. */
    public Location location() {
      return node.location();
    }

    /** The 1-based line it is written on. */
    public int line() {
      return node.location().line();
    }
  }

  /**
   * An operation an http datasource declares.
   *
   * @param method the HTTP method, lower case
   * @param path the path template
   * @param response the schema of its response body, when given
   * @param node its key
   */
  record HttpOperation(String method, String path, Optional<YamlNode> response, YamlScalar node) {}

  /** How an http datasource's calls authenticate. */
  sealed interface HttpAuthn {

    /** {@code Authorization: Bearer <token>}. */
    record Bearer(DatasourceSetting token) implements HttpAuthn {}

    /** HTTP basic authentication. */
    record Basic(DatasourceSetting user, DatasourceSetting password) implements HttpAuthn {}

    /** OAuth 2.0 client credentials. */
    record ClientCredentials(
        DatasourceSetting tokenUrl,
        DatasourceSetting clientId,
        DatasourceSetting clientSecret,
        Optional<DatasourceSetting> scope,
        Optional<DatasourceSetting> audience)
        implements HttpAuthn {}
  }

  /**
   * When and how an http datasource's calls are tried again.
   *
   * @param maxAttempts the most attempts, the first included
   * @param statuses the response statuses tried again
   * @param connectionErrors whether connection errors and timeouts are tried again
   * @param backoff {@code constant}, {@code exponential} or {@code random}
   * @param interval the constant wait, or the first
   * @param maxInterval the longest wait
   */
  record HttpRetry(
      int maxAttempts,
      Set<Integer> statuses,
      boolean connectionErrors,
      String backoff,
      Duration interval,
      Duration maxInterval) {

    public HttpRetry {
      statuses = Set.copyOf(new java.util.TreeSet<>(statuses));
    }

    /** One attempt. */
    public static final HttpRetry NONE =
        new HttpRetry(1, Set.of(), false, "constant", Duration.ZERO, Duration.ZERO);
  }
}
