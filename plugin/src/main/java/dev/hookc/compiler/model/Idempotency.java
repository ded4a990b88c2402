package dev.hookc.compiler.model;

import dev.hookc.compiler.diag.Location;
import dev.hookc.compiler.yaml.YamlScalar;
import java.time.Duration;
import java.util.List;

/**
 * An event's {@code idempotency}: where its key is in the request, and how long a key's outcome is
 * kept.
 *
 * @param source {@code headers}, {@code query}, {@code params}, {@code body} or {@code delivery}
 * @param path the names under the source, e.g. {@code [webhook-id]}, {@code [data, id]} or {@code
 *     [id]}
 * @param ttl how long a repeat gets the first outcome
 * @param location where the key names its source (the column of {@code delivery} in {@code <%
 *     inputs.delivery.id %>})
 * @param key the key as written, which is type-checked against the route's inputs: the value it
 *     reads must exist, or every delivery is refused
 */
public record Idempotency(
    String source, List<String> path, Duration ttl, Location location, YamlScalar key) {

  public Idempotency {
    path = List.copyOf(path);
  }
}
