package dev.hookc.compiler.model;

import java.util.List;
import java.util.Optional;

/**
 * The {@code docs} block of {@code src/eventsources/http.yaml}: whether the application serves its
 * OpenAPI document and Swagger UI, where, and the document's {@code info} and {@code servers}.
 *
 * @param enabled whether the document and the UI are served ({@code enabled}, default true); the
 *     document is written to {@code target/hookc} either way
 * @param endpoint the path of the JSON document ({@code endpoint}, default {@code /api-docs})
 * @param ui the path of Swagger UI ({@code ui}, default {@code <endpoint>/ui}); empty when {@code
 *     ui: false}
 * @param title {@code info.title}, when given (else the project's name)
 * @param version {@code info.version}, when given (else the project's version)
 * @param description {@code info.description}, when given
 * @param servers {@code servers}, in order
 */
public record ApiDocsSettings(
    boolean enabled,
    String endpoint,
    Optional<String> ui,
    Optional<String> title,
    Optional<String> version,
    Optional<String> description,
    List<Server> servers) {

  /** The path of the document when {@code http.yaml} names none. */
  public static final String DEFAULT_ENDPOINT = "/api-docs";

  /** The settings of a project whose {@code http.yaml} has no {@code docs}. */
  public static final ApiDocsSettings DEFAULTS =
      new ApiDocsSettings(
          true,
          DEFAULT_ENDPOINT,
          Optional.of(DEFAULT_ENDPOINT + "/ui"),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          List.of());

  public ApiDocsSettings {
    servers = List.copyOf(servers);
  }

  /** An entry of {@code servers}: a URL and what it is. */
  public record Server(String url, Optional<String> description) {}
}
