package dev.hookc.test.kafka.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.Request;
import dev.hookc.runtime.RequestHandler;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Violation;
import dev.hookc.runtime.internal.BodyFormat;
import dev.hookc.runtime.internal.Parameters;
import dev.hookc.runtime.internal.RequestBodies;
import dev.hookc.runtime.internal.Wiring;
import dev.hookc.runtime.internal.workflow.RequestInputs;
import dev.hookc.runtime.internal.workflow.RequestParts;
import dev.hookc.runtime.security.DeliveryIdentity;
import dev.hookc.runtime.workflow.Status;
import dev.hookc.test.kafka.binding.KafkaStripeEventsBillingBodyBinder;
import dev.hookc.test.kafka.model.KafkaStripeEventsBillingBody;
import dev.hookc.test.kafka.validation.KafkaStripeEventsBillingBodyValidator;
import dev.hookc.test.kafka.workflows.RecordPaymentInputs;
import dev.hookc.test.kafka.workflows.RecordPaymentWorkflow;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Runs each record of topic {@code stripe-events} read as group {@code billing}: Books each Stripe
 * event a receiver handed to Kafka, from {@code src/events/stripe-consumer.yaml:1:1}.
 */
@Generated("dev.hookc.compiler")
public final class KafkaStripeEventsBillingController implements RequestHandler {
  /**
   * How a record is identified, for {@code inputs.delivery}.
   */
  private static final DeliveryIdentity DELIVERY = DeliveryIdentity.headers("kafka",
      "hookc-delivery-id", null);

  private final RecordPaymentWorkflow workflow;

  /**
   * @param wiring the application's configuration and functions
   */
  public KafkaStripeEventsBillingController(Wiring wiring) {
    this.workflow = new RecordPaymentWorkflow(wiring);
  }

  @Override
  public Response handle(Request request) throws Exception {
    Parameters parameters = new Parameters(request, "POST /stripe-events");
    JsonNode json = RequestBodies.read(request, BodyFormat.json());
    List<Violation> violations = KafkaStripeEventsBillingBodyValidator.validate(json);
    if (!violations.isEmpty()) {
      throw HttpProblem.badRequest(
          "The record does not match the schema of kafka.stripe-events.billing.",
          violations);
    }
    KafkaStripeEventsBillingBody body = KafkaStripeEventsBillingBodyBinder.bind(json);
    RequestBodies.requireUtf8(request);
    RequestParts parts = RequestParts.of(request, parameters, DELIVERY);
    Status status = workflow.run(new RecordPaymentInputs(body, parts));
    return RequestInputs.respond(status);
  }
}
