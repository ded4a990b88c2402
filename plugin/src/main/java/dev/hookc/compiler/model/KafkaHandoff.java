package dev.hookc.compiler.model;

import dev.hookc.compiler.diag.Location;
import dev.hookc.compiler.yaml.YamlScalar;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An event's {@code delivery: kafka}: each delivery, once authenticated, validated and checked for
 * idempotency, is produced to a topic and acknowledged only after the broker confirmed it.
 *
 * @param topic the topic
 * @param key where the record key is in the request, when the event gives one
 * @param headers request headers copied onto the record, lower case
 * @param source the kafka event source named by {@code source}, when written
 * @param timeout how long to wait for the broker's confirmation before answering 503
 * @param acceptStatus the status of the acknowledgement: the event's lowest declared 2xx, else 202
 * @param location where {@code delivery: kafka} is written
 * @param sourceLocation where {@code source} is written, else the {@code kafka} block
 */
public record KafkaHandoff(
    String topic,
    Optional<Key> key,
    List<String> headers,
    Optional<String> source,
    Duration timeout,
    int acceptStatus,
    Location location,
    Location sourceLocation) {

  public KafkaHandoff {
    headers = List.copyOf(headers);
  }

  /**
   * The record key: one value of the request, as an idempotency key is.
   *
   * @param source {@code headers}, {@code query}, {@code params}, {@code body} or {@code delivery}
   * @param path the names under the source
   * @param location where the key names its source
   * @param key the key as written, type-checked against the route's inputs
   */
  public record Key(String source, List<String> path, Location location, YamlScalar key) {
    public Key {
      path = List.copyOf(path);
    }
  }
}
