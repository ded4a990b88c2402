package dev.hookc.test.publish.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.expr.Js;
import dev.hookc.runtime.internal.workflow.Retry;
import dev.hookc.runtime.internal.workflow.TaskRunner;
import dev.hookc.runtime.kafka.KafkaPublisher;
import dev.hookc.runtime.kafka.KafkaTasks;
import dev.hookc.runtime.workflow.FunctionContext;
import dev.hookc.runtime.workflow.Status;
import java.time.Duration;
import javax.annotation.processing.Generated;

/**
 * Workflow {@code announcePayment}, from {@code src/functions/announcePayment.yaml}.
 */
@Generated("dev.hookc.compiler")
public final class AnnouncePaymentWorkflow {
  private final JsonNode config;

  private final KafkaPublisher busPublisher;

  private final KafkaPublisher kafkaPublisher;

  /**
   * @param wiring the application's configuration ({@code config.*}) and functions
   */
  public AnnouncePaymentWorkflow(Wiring wiring) {
    this.config = wiring.config();
    this.busPublisher = wiring.kafka("bus");
    this.kafkaPublisher = wiring.kafka("kafka");
  }

  /**
   * Runs the workflow; its result is its last task's status, or the one a return ended it with.
   */
  public Status run(AnnouncePaymentInputs inputs) throws Exception {
    Outputs outputs = new Outputs();
    Status last = Status.ok(null);
    last = outputs.booked = booked(inputs, outputs);
    if (last.returned()) {
      return last.asResult();
    }
    last = outputs.audit = audit(inputs, outputs);
    if (last.returned()) {
      return last.asResult();
    }
    last = outputs.respond = respond(inputs, outputs);
    return last.asResult();
  }

  /**
   * Task {@code booked}, calling {@code datasource.bus.publish} ({@code
   * src/functions/announcePayment.yaml:3:5}).
   */
  private Status booked(AnnouncePaymentInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "booked (src/functions/announcePayment.yaml:3:5)",
        Retry.NONE,
        () -> KafkaTasks.publish(
            busPublisher,
            "bus",
            "payment.booked",
            Js.object("id", inputs.body().getId(), "amount", inputs.body().getAmount()),
            inputs.body().getId(),
            Js.object("x-region", inputs.body().getRegion(), "x-source", "payments"),
            Duration.ofSeconds(3)));
  }

  /**
   * Task {@code audit}, calling {@code datasource.kafka.publish} ({@code
   * src/functions/announcePayment.yaml:11:5}).
   */
  private Status audit(AnnouncePaymentInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "audit (src/functions/announcePayment.yaml:11:5)",
        Retry.NONE,
        () -> KafkaTasks.publish(
            kafkaPublisher,
            "kafka",
            "audit-" + inputs.body().getRegion(),
            inputs.body(),
            null,
            null,
            null));
  }

  /**
   * Task {@code respond} ({@code src/functions/announcePayment.yaml:16:5}).
   */
  private Status respond(AnnouncePaymentInputs inputs, Outputs outputs) throws Exception {
    return TaskRunner.shared().run(
        "respond (src/functions/announcePayment.yaml:16:5)",
        Retry.NONE,
        () -> Status.returning(Js.object("statusCode", 201L, "data", Js.object("partition",
            Js.asLong(Js.member(outputs.booked().data(), "partition")), "offset",
            Js.asLong(Js.member(outputs.booked().data(), "offset"))))));
  }

  private FunctionContext context(String function, AnnouncePaymentInputs inputs) {
    return new FunctionContext(FunctionContext.loggerFor(function), config, inputs::toJson);
  }

  /**
   * The results of the tasks that have run, read as {@code outputs.<task>} or {@code <task>}.
   */
  static final class Outputs {
    private volatile Status booked;

    private volatile Status audit;

    private volatile Status respond;

    /**
     * The result of task {@code booked}.
     */
    Status booked() {
      return booked;
    }

    /**
     * The result of task {@code audit}.
     */
    Status audit() {
      return audit;
    }

    /**
     * The result of task {@code respond}.
     */
    Status respond() {
      return respond;
    }
  }
}
