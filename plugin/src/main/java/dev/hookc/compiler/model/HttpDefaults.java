package dev.hookc.compiler.model;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code src/eventsources/http.yaml} sets for every route: the server's settings, the default
 * authentication and validation-error hooks, and the store the idempotent routes share.
 *
 * @param file the project-relative file it was read from; empty when the project has none
 * @param settings the server's settings, with their defaults where the file sets none
 * @param authn the default authentication of events without their own {@code authn}
 * @param authnMalformed whether the default {@code authn} could not be read (which was reported),
 *     so that its routes are not public either
 * @param hooks the default validation-error hooks, by kind
 * @param storeUrl the store's JDBC URL, when given
 * @param dataDirectory the embedded store's directory, when given
 * @param adminToken the token of the inboxes' admin endpoints, which are off without it
 * @param storeDatasource {@code store.datasource}: the jdbc datasource the store is on, when given
 * @param retention {@code store.retention}: how long the inboxes keep a processed delivery, when
 *     given
 */
public record HttpDefaults(
    Optional<String> file,
    HttpSettings settings,
    Optional<Authn> authn,
    boolean authnMalformed,
    Map<ValidationHook.Kind, ValidationHook> hooks,
    Optional<String> storeUrl,
    Optional<String> dataDirectory,
    Optional<Authn.SecretRef> adminToken,
    Optional<dev.hookc.compiler.yaml.YamlScalar> storeDatasource,
    Optional<Duration> retention) {

  /** The name of the datasource the store is on, when given. */
  public Optional<String> storeDatasourceName() {
    return storeDatasource.map(dev.hookc.compiler.yaml.YamlScalar::value);
  }

  /** Defaults whose store is not on a datasource. */
  public HttpDefaults(
      Optional<String> file,
      HttpSettings settings,
      Optional<Authn> authn,
      boolean authnMalformed,
      Map<ValidationHook.Kind, ValidationHook> hooks,
      Optional<String> storeUrl,
      Optional<String> dataDirectory,
      Optional<Authn.SecretRef> adminToken) {
    this(
        file,
        settings,
        authn,
        authnMalformed,
        hooks,
        storeUrl,
        dataDirectory,
        adminToken,
        Optional.empty(),
        Optional.empty());
  }

  /** The defaults of a project without {@code http.yaml}. */
  public static final HttpDefaults NONE =
      new HttpDefaults(
          Optional.empty(),
          HttpSettings.DEFAULTS,
          Optional.empty(),
          false,
          Map.of(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());

  public HttpDefaults {
    // In the order of their kinds, so that checks report in the same order every build.
    hooks = hooks.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(hooks));
  }
}
