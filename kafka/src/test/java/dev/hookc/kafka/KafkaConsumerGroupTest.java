package dev.hookc.kafka;

import static dev.hookc.kafka.Consumers.QUICK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.kafka.testing.KafkaBroker;
import dev.hookc.runtime.Application;
import dev.hookc.runtime.RequestHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two hookc applications in one consumer group, against a real broker. */
// The applications run while their try blocks do; the tests talk to the broker, not to them.
@SuppressWarnings("try")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KafkaConsumerGroupTest {
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

  /** Counts what one instance processed, and every record's first processing across instances. */
  private static final class Instance {
    final Map<String, AtomicInteger> processed = new ConcurrentHashMap<>();
    final AtomicInteger count = new AtomicInteger();

    RequestHandler handler(Set<String> union, CountDownLatch all, Runnable each) {
      return request -> {
        String id = Consumers.id(request);
        each.run();
        processed.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        count.incrementAndGet();
        if (union.add(id)) {
          all.countDown();
        }
        return Consumers.ok();
      };
    }
  }

  /** Whether the group has {@code members} members that each own a partition. */
  private static boolean balanced(String group, int members) throws Exception {
    try (Admin admin = broker.admin()) {
      ConsumerGroupDescription description =
          admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group);
      Collection<MemberDescription> all = description.members();
      return all.size() == members
          && all.stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty());
    }
  }

  private static List<String> values(String prefix, int n) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      values.add("{\"id\":\"" + prefix + i + "\"}");
    }
    return values;
  }

  @Test
  void twoInstancesInOneGroupShareThePartitionsAndTogetherProcessEveryRecordOnce()
      throws Exception {
    broker.createTopic("invoices", 4);
    Set<String> union = ConcurrentHashMap.newKeySet();
    CountDownLatch all = new CountDownLatch(60);
    Instance a = new Instance();
    Instance b = new Instance();
    try (Application first =
            Consumers.application(
                broker, "invoices", "billing", QUICK, a.handler(union, all, () -> {}));
        Application second =
            Consumers.application(
                broker, "invoices", "billing", QUICK, b.handler(union, all, () -> {}))) {
      Consumers.awaitBroker(WAIT, "both instances own partitions", () -> balanced("billing", 2));
      Consumers.produce(broker, "invoices", values("inv_", 60));

      assertThat(all.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      Consumers.awaitBroker(
          WAIT, "60 committed offsets", () -> Consumers.committedTotal(broker, "billing") == 60);
    }
    assertThat(union).hasSize(60);
    assertThat(a.count.get()).isPositive();
    assertThat(b.count.get()).isPositive();
    // No member joined or left while the records were read, so nothing was read twice.
    assertThat(a.count.get() + b.count.get()).isEqualTo(60);
  }

  @Test
  void anInstanceStoppedMidStreamLeavesWhatItHadNotFinishedToTheOther() throws Exception {
    broker.createTopic("transfers", 2);
    Set<String> union = ConcurrentHashMap.newKeySet();
    CountDownLatch all = new CountDownLatch(80);
    CountDownLatch firstFive = new CountDownLatch(5);
    Instance a = new Instance();
    Instance b = new Instance();
    Application second =
        Consumers.application(
            broker, "transfers", "treasury", QUICK, b.handler(union, all, () -> {}));
    try {
      Application first =
          Consumers.application(
              broker,
              "transfers",
              "treasury",
              QUICK,
              a.handler(
                  union,
                  all,
                  () -> {
                    firstFive.countDown();
                    slowWork();
                  }));
      try {
        Consumers.awaitBroker(WAIT, "both instances own partitions", () -> balanced("treasury", 2));
        Consumers.produce(broker, "transfers", values("trf_", 80));
        assertThat(firstFive.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      } finally {
        // Mid-stream: its partition still has records it has not read or finished.
        first.close();
      }
      int byFirst = a.count.get();
      assertThat(byFirst).isLessThan(40);

      assertThat(all.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      Consumers.awaitBroker(
          WAIT, "80 committed offsets", () -> Consumers.committedTotal(broker, "treasury") == 80);
    } finally {
      second.close();
    }
    assertThat(union).hasSize(80);
    // The stopped instance committed what it finished before it left the group, so the other
    // took over from there: nothing twice.
    assertThat(a.count.get() + b.count.get()).isEqualTo(80);
  }

  /** A workflow that takes a while, so that the instance is stopped with work left. */
  private static void slowWork() {
    try {
      Thread.sleep(30);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
