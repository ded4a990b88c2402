package dev.hookc.kafka;

import static dev.hookc.kafka.Consumers.QUICK;
import static dev.hookc.kafka.Consumers.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.kafka.testing.KafkaBroker;
import dev.hookc.runtime.Application;
import dev.hookc.runtime.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A Kafka event source against a real broker: records run the workflow, bad ones dead-letter. */
// The applications run while their try blocks do; the tests talk to the broker, not to them.
@SuppressWarnings("try")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KafkaEventSourceTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static KafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.start();
  }

  @AfterAll
  static void closeBroker() {
    broker.close();
  }

  private static Map<String, String> headers(ConsumerRecord<byte[], byte[]> record) {
    Map<String, String> headers = new HashMap<>();
    for (Header header : record.headers()) {
      headers.put(header.key(), text(header.value()));
    }
    return headers;
  }

  @Test
  void runsTheWorkflowOnEveryRecordAndCommitsEachOffsetAfterwards() throws Exception {
    broker.createTopic("payments", 3);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      values.add("{\"id\":\"pay_" + i + "\"}");
    }
    Set<String> seen = ConcurrentHashMap.newKeySet();
    CountDownLatch all = new CountDownLatch(values.size());
    try (Application app =
        Consumers.application(
            broker,
            "payments",
            "ledger",
            QUICK,
            request -> {
              if (seen.add(Consumers.id(request))) {
                all.countDown();
              }
              return Consumers.ok();
            })) {
      Consumers.produce(broker, "payments", values);

      assertThat(all.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      Consumers.awaitBroker(
          WAIT, "30 committed offsets", () -> Consumers.committedTotal(broker, "ledger") == 30);
    }
    assertThat(seen).hasSize(30).contains("pay_0", "pay_29");
  }

  @Test
  void sendsAPoisonRecordToTheDeadLetterTopicWithTheReasonAndGoesOn() throws Exception {
    broker.createTopic("orders", 1);
    List<String> processed = new CopyOnWriteArrayList<>();
    CountDownLatch last = new CountDownLatch(1);
    try (Application app =
        Consumers.application(
            broker,
            "orders",
            "shipping",
            QUICK,
            request -> {
              String id = Consumers.id(request);
              processed.add(id);
              if (id.equals("ord_last")) {
                last.countDown();
              }
              return Consumers.ok();
            })) {
      Consumers.produce(
          broker,
          "orders",
          List.of("{\"id\":\"ord_1\"}", "not json {", "{\"total\": 5}", "{\"id\":\"ord_last\"}"));

      assertThat(last.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      Consumers.awaitBroker(
          WAIT, "4 committed offsets", () -> Consumers.committedTotal(broker, "shipping") == 4);
    }
    assertThat(processed).containsExactly("ord_1", "ord_last");
    List<ConsumerRecord<byte[], byte[]>> dead = broker.readAll("orders.dlq", WAIT);
    assertThat(dead).hasSize(2);
    assertThat(text(dead.get(0).value())).isEqualTo("not json {");
    assertThat(text(dead.get(0).key())).isEqualTo("k1");
    Map<String, String> notJson = headers(dead.get(0));
    assertThat(notJson)
        .containsEntry("hookc-dead-letter-reason", "invalid-body")
        .containsEntry("hookc-dead-letter-attempts", "0")
        .containsEntry("hookc-dead-letter-event", "kafka.orders.shipping")
        .containsEntry("hookc-source-topic", "orders")
        .containsEntry("hookc-source-partition", "0")
        .containsEntry("hookc-source-offset", "1");
    assertThat(notJson.get("hookc-dead-letter-detail")).startsWith("The body is not JSON");
    assertThat(headers(dead.get(1)))
        .containsEntry("hookc-dead-letter-reason", "invalid-body")
        .containsEntry(
            "hookc-dead-letter-detail",
            "The record does not match the schema. /id: must have required property 'id'");
  }

  @Test
  void retriesAFailingWorkflowThenDeadLettersTheRecordAndGoesOn() throws Exception {
    broker.createTopic("refunds", 1);
    AtomicInteger attempts = new AtomicInteger();
    CountDownLatch next = new CountDownLatch(1);
    try (Application app =
        Consumers.application(
            broker,
            "refunds",
            "ledger",
            QUICK,
            request -> {
              String id = Consumers.id(request);
              if (id.equals("ref_bad")) {
                attempts.incrementAndGet();
                throw new IllegalStateException("the ledger refused ref_bad");
              }
              if (id.equals("ref_next")) {
                next.countDown();
              }
              return Response.empty(200);
            })) {
      Consumers.produce(
          broker, "refunds", List.of("{\"id\":\"ref_bad\"}", "{\"id\":\"ref_next\"}"));

      assertThat(next.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }
    assertThat(attempts).hasValue(3);
    List<ConsumerRecord<byte[], byte[]>> dead = broker.readAll("refunds.dlq", WAIT);
    assertThat(dead).hasSize(1);
    assertThat(headers(dead.get(0)))
        .containsEntry("hookc-dead-letter-reason", "failed")
        .containsEntry("hookc-dead-letter-attempts", "3");
    assertThat(headers(dead.get(0)).get("hookc-dead-letter-detail"))
        .contains("the ledger refused ref_bad");
  }
}
