package dev.hookc.runtime.security;

import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.RequestHandler;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.json.Problems;
import java.util.List;
import java.util.Set;

/**
 * The event types a provider's route accepts, named by a header of each delivery (GitHub's {@code
 * X-GitHub-Event}). It stands right after authentication: a delivery of another type is refused
 * before it claims an idempotency key, is stored or has its body read, and a {@code ping} the route
 * does not accept is answered {@code 204} without running the workflow, since a provider sends it
 * to test the endpoint when the hook is created.
 */
public final class EventTypes {
  /** The problem type of a delivery whose type the route does not accept. */
  public static final String UNACCEPTED = Problems.TYPE_PREFIX + "unaccepted-event-type";

  private final String header;
  private final List<String> types;
  private final Set<String> accepted;

  private EventTypes(String header, List<String> types) {
    this.header = header;
    this.types = List.copyOf(types);
    this.accepted = Set.copyOf(types);
  }

  /** The route accepts deliveries whose {@code header} is one of {@code types}. */
  public static EventTypes of(String header, String... types) {
    return new EventTypes(header, List.of(types));
  }

  /** {@code handler} behind the check. */
  public RequestHandler protect(RequestHandler handler) {
    return request -> {
      String type = request.header(header);
      if (type != null && accepted.contains(type)) {
        return handler.handle(request);
      }
      if ("ping".equals(type)) {
        return Response.empty(204);
      }
      // 400, not 2xx: nothing processes it, and the provider's delivery log should say so.
      String detail =
          type == null
              ? "missing header " + header + "; this route accepts " + String.join(", ", types)
              : header
                  + " '"
                  + (type.length() > 100 ? type.substring(0, 100) + "..." : type)
                  + "' is not an event type this route accepts; it accepts "
                  + String.join(", ", types);
      throw new HttpProblem(400, "Bad Request", detail).withType(UNACCEPTED);
    };
  }
}
