package dev.hookc.compiler.model;

import dev.hookc.compiler.yaml.YamlMapping;
import dev.hookc.compiler.yaml.YamlNode;
import dev.hookc.compiler.yaml.YamlScalar;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP event: a route and the function that handles it.
 *
 * @param key the key as written, e.g. {@code http.post./callback}
 * @param keyNode the key's YAML node
 * @param method the HTTP method
 * @param path the path with parameters in {@code {name}} form
 * @param pathParameters the names of the path's parameters, in order
 * @param fn the handling function, when declared
 * @param bodySchema the JSON Schema of an {@code application/json} request body, when declared
 * @param bodyContentTypes the request body's declared content types
 * @param parameters the declared parameters
 * @param responses the declared responses by status code ({@code default} included)
 * @param summary the summary, when given
 * @param operationId the declared {@code operationId} (or {@code id}), when given and not blank,
 *     which names the event's generated types
 * @param hooks the event's own validation-error hooks, by kind
 * @param guard what stands before its controller: authentication (its own or the default of {@code
 *     http.yaml}), idempotency and asynchronous delivery
 * @param contract what it asks of a request beyond its body schema
 * @param docs what it says about itself for the API documentation
 * @param node the event's YAML mapping
 * @param accepted the event types a provider's route accepts ({@code github: {events: [...]}}),
 *     when it declares them
 * @param subscription what the event reads when it is a Kafka consumer ({@code
 *     kafka.<topic>.<group_id>}) rather than an HTTP route; its {@code method} and {@code path} are
 *     then {@code POST /<topic>}, which no route serves
 */
public record Event(
    String key,
    YamlScalar keyNode,
    HttpMethod method,
    String path,
    List<String> pathParameters,
    Optional<FnRef> fn,
    Optional<YamlNode> bodySchema,
    List<String> bodyContentTypes,
    List<Parameter> parameters,
    Map<String, Response> responses,
    Optional<String> summary,
    Optional<String> operationId,
    Map<ValidationHook.Kind, ValidationHook> hooks,
    RouteGuard guard,
    EventContract contract,
    EventDocs docs,
    YamlMapping node,
    Optional<AcceptedEvents> accepted,
    Optional<TopicSubscription> subscription) {

  public Event {
    pathParameters = List.copyOf(pathParameters);
    bodyContentTypes = List.copyOf(bodyContentTypes);
    parameters = List.copyOf(parameters);
    responses = Map.copyOf(responses);
    // In the order of their kinds, so that checks report in the same order every build.
    hooks =
        hooks.isEmpty()
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(hooks));
  }

  /**
   * Hashes the route and where the key was written, not the YAML trees: events key the compiler's
   * maps, and hashing a whole body schema per lookup made those lookups cost as much as reading the
   * schema. Equal events have equal keys, routes and key nodes, so this agrees with the record's
   * {@code equals}.
   */
  @Override
  public int hashCode() {
    return java.util.Objects.hash(key, method, path, keyNode.location());
  }

  /** Whether the event is an HTTP route, not a consumer of a topic. */
  public boolean isRoute() {
    return subscription.isEmpty();
  }

  /** Where the event's key was written: {@code src/events/callback.yaml:3:1}. */
  public String where() {
    return keyNode.location().toString();
  }

  /** The file the event was written in. */
  public String file() {
    return keyNode.location().file();
  }

  /** A declared response. */
  public record Response(String status, Optional<YamlNode> schema, YamlScalar statusNode) {}
}
