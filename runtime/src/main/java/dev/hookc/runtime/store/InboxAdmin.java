package dev.hookc.runtime.store;

import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.RequestHandler;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Route;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin endpoints of the inboxes, off unless the project turns them on: {@code GET
 * /_hookc/dead-letters} lists every dead-lettered delivery by route, and {@code POST
 * /_hookc/dead-letters/{id}/replay} puts one back in its inbox. Both require {@code Authorization:
 * Bearer <token>}.
 */
public final class InboxAdmin {
  private InboxAdmin() {}

  /** The admin routes over {@code inboxes}, keyed by route, protected by {@code token}. */
  public static List<Route> routes(String token, Map<String, Inbox> inboxes) {
    if (token == null || token.length() < 16) {
      throw new IllegalStateException("the admin token must have at least 16 characters");
    }
    RequestHandler list =
        request -> {
          Map<String, Object> body = new LinkedHashMap<>();
          for (Map.Entry<String, Inbox> inbox : inboxes.entrySet()) {
            body.put(inbox.getKey(), inbox.getValue().deadLetters());
          }
          return Response.json(200, body);
        };
    RequestHandler replay =
        request -> {
          String id = request.pathParam("id");
          for (Inbox inbox : inboxes.values()) {
            if (inbox.replay(id)) {
              return Response.json(202, Map.of("id", id, "state", "PENDING"));
            }
          }
          throw new HttpProblem(404, "Not Found", "no dead-lettered delivery has id " + id);
        };
    List<Route> routes = new ArrayList<>();
    routes.add(Route.of("GET", "/_hookc/dead-letters", guarded(token, list)));
    routes.add(Route.of("POST", "/_hookc/dead-letters/{id}/replay", guarded(token, replay)));
    return routes;
  }

  private static RequestHandler guarded(String token, RequestHandler handler) {
    byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    return request -> {
      String given = request.header("authorization");
      if (given == null
          || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
        throw new HttpProblem(401, "Unauthorized", "the admin endpoints need the admin token")
            .withHeader("WWW-Authenticate", "Bearer");
      }
      return handler.handle(request);
    };
  }
}
