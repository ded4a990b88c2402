package dev.hookc.compiler.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What an event says about itself for its API documentation, as JSON text converted while the YAML
 * was at hand, so that the OpenAPI writer reads no YAML.
 *
 * @param description {@code description}, when given
 * @param tags {@code tags}, in order
 * @param parameters each declared parameter object as written, in declaration order
 * @param requestBody the {@code body} object as written (its served content types only), when
 *     declared
 * @param responses each declared response object as written, by status ({@code default} included)
 */
public record EventDocs(
    Optional<String> description,
    List<String> tags,
    List<String> parameters,
    Optional<String> requestBody,
    Map<String, String> responses) {

  /** The documentation of an event that declares none. */
  public static final EventDocs NONE =
      new EventDocs(Optional.empty(), List.of(), List.of(), Optional.empty(), Map.of());

  public EventDocs {
    tags = List.copyOf(tags);
    parameters = List.copyOf(parameters);
    responses = Collections.unmodifiableMap(new TreeMap<>(responses));
  }
}
