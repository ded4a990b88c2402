package dev.hookc.runtime.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.Json;
import dev.hookc.runtime.Request;
import java.util.Objects;
import java.util.function.Function;

/**
 * How an authn scheme identifies a delivery: {@code inputs.delivery}, an object with the {@code
 * scheme}, the delivery's {@code id}, the {@code timestamp} the scheme signed (unix seconds) and
 * the {@code event} type, each null when the delivery does not carry it; and the idempotency key
 * {@code inputs.delivery.id}.
 *
 * <p>It reads a request its scheme's authenticator has accepted, from the same headers the
 * authenticator checked (for Standard Webhooks, the same one of the two header sets), so that the
 * id of a signed delivery is the id that was signed. It reads the request itself rather than what
 * the authenticator saw, so that a delivery an async inbox stored and runs later is identified in
 * the same way.
 */
public final class DeliveryIdentity {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final DeliveryIdentity STANDARD_WEBHOOKS =
      new DeliveryIdentity(
          "standard-webhooks",
          r -> r.header(StandardWebhooksVerifier.headerSet(r.request) + "id"),
          r -> r.header(StandardWebhooksVerifier.headerSet(r.request) + "timestamp"),
          r -> r.bodyText("type"));
  private static final DeliveryIdentity STRIPE =
      new DeliveryIdentity(
          "stripe",
          r -> r.bodyText("id"),
          r -> StripeVerifier.timestamp(r.request.header("stripe-signature")),
          r -> r.bodyText("type"));
  private static final DeliveryIdentity GITHUB =
      new DeliveryIdentity(
          "github", r -> r.header("x-github-delivery"), r -> null, r -> r.header("x-github-event"));

  private final String scheme;
  private final Function<Received, String> id;
  private final Function<Received, String> timestamp;
  private final Function<Received, String> event;

  private DeliveryIdentity(
      String scheme,
      Function<Received, String> id,
      Function<Received, String> timestamp,
      Function<Received, String> event) {
    this.scheme = scheme;
    this.id = id;
    this.timestamp = timestamp;
    this.event = event;
  }

  /** Standard Webhooks: {@code webhook-id} or {@code svix-id}, its timestamp, the body's type. */
  public static DeliveryIdentity standardWebhooks() {
    return STANDARD_WEBHOOKS;
  }

  /**
   * Stripe: the event's {@code id} and {@code type} from the signed body, and the signed {@code t}.
   */
  public static DeliveryIdentity stripe() {
    return STRIPE;
  }

  /** GitHub: {@code X-GitHub-Delivery} and {@code X-GitHub-Event}, which GitHub does not sign. */
  public static DeliveryIdentity github() {
    return GITHUB;
  }

  /**
   * A scheme that signs no delivery id, such as {@code hmac} or {@code jwt}: the id in header
   * {@code idHeader} and the event type in {@code eventHeader}, as the sender sets them.
   *
   * @param eventHeader null when the sender names no event type
   */
  public static DeliveryIdentity headers(String scheme, String idHeader, String eventHeader) {
    Objects.requireNonNull(idHeader, "idHeader");
    return new DeliveryIdentity(
        Objects.requireNonNull(scheme, "scheme"),
        r -> r.header(idHeader),
        r -> null,
        eventHeader == null ? r -> null : r -> r.header(eventHeader));
  }

  /**
   * The delivery's id, or null when the request carries none: an idempotency key.
   *
   * @throws HttpProblem the body's own 400 or 415 when the id is read from a body that is not JSON:
   *     the sender's mistake is the body, not a missing key
   */
  public String id(Request request) {
    return id.apply(new Received(request, true));
  }

  /** {@code inputs.delivery}: the scheme, id, timestamp and event type of {@code request}. */
  public JsonNode read(Request request) {
    Received received = new Received(request, false);
    ObjectNode delivery = NODES.objectNode();
    delivery.put("scheme", scheme);
    delivery.put("id", id.apply(received));
    delivery.put("timestamp", seconds(timestamp.apply(received)));
    delivery.put("event", event.apply(received));
    return delivery;
  }

  private static Long seconds(String text) {
    try {
      return text == null ? null : Long.valueOf(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A request whose body is parsed once, when a field is first read from it. */
  private static final class Received {
    private final Request request;
    private final boolean strict;
    private JsonNode body;

    /** {@code strict}: a body that is not JSON is its problem, not an absent field. */
    Received(Request request, boolean strict) {
      this.request = request;
      this.strict = strict;
    }

    /** Header {@code name}; null when absent or blank. */
    String header(String name) {
      String value = request.header(name);
      return value == null || value.isBlank() ? null : value;
    }

    /**
     * The string at {@code name} in a JSON object body, else null. Stripe's ids and types are
     * strings; reading a number as its text would make {@code 123} and {@code "123"} one delivery.
     */
    String bodyText(String name) {
      if (body == null) {
        try {
          body = Json.readBody(request);
        } catch (HttpProblem notJson) {
          if (strict) {
            throw notJson;
          }
          // Empty or not JSON: the controller, which runs afterwards, says what is wrong.
          body = MissingNode.getInstance();
        }
      }
      JsonNode value = body.path(name);
      String text = value.isTextual() ? value.asText() : null;
      return text == null || text.isBlank() ? null : text;
    }
  }
}
