package dev.hookc.runtime.internal.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.Request;
import dev.hookc.runtime.internal.Parameters;
import dev.hookc.runtime.security.DeliveryIdentity;
import dev.hookc.runtime.telemetry.Telemetry;
import dev.hookc.runtime.telemetry.WorkContext;

/**
 * The parts of a workflow's inputs besides its typed body: {@code inputs.params}, {@code
 * inputs.query}, {@code inputs.headers}, {@code inputs.user}, {@code inputs.cookies}, {@code
 * inputs.raw_body} and {@code inputs.delivery}.
 *
 * <p>A generated inputs record reads them through this type so that a request's parts are built
 * only when a task reads them: most workflows read the body alone, and building every part for
 * every request cost a tenth of the server's time.
 */
public interface RequestParts {

  /** The path parameters ({@code inputs.params}). */
  JsonNode params();

  /** The query parameters ({@code inputs.query}). */
  JsonNode query();

  /** The headers, by lower-case name ({@code inputs.headers}). */
  JsonNode headers();

  /** The authenticated user's claims ({@code inputs.user}), or a JSON null. */
  JsonNode user();

  /** The declared cookies ({@code inputs.cookies}). */
  JsonNode cookies();

  /** The body as text exactly as received ({@code inputs.raw_body}), or null. */
  String rawBody();

  /**
   * The delivery as the route's authn scheme identifies it ({@code inputs.delivery}), or a JSON
   * null when it identifies none.
   */
  JsonNode delivery();

  /**
   * The parts of a request the server received, each built the first time it is read and then kept;
   * tasks running in parallel may read them at once. The controller has already checked the
   * declared parameters and that the body is UTF-8, so reading a part cannot fail.
   */
  static RequestParts of(Request request, Parameters parameters) {
    return of(request, parameters, null);
  }

  /**
   * The parts of a request the server received on a route whose authn scheme identifies its
   * deliveries with {@code delivery}; null when it does not.
   */
  static RequestParts of(Request request, Parameters parameters, DeliveryIdentity delivery) {
    // Every controller makes its parts once its request passed its contract: the validation's
    // outcome, reported here for requests (an async delivery's was reported when it was accepted).
    WorkContext work = WorkContext.current();
    if (work != null && work.deliveryId() == null) {
      WorkContext.outcome(Telemetry.Check.VALIDATION, "accepted");
    }
    return new MemoizedParts(new LiveParts(request, parameters, delivery));
  }

  /** Parts given as values, as a calling task passes them in its {@code args}. */
  static RequestParts of(
      JsonNode params,
      JsonNode query,
      JsonNode headers,
      JsonNode user,
      JsonNode cookies,
      String rawBody,
      JsonNode delivery) {
    return new GivenParts(params, query, headers, user, cookies, rawBody, delivery);
  }
}
