package dev.hookc.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.kafka.testing.KafkaBroker;
import dev.hookc.runtime.store.Inbox;
import dev.hookc.runtime.store.RetryPolicy;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox while the broker is away: accepted deliveries stay in the inbox, pending, and are
 * forwarded once the broker is back; none is lost, and none is marked done unconfirmed.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HostileKafkaOutboxTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static KafkaBroker broker;

  @TempDir Path data;

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.start();
  }

  @AfterAll
  static void closeBroker() {
    broker.close();
  }

  @AfterEach
  void brokerBack() {
    broker.restart();
  }

  @Test
  void deliveriesAcceptedWhileTheBrokerIsDownStayPendingAndAreForwardedOnceItIsBack()
      throws Exception {
    broker.createTopic("outage", 2);
    RecordingTelemetry telemetry = new RecordingTelemetry();
    RetryPolicy retry = new RetryPolicy(100, Duration.ofMillis(100), Duration.ofMillis(500), 2);
    Set<String> accepted = new HashSet<>();
    try (OutboxRoute route =
        OutboxRoute.start(
            data,
            broker.bootstrapServers(),
            "outage",
            null,
            retry,
            telemetry,
            UnaryOperator.identity())) {
      // The producer knows the topic before the outage, as a running application would.
      HttpResponse<String> first = route.post("{\"n\":0}", "m-0", "k-0");
      accepted.add(InboxForwardTest.id(first));
      OutboxRoute.await(WAIT, () -> route.counts().done() == 1);
      broker.stop();
      for (int i = 1; i <= 10; i++) {
        HttpResponse<String> response = route.post("{\"n\":" + i + "}", "m-" + i, "k-" + i);
        assertThat(response.statusCode()).as("stored, so acknowledged").isEqualTo(202);
        accepted.add(InboxForwardTest.id(response));
      }
      // Attempts fail while the broker is away, and not one delivery counts as forwarded.
      assertThat(telemetry.retries.tryAcquire(3, 30, TimeUnit.SECONDS)).isTrue();
      assertThat(route.counts().done()).isEqualTo(1);
      assertThat(route.counts().pending()).isEqualTo(10);
      assertThat(route.counts().dead()).isZero();
      broker.restart();
      OutboxRoute.await(WAIT, () -> route.counts().done() == 11);
      assertThat(route.inbox.deadLetters()).isEmpty();
    }
    List<ConsumerRecord<byte[], byte[]>> records = broker.readAll("outage", WAIT);
    Map<String, Long> copies =
        records.stream()
            .collect(
                Collectors.groupingBy(
                    r -> InboxForwardTest.headers(r).get("hookc-delivery-id").get(0),
                    Collectors.counting()));
    // None lost. A send that timed out may still have been written before its retry (the
    // documented at-least-once), always under the delivery's id.
    assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(accepted);
    System.out.printf(
        "outbox outage: %d deliveries, %d records, %d failed sends%n",
        accepted.size(), records.size(), telemetry.datasourceFailures.size());
  }

  @Test
  void aDeliveryTheBrokerNeverConfirmsIsDeadLetteredAfterTheLastAttempt() throws Exception {
    broker.createTopic("never", 1);
    RecordingTelemetry telemetry = new RecordingTelemetry();
    RetryPolicy retry = new RetryPolicy(2, Duration.ofMillis(50), Duration.ofMillis(100), 2);
    try (OutboxRoute route =
        OutboxRoute.start(
            data,
            broker.bootstrapServers(),
            "never",
            null,
            retry,
            telemetry,
            UnaryOperator.identity())) {
      broker.stop();
      HttpResponse<String> response = route.post("{\"n\":1}", "d-1", "k");
      assertThat(response.statusCode()).isEqualTo(202);
      OutboxRoute.await(WAIT, () -> route.counts().dead() == 1);
      List<Inbox.DeadLetter> dead = route.inbox.deadLetters();
      assertThat(dead).hasSize(1);
      assertThat(dead.get(0).id()).isEqualTo(InboxForwardTest.id(response));
      assertThat(dead.get(0).attempts()).isEqualTo(2);
      assertThat(dead.get(0).error()).contains("Kafka");
      assertThat(route.counts().done()).isZero();
    }
  }
}
