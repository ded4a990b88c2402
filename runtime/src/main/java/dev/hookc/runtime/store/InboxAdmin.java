package dev.hookc.runtime.store;

import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.Request;
import dev.hookc.runtime.RequestHandler;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Route;
import dev.hookc.runtime.telemetry.InboxCounts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The admin endpoints of the inboxes, off unless the project turns them on. Each requires {@code
 * Authorization: Bearer <token>}, except the page at {@code GET /_hookc/inbox/ui}, which holds no
 * data and asks the operator for the token:
 *
 * <ul>
 *   <li>{@code GET /_hookc/deliveries}: deliveries by route, state, age and error text, a page at a
 *       time; {@code GET /_hookc/deliveries/{id}}: one, with its stored request;
 *   <li>{@code POST /_hookc/deliveries/replay}: replays a filtered set (dead letters by default);
 *   <li>{@code POST /_hookc/inbox/purge}: deletes deliveries by age (processed ones by default);
 *   <li>{@code GET /_hookc/inbox/counts}: deliveries per state per route;
 *   <li>{@code GET /_hookc/dead-letters} and {@code POST /_hookc/dead-letters/{id}/replay}: every
 *       dead letter by route, and the replay of one.
 * </ul>
 */
public final class InboxAdmin {
  private static final int MAX_LIST = 1000;
  private static final int MAX_REPLAY = 1000;
  private static final int MAX_PURGE = 10_000;
  private static final Set<String> REPLAYABLE = Set.of("DEAD", "DONE");

  private final Map<String, Inbox> inboxes;
  private final List<String> scopes;
  private final InboxQueries queries;

  private InboxAdmin(Map<String, Inbox> inboxes) {
    this.inboxes = new TreeMap<>(inboxes);
    this.scopes = List.copyOf(this.inboxes.keySet());
    JdbcStore store = null;
    for (Inbox inbox : this.inboxes.values()) {
      if (store != null && inbox.store() != store) {
        throw new IllegalArgumentException("the admin endpoints need every inbox on one store");
      }
      store = inbox.store();
    }
    this.queries = store == null ? null : new InboxQueries(store);
  }

  /** The admin routes over {@code inboxes}, keyed by route, protected by {@code token}. */
  public static List<Route> routes(String token, Map<String, Inbox> inboxes) {
    if (token == null || token.length() < 16) {
      throw new IllegalStateException("the admin token must have at least 16 characters");
    }
    InboxAdmin admin = new InboxAdmin(inboxes);
    InboxPage page = InboxPage.load();
    List<Route> routes = new ArrayList<>();
    routes.add(Route.of("GET", "/_hookc/dead-letters", guarded(token, admin::deadLetters)));
    routes.add(
        Route.of("POST", "/_hookc/dead-letters/{id}/replay", guarded(token, admin::replayOne)));
    routes.add(Route.of("GET", "/_hookc/deliveries", guarded(token, admin::list)));
    routes.add(Route.of("GET", "/_hookc/deliveries/{id}", guarded(token, admin::get)));
    routes.add(Route.of("POST", "/_hookc/deliveries/replay", guarded(token, admin::replay)));
    routes.add(Route.of("POST", "/_hookc/inbox/purge", guarded(token, admin::purge)));
    routes.add(Route.of("GET", "/_hookc/inbox/counts", guarded(token, admin::counts)));
    routes.add(Route.of("GET", "/_hookc/inbox/ui", request -> page.response()));
    return routes;
  }

  private Response deadLetters(Request request) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    for (Map.Entry<String, Inbox> inbox : inboxes.entrySet()) {
      body.put(inbox.getKey(), inbox.getValue().deadLetters());
    }
    return Response.json(200, body);
  }

  private Response replayOne(Request request) throws Exception {
    String id = request.pathParam("id");
    for (Inbox inbox : inboxes.values()) {
      if (inbox.replay(id)) {
        return Response.json(202, Map.of("id", id, "state", "PENDING"));
      }
    }
    throw new HttpProblem(404, "Not Found", "no dead-lettered delivery has id " + id);
  }

  private Response list(Request request) throws Exception {
    AdminQuery query =
        AdminQuery.of(request, System.currentTimeMillis(), Set.of("limit", "cursor", "order"));
    DeliveryFilter filter = query.filter(scopes, Set.of());
    int limit = query.limit("limit", 100, MAX_LIST);
    String cursorText = query.text("cursor");
    InboxQueries.Cursor cursor =
        cursorText == null
            ? null
            : InboxQueries.Cursor.decode(cursorText)
                .orElseThrow(() -> AdminQuery.bad("'cursor' is not one this endpoint gave"));
    String defaultOrder =
        cursor == null || cursor.order() == InboxQueries.Order.NEWEST ? "newest" : "oldest";
    InboxQueries.Order order =
        query.choice("order", List.of("newest", "oldest"), defaultOrder).equals("newest")
            ? InboxQueries.Order.NEWEST
            : InboxQueries.Order.OLDEST;
    if (cursor != null && cursor.order() != order) {
      throw AdminQuery.bad("'cursor' continues a listing in the other order");
    }
    if (queries == null) {
      return Response.json(200, new InboxQueries.Page(List.of(), null));
    }
    return Response.json(200, queries.list(filter, order, limit, cursor));
  }

  private Response get(Request request) throws Exception {
    AdminQuery.of(request, System.currentTimeMillis(), Set.of()).filter(scopes, Set.of());
    String id = request.pathParam("id");
    if (queries == null) {
      throw noDelivery(id);
    }
    return Response.json(200, queries.get(scopes, id).orElseThrow(() -> noDelivery(id)));
  }

  private static HttpProblem noDelivery(String id) {
    return new HttpProblem(404, "Not Found", "no delivery has id " + id);
  }

  private Response replay(Request request) throws Exception {
    AdminQuery query =
        AdminQuery.of(request, System.currentTimeMillis(), Set.of("limit", "dryRun"));
    DeliveryFilter filter = query.filter(scopes, Set.of("DEAD"));
    for (String state : filter.states()) {
      if (!REPLAYABLE.contains(state)) {
        throw AdminQuery.bad(
            "cannot replay "
                + state
                + " deliveries: they are queued already; replay DEAD (the default) or DONE ones");
      }
    }
    int limit = query.limit("limit", MAX_REPLAY, MAX_REPLAY);
    boolean dryRun = query.flag("dryRun");
    if (queries == null) {
      return Response.json(200, dryRun ? Map.of("matched", 0) : Map.of("replayed", 0));
    }
    if (dryRun) {
      return Response.json(200, Map.of("matched", queries.count(filter)));
    }
    return Response.json(200, queries.replay(filter, limit));
  }

  private Response purge(Request request) throws Exception {
    AdminQuery query =
        AdminQuery.of(
            request, System.currentTimeMillis(), Set.of("limit", "dryRun", "includePending"));
    DeliveryFilter filter = query.filter(scopes, Set.of("DONE"));
    if (filter.receivedBefore() == null) {
      throw AdminQuery.bad("a purge needs an age: 'olderThan' (such as 7d) or 'receivedBefore'");
    }
    boolean pending = filter.states().contains("PENDING") || filter.states().contains("RUNNING");
    if (pending && !query.flag("includePending")) {
      throw AdminQuery.bad(
          "purging PENDING deliveries deletes deliveries not processed yet; add"
              + " 'includePending=true' to mean it");
    }
    int limit = query.limit("limit", MAX_PURGE, MAX_PURGE);
    boolean dryRun = query.flag("dryRun");
    if (queries == null) {
      return Response.json(200, dryRun ? Map.of("matched", 0) : Map.of("purged", 0));
    }
    if (dryRun) {
      return Response.json(200, Map.of("matched", queries.count(filter)));
    }
    return Response.json(200, queries.purge(filter, limit));
  }

  private Response counts(Request request) throws Exception {
    AdminQuery query = AdminQuery.of(request, System.currentTimeMillis(), Set.of());
    Map<String, InboxCounts> counts = new LinkedHashMap<>();
    for (String scope : query.filter(scopes, Set.of()).scopes()) {
      counts.put(scope, inboxes.get(scope).counts());
    }
    return Response.json(200, counts);
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
