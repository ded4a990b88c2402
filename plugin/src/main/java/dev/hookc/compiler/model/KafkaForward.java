package dev.hookc.compiler.model;

import dev.hookc.compiler.diag.Location;
import dev.hookc.compiler.yaml.YamlScalar;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A {@code delivery: async} event's {@code forward: {kafka: ...}}: the inbox's workers send each
 * stored delivery to a topic (the transactional outbox), and run the workflow afterwards only when
 * {@code run} says so.
 *
 * @param topic the topic
 * @param key where the record key is in the request, when the records are keyed
 * @param headers request headers copied onto the record, lower case
 * @param source the kafka event source, when named ({@code source}); else the project's only one
 * @param timeout how long an attempt waits for the broker's confirmation
 * @param run whether the workflow runs after the record was confirmed
 * @param location where {@code forward} is written, for errors about the block as a whole
 * @param sourceLocation where the source is named, else {@code location}
 */
public record KafkaForward(
    String topic,
    Optional<Key> key,
    List<String> headers,
    Optional<String> source,
    Duration timeout,
    boolean run,
    Location location,
    Location sourceLocation) {

  public KafkaForward {
    headers = List.copyOf(headers);
  }

  /** This forward with its kafka event source named. */
  public KafkaForward withSource(String name) {
    return new KafkaForward(
        topic, key, headers, Optional.of(name), timeout, run, location, sourceLocation);
  }

  /**
   * A record key: one value of the request.
   *
   * @param source {@code headers}, {@code query}, {@code params} or {@code body}
   * @param path the names under the source: one for a header, query or path parameter, a path for
   *     the body
   * @param key the key as written, type-checked against the route's inputs
   */
  public record Key(String source, List<String> path, YamlScalar key) {
    public Key {
      path = List.copyOf(path);
    }
  }
}
