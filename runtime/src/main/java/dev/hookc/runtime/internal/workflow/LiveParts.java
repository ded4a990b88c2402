package dev.hookc.runtime.internal.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.hookc.runtime.Request;
import dev.hookc.runtime.internal.Parameters;
import dev.hookc.runtime.security.DeliveryIdentity;

/** The parts of a received request, built from it anew on every call. */
final class LiveParts implements RequestParts {
  private final Request request;
  private final Parameters parameters;
  private final DeliveryIdentity delivery;

  /**
   * @param delivery how the route's authn scheme identifies deliveries; null when it does not
   */
  LiveParts(Request request, Parameters parameters, DeliveryIdentity delivery) {
    this.request = request;
    this.parameters = parameters;
    this.delivery = delivery;
  }

  @Override
  public JsonNode params() {
    return parameters.params();
  }

  @Override
  public JsonNode query() {
    return parameters.query();
  }

  @Override
  public JsonNode headers() {
    return parameters.headers();
  }

  @Override
  public JsonNode user() {
    return RequestInputs.user(request);
  }

  @Override
  public JsonNode cookies() {
    return parameters.cookies();
  }

  @Override
  public String rawBody() {
    return RequestInputs.rawBody(request);
  }

  @Override
  public JsonNode delivery() {
    return delivery == null ? NullNode.getInstance() : delivery.read(request);
  }
}
