package dev.hookc.kafka;

import static dev.hookc.kafka.Consumers.QUICK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.kafka.testing.KafkaBroker;
import dev.hookc.runtime.Application;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a Kafka event source must never do: commit work that did not finish. */
// The applications run while their try blocks do; the tests talk to the broker, not to them.
@SuppressWarnings("try")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileKafkaSourceTest {
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

  @Test
  void aRecordWhoseWorkflowWasStillRunningAtStopIsNotCommittedAndIsProcessedByTheNextInstance()
      throws Exception {
    broker.createTopic("captures", 1);
    CountDownLatch stuck = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    List<String> first = new CopyOnWriteArrayList<>();
    Application app =
        Consumers.application(
            broker,
            "captures",
            "settlement",
            QUICK,
            request -> {
              String id = Consumers.id(request);
              if (id.equals("cap_2")) {
                stuck.countDown();
                // A workflow that does not finish before the application stops.
                never.await();
              }
              first.add(id);
              return Consumers.ok();
            });
    try {
      Consumers.produce(
          broker,
          "captures",
          List.of(
              "{\"id\":\"cap_0\"}",
              "{\"id\":\"cap_1\"}",
              "{\"id\":\"cap_2\"}",
              "{\"id\":\"cap_3\"}"));
      assertThat(stuck.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    } finally {
      app.close();
    }
    Map<TopicPartition, OffsetAndMetadata> committed = Consumers.committed(broker, "settlement");
    assertThat(first).containsExactly("cap_0", "cap_1");
    // cap_0 and cap_1 finished; cap_2 did not, so the group resumes at it (offset 2).
    assertThat(committed.get(new TopicPartition("captures", 0)).offset()).isEqualTo(2);
    assertThat(broker.readAll("captures.dlq", WAIT)).isEmpty();

    Set<String> next = ConcurrentHashMap.newKeySet();
    CountDownLatch rest = new CountDownLatch(2);
    try (Application successor =
        Consumers.application(
            broker,
            "captures",
            "settlement",
            QUICK,
            request -> {
              if (next.add(Consumers.id(request))) {
                rest.countDown();
              }
              return Consumers.ok();
            })) {
      assertThat(rest.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      Consumers.awaitBroker(
          WAIT, "4 committed offsets", () -> Consumers.committedTotal(broker, "settlement") == 4);
    }
    assertThat(next).containsExactlyInAnyOrder("cap_2", "cap_3");
  }

  @Test
  void aRecordThatCannotBeDeadLetteredIsNotCommitted() throws Exception {
    broker.createTopic("chargebacks", 1);
    // The dead-letter topic cannot be written: it is the name of nothing the broker may create.
    CountDownLatch tried = new CountDownLatch(2);
    Application app =
        Consumers.applicationWithDeadLetter(
            broker,
            "chargebacks",
            "disputes",
            "bad topic name!",
            request -> {
              tried.countDown();
              Consumers.id(request);
              return Consumers.ok();
            });
    try {
      Consumers.produce(broker, "chargebacks", List.of("not json", "{\"id\":\"cb_1\"}"));
      // The poison record is read again rather than skipped: it is tried at least twice.
      assertThat(tried.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    } finally {
      app.close();
    }
    Map<TopicPartition, OffsetAndMetadata> committed = Consumers.committed(broker, "disputes");
    OffsetAndMetadata offset = committed.get(new TopicPartition("chargebacks", 0));
    assertThat(offset == null ? 0 : offset.offset()).isZero();
  }
}
