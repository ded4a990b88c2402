package dev.hookc.runtime.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.Json;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Violation;
import dev.hookc.runtime.store.RetryPolicy;
import dev.hookc.runtime.telemetry.DeliveryStart;
import dev.hookc.runtime.telemetry.Observation;
import dev.hookc.runtime.telemetry.Telemetry;
import dev.hookc.runtime.telemetry.WorkContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecordProcessorTest {
  private static final RetryPolicy THREE_QUICK =
      new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), 2);
  private static final Subscription STRIPE =
      new Subscription(
          "kafka.stripe-events.billing",
          "kafka",
          "stripe-events",
          "billing",
          "stripe-events.dlq",
          THREE_QUICK);

  private static boolean running() {
    return false;
  }

  private final List<String> observed = new CopyOnWriteArrayList<>();
  private final Telemetry telemetry =
      new Telemetry() {
        @Override
        public Observation delivery(DeliveryStart delivery) {
          observed.add(delivery.route() + " " + delivery.deliveryId() + " #" + delivery.attempt());
          return Observation.NONE;
        }

        @Override
        public void deadLettered(String route) {
          observed.add("dead " + route);
        }
      };

  private static SourceRecord record(String value, Map<String, String> headers) {
    return new SourceRecord("stripe-events", 2, 41, null, value.getBytes(UTF_8), headers);
  }

  @Test
  void runsTheControllerOnTheValueAsAJsonRequestWithTheRecordsHeaders() {
    List<String> seen = new CopyOnWriteArrayList<>();
    RecordProcessor processor =
        new RecordProcessor(
            STRIPE,
            request -> {
              seen.add(Json.mapper().readTree(request.body()).get("id").asText());
              seen.add(request.header("Content-Type"));
              seen.add(request.header("hookc-delivery-id"));
              seen.add(request.header("x-tenant"));
              return Response.empty(204);
            },
            telemetry);

    RecordOutcome outcome =
        processor.process(
            record("{\"id\":\"evt_1\"}", Map.of("X-Tenant", "acme", "content-type", "text/plain")),
            RecordProcessorTest::running);

    assertThat(outcome).isEqualTo(new RecordOutcome.Processed(1));
    assertThat(seen).containsExactly("evt_1", "application/json", "stripe-events-2-41", "acme");
    assertThat(observed).containsExactly("kafka.stripe-events.billing stripe-events-2-41 #1");
  }

  @Test
  void takesTheDeliveryIdOfTheRouteThatProducedTheRecord() {
    RecordProcessor processor =
        new RecordProcessor(STRIPE, request -> Response.empty(200), telemetry);

    processor.process(
        record("{}", Map.of("hookc-delivery-id", "msg_2a")), RecordProcessorTest::running);

    assertThat(observed).containsExactly("kafka.stripe-events.billing msg_2a #1");
  }

  @Test
  void theWorkflowRunsAsTheEventReceivedWhenTheRouteThatProducedTheRecordReceivedIt() {
    List<Object> seen = new CopyOnWriteArrayList<>();
    RecordProcessor processor =
        new RecordProcessor(
            STRIPE,
            request -> {
              WorkContext work = WorkContext.current();
              seen.add(work.route());
              seen.add(work.deliveryId());
              seen.add(work.receivedAt());
              return Response.empty(204);
            },
            telemetry);

    processor.process(
        record(
            "{}",
            Map.of(
                "hookc-delivery-id", "msg_3",
                "hookc-received-at", "2026-12-04T09:15:30.123456Z")),
        RecordProcessorTest::running);
    Instant before = Instant.now();
    processor.process(
        record("{}", Map.of("hookc-received-at", "yesterday")), RecordProcessorTest::running);
    Instant after = Instant.now();

    assertThat(seen)
        .startsWith(
            "kafka.stripe-events.billing", "msg_3", Instant.parse("2026-12-04T09:15:30.123456Z"))
        .contains("kafka.stripe-events.billing", "stripe-events-2-41");
    assertThat((Instant) seen.get(5)).as("when it was taken").isBetween(before, after);
  }

  @Test
  void deadLettersAnInvalidBodyAtOnceWithItsViolations() {
    AtomicInteger runs = new AtomicInteger();
    RecordProcessor processor =
        new RecordProcessor(
            STRIPE,
            request -> {
              runs.incrementAndGet();
              throw HttpProblem.badRequest(
                  "The body does not match the schema.",
                  List.of(new Violation("/amount", "type", "expected an integer")));
            },
            telemetry);

    RecordOutcome outcome =
        processor.process(record("{\"amount\":\"x\"}", Map.of()), RecordProcessorTest::running);

    assertThat(outcome)
        .isEqualTo(
            new RecordOutcome.DeadLettered(
                "invalid-body",
                "The body does not match the schema. /amount: expected an integer",
                0));
    assertThat(runs).hasValue(1);
  }

  @Test
  void retriesAFailingWorkflowThenDeadLettersIt() {
    AtomicInteger runs = new AtomicInteger();
    RecordProcessor processor =
        new RecordProcessor(
            STRIPE,
            request -> {
              if (runs.incrementAndGet() == 2) {
                return Response.empty(503);
              }
              throw new IllegalStateException("ledger down");
            },
            telemetry);

    RecordOutcome outcome = processor.process(record("{}", Map.of()), RecordProcessorTest::running);

    assertThat(outcome).isInstanceOf(RecordOutcome.DeadLettered.class);
    RecordOutcome.DeadLettered dead = (RecordOutcome.DeadLettered) outcome;
    assertThat(dead.reason()).isEqualTo("failed");
    assertThat(dead.attempts()).isEqualTo(3);
    assertThat(dead.detail()).contains("ledger down");
    assertThat(runs).hasValue(3);
    assertThat(observed)
        .containsExactly(
            "kafka.stripe-events.billing stripe-events-2-41 #1",
            "kafka.stripe-events.billing stripe-events-2-41 #2",
            "kafka.stripe-events.billing stripe-events-2-41 #3",
            "dead kafka.stripe-events.billing");
  }

  @Test
  void succeedsOnALaterAttempt() {
    AtomicInteger runs = new AtomicInteger();
    RecordProcessor processor =
        new RecordProcessor(
            STRIPE, request -> Response.empty(runs.incrementAndGet() < 2 ? 500 : 200), telemetry);

    assertThat(processor.process(record("{}", Map.of()), RecordProcessorTest::running))
        .isEqualTo(new RecordOutcome.Processed(2));
  }

  @Test
  void abandonsARecordWhenTheApplicationStopsDuringIt() throws Exception {
    RecordProcessor processor =
        new RecordProcessor(
            STRIPE,
            request -> {
              // The application stops while the workflow runs: it is interrupted.
              Thread.currentThread().interrupt();
              throw new IllegalStateException("interrupted");
            },
            telemetry);

    RecordOutcome outcome;
    try {
      outcome = processor.process(record("{}", Map.of()), RecordProcessorTest::running);
    } finally {
      Thread.interrupted();
    }

    assertThat(outcome).isEqualTo(new RecordOutcome.Abandoned());
    assertThat(observed).doesNotContain("dead kafka.stripe-events.billing");
  }

  @Test
  void abandonsAFailedAttemptMadeWhileTheApplicationStops() {
    AtomicInteger runs = new AtomicInteger();
    RecordProcessor processor =
        new RecordProcessor(
            STRIPE,
            request -> {
              runs.incrementAndGet();
              throw new IllegalStateException("connection closed");
            },
            telemetry);

    RecordOutcome outcome = processor.process(record("{}", Map.of()), () -> runs.get() > 0);

    assertThat(outcome).isEqualTo(new RecordOutcome.Abandoned());
    assertThat(runs).hasValue(1);
  }
}
