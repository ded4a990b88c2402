package dev.hookc.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hookc.kafka.testing.KafkaBroker;
import dev.hookc.runtime.Application;
import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.Json;
import dev.hookc.runtime.RequestHandler;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Violation;
import dev.hookc.runtime.internal.app.Assembly;
import dev.hookc.runtime.internal.datasource.Setting;
import dev.hookc.runtime.kafka.KafkaSourceDefinition;
import dev.hookc.runtime.source.Subscription;
import dev.hookc.runtime.store.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * What the Kafka event-source tests share: an application that reads one topic as one group with a
 * controller that does what a generated one does (read the value as JSON, check it, run the
 * "workflow"), a producer, and bounded waits.
 */
final class Consumers {
  static final RetryPolicy QUICK =
      new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20), 2);

  private Consumers() {}

  /** A started application that reads {@code topic} as {@code group} with {@code handler}. */
  static Application application(
      KafkaBroker broker, String topic, String group, RetryPolicy retry, RequestHandler handler) {
    return application(broker, topic, group, topic + ".dlq", retry, handler);
  }

  /** As {@link #application} with the dead-letter topic {@code deadLetter}. */
  static Application applicationWithDeadLetter(
      KafkaBroker broker, String topic, String group, String deadLetter, RequestHandler handler) {
    return application(broker, topic, group, deadLetter, QUICK, handler);
  }

  private static Application application(
      KafkaBroker broker,
      String topic,
      String group,
      String deadLetter,
      RetryPolicy retry,
      RequestHandler handler) {
    return application(
        broker.bootstrapServers(), topic, group, deadLetter, retry, Map.of(), handler);
  }

  /** As {@link #application} with client {@code properties} as the event source's YAML gives. */
  static Application applicationWithProperties(
      KafkaBroker broker,
      String topic,
      String group,
      Map<String, String> properties,
      RequestHandler handler) {
    return applicationAt(broker.bootstrapServers(), topic, group, properties, handler);
  }

  /**
   * As {@link #applicationWithProperties}, connecting to {@code bootstrapServers} (a broker's SASL
   * listener, say).
   */
  static Application applicationAt(
      String bootstrapServers,
      String topic,
      String group,
      Map<String, String> properties,
      RequestHandler handler) {
    return application(bootstrapServers, topic, group, topic + ".dlq", QUICK, properties, handler);
  }

  private static Application application(
      String bootstrapServers,
      String topic,
      String group,
      String deadLetter,
      RetryPolicy retry,
      Map<String, String> properties,
      RequestHandler handler) {
    Map<String, Setting> settings = new java.util.LinkedHashMap<>();
    properties.forEach((key, value) -> settings.put(key, Setting.literal(value)));
    JsonNode empty = JsonNodeFactory.instance.objectNode();
    return Assembly.of(env -> empty, startup -> List.of())
        .name("consumer-test")
        .kafkaSource(
            new KafkaSourceDefinition(
                "kafka", List.of(Setting.literal(bootstrapServers)), Optional.empty(), settings))
        .subscription(
            new Subscription(
                "kafka." + topic + "." + group, "kafka", topic, group, deadLetter, retry),
            wiring -> handler)
        .builder()
        .host("127.0.0.1")
        .port(0)
        .build()
        .start();
  }

  /**
   * The "workflow"'s input as a generated controller gives it: the value read as JSON with an
   * {@code id} text, else a 400 problem, which the runtime dead-letters.
   */
  static String id(dev.hookc.runtime.Request request) {
    JsonNode body;
    try {
      body = Json.mapper().readTree(request.body());
    } catch (java.io.IOException e) {
      throw HttpProblem.badRequest(
          "The body is not JSON: " + e.getClass().getSimpleName(), List.of());
    }
    if (body == null || !body.path("id").isTextual()) {
      throw HttpProblem.badRequest(
          "The record does not match the schema.",
          List.of(new Violation("/id", "required", "must have required property 'id'")));
    }
    return body.get("id").asText();
  }

  static Response ok() {
    return Response.empty(204);
  }

  static KafkaProducer<byte[], byte[]> producer(KafkaBroker broker) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            30_000,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
            10_000),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  /** Produces {@code values} to {@code topic}, keyed by their index, each acknowledged. */
  static void produce(KafkaBroker broker, String topic, List<String> values) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer = producer(broker)) {
      for (int i = 0; i < values.size(); i++) {
        producer
            .send(
                new ProducerRecord<>(
                    topic, utf8("k" + i), values.get(i) == null ? null : utf8(values.get(i))))
            .get(20, TimeUnit.SECONDS);
      }
    }
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The group's committed offsets of {@code topic}, by partition. */
  static Map<TopicPartition, OffsetAndMetadata> committed(KafkaBroker broker, String group)
      throws Exception {
    try (Admin admin = broker.admin()) {
      return admin
          .listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata()
          .get(20, TimeUnit.SECONDS);
    }
  }

  /** The sum of the group's committed offsets. */
  static long committedTotal(KafkaBroker broker, String group) throws Exception {
    return committed(broker, group).values().stream()
        .filter(o -> o != null)
        .mapToLong(OffsetAndMetadata::offset)
        .sum();
  }

  /** Waits until {@code condition} holds, polling, at most {@code timeout}. */
  static void await(Duration timeout, String what, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  /** Waits until {@code check} holds, polling a broker-side fact, at most {@code timeout}. */
  static void awaitBroker(Duration timeout, String what, Check check) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!check.holds()) {
      assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  /** A fact read from the broker. */
  @FunctionalInterface
  interface Check {
    boolean holds() throws Exception;
  }
}
