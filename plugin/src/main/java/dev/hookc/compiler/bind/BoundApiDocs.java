package dev.hookc.compiler.bind;

import dev.hookc.compiler.model.ApiDocsSettings;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the project's OpenAPI document says besides its events, and where the application serves it.
 *
 * @param settings {@code docs} of {@code http.yaml}
 * @param title the document's title: {@code docs.info.title}, else the project's name
 * @param version the document's version: {@code docs.info.version}, else the project's version
 * @param definitions each shared definition as JSON text, by name
 */
public record BoundApiDocs(
    ApiDocsSettings settings, String title, String version, Map<String, String> definitions) {

  public BoundApiDocs {
    definitions = Collections.unmodifiableMap(new TreeMap<>(definitions));
  }

  /** Whether the application serves the document. */
  public boolean served() {
    return settings.enabled();
  }

  /** {@code docs.info.description}, when given. */
  public Optional<String> description() {
    return settings.description();
  }

  /** {@code docs.servers}. */
  public List<ApiDocsSettings.Server> servers() {
    return settings.servers();
  }
}
