package dev.hookc.runtime.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The operators' queries over the inboxes of one store: list deliveries with keyset pagination,
 * read one, replay a filtered set and purge by age. Each is bounded per call; a replay or a purge
 * changes a row only if it still matches when it is written, so that instances sharing PostgreSQL
 * never both replay a delivery, and a replay never takes a delivery a worker is running.
 */
final class InboxQueries {
  private static final TypeReference<Map<String, List<String>>> MULTI = new TypeReference<>() {};
  private static final TypeReference<Map<String, String>> SINGLE = new TypeReference<>() {};
  private static final String COLUMNS =
      "id, scope, state, attempts, dedup_key, received_at, next_attempt_at, claimed_until,"
          + " last_error";
  // Headers that carry credentials or signatures over the body: shown as redacted.
  private static final Pattern SECRET_HEADER =
      Pattern.compile(
          "authorization|proxy-authorization|cookie|set-cookie|.*(signature|hmac|token|secret"
              + "|api-?key|password|jwt).*");

  private final JdbcStore store;

  InboxQueries(JdbcStore store) {
    this.store = store;
  }

  /** A delivery as listed: never its request. */
  record Item(
      String id,
      String route,
      String state,
      boolean running,
      int attempts,
      String key,
      String receivedAt,
      String nextAttemptAt,
      String lastError) {}

  /** One page of a listing, and the cursor of the next, null after the last. */
  record Page(List<Item> items, String next) {}

  /** Whether a listing shows the newest deliveries first. */
  enum Order {
    NEWEST,
    OLDEST
  }

  /** Up to {@code limit} deliveries that match, after {@code cursor} (null for the first page). */
  Page list(DeliveryFilter filter, Order order, int limit, Cursor cursor) throws SQLException {
    long now = System.currentTimeMillis();
    List<Object> params = new ArrayList<>();
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(COLUMNS)
            .append(" FROM hookc_inbox WHERE ")
            .append(filter.condition(params, now));
    String direction = order == Order.NEWEST ? "DESC" : "ASC";
    if (cursor != null) {
      String after = order == Order.NEWEST ? "<" : ">";
      sql.append(" AND (received_at ")
          .append(after)
          .append(" ? OR (received_at = ? AND id ")
          .append(after)
          .append(" ?))");
      params.add(cursor.receivedAt());
      params.add(cursor.receivedAt());
      params.add(cursor.id());
    }
    sql.append(" ORDER BY received_at ")
        .append(direction)
        .append(", id ")
        .append(direction)
        .append(" LIMIT ?");
    params.add(limit + 1);
    return store.transaction(
        c -> {
          List<Item> items = new ArrayList<>();
          List<Long> received = new ArrayList<>();
          try (PreparedStatement select = prepared(c, sql.toString(), params);
              ResultSet row = select.executeQuery()) {
            while (row.next()) {
              items.add(item(row, now));
              received.add(row.getLong(6));
            }
          }
          if (items.size() <= limit) {
            return new Page(items, null);
          }
          Item last = items.get(limit - 1);
          return new Page(
              List.copyOf(items.subList(0, limit)),
              new Cursor(order, received.get(limit - 1), last.id()).encoded());
        });
  }

  /** How many deliveries match. */
  long count(DeliveryFilter filter) throws SQLException {
    List<Object> params = new ArrayList<>();
    String sql =
        "SELECT COUNT(*) FROM hookc_inbox WHERE "
            + filter.condition(params, System.currentTimeMillis());
    return store.transaction(
        c -> {
          try (PreparedStatement select = prepared(c, sql, params);
              ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
          }
        });
  }

  /**
   * The delivery {@code id} of one of {@code scopes} with its stored request: headers that carry
   * credentials redacted, a JSON body as JSON, any other body in base64.
   */
  Optional<Map<String, Object>> get(List<String> scopes, String id) throws SQLException {
    long now = System.currentTimeMillis();
    String sql =
        "SELECT "
            + COLUMNS
            + ", method, path, path_params, query, headers, body FROM hookc_inbox WHERE id = ?"
            + " AND scope IN ("
            + DeliveryFilter.marks(scopes.size())
            + ")";
    List<Object> params = new ArrayList<>();
    params.add(id);
    params.addAll(scopes);
    return store.transaction(
        c -> {
          try (PreparedStatement select = prepared(c, sql, params);
              ResultSet row = select.executeQuery()) {
            if (!row.next()) {
              return Optional.empty();
            }
            Map<String, Object> delivery = Json.mapper().convertValue(item(row, now), MAP);
            try {
              delivery.put("method", row.getString(10));
              delivery.put("path", row.getString(11));
              delivery.put("pathParams", Json.mapper().readValue(row.getString(12), SINGLE));
              delivery.put("query", Json.mapper().readValue(row.getString(13), MULTI));
              delivery.put("headers", redacted(Json.mapper().readValue(row.getString(14), MULTI)));
            } catch (IOException e) {
              throw new SQLException("unreadable stored delivery " + id, e);
            }
            body(delivery, row.getBytes(15));
            return Optional.of(delivery);
          }
        });
  }

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private static Map<String, List<String>> redacted(Map<String, List<String>> headers) {
    Map<String, List<String>> shown = new LinkedHashMap<>();
    headers.forEach(
        (name, values) ->
            shown.put(
                name,
                SECRET_HEADER.matcher(name.toLowerCase(Locale.ROOT)).matches()
                    ? List.of("[redacted]")
                    : values));
    return shown;
  }

  private static void body(Map<String, Object> delivery, byte[] body) {
    try {
      JsonNode json = body.length == 0 ? null : Json.read(body);
      if (json != null) {
        delivery.put("bodyEncoding", "json");
        delivery.put("body", json);
        return;
      }
    } catch (RuntimeException notJson) {
      // Shown in base64 below.
    }
    delivery.put("bodyEncoding", "base64");
    delivery.put("body", Base64.getEncoder().encodeToString(body));
  }

  /** What a bulk replay did: how many it put back, and how many still match. */
  record Replayed(int replayed, long remaining) {}

  /**
   * Puts up to {@code limit} matching deliveries, oldest first, back in their inboxes with fresh
   * attempts. Each row is updated only if it is still in a state the filter names, so that of two
   * replays racing for a row (two instances, two operators) one wins, and a row a worker has
   * claimed since is left to it.
   */
  Replayed replay(DeliveryFilter filter, int limit) throws SQLException {
    List<String> ids = ids(filter, limit);
    String states = String.join(", ", filter.states().stream().map(s -> "'" + s + "'").toList());
    int replayed =
        store.transaction(
            c -> {
              int n = 0;
              try (PreparedStatement update =
                  c.prepareStatement(
                      "UPDATE hookc_inbox SET state = 'PENDING', attempts = 0,"
                          + " next_attempt_at = ?, claimed_until = 0 WHERE id = ? AND state IN ("
                          + states
                          + ")")) {
                for (String id : ids) {
                  update.setLong(1, System.currentTimeMillis());
                  update.setString(2, id);
                  n += update.executeUpdate();
                }
              }
              return n;
            });
    return new Replayed(replayed, count(filter));
  }

  /** What a purge did: how many it deleted, and how many still match. */
  record Purged(int purged, long remaining) {}

  /**
   * Deletes up to {@code limit} matching deliveries, oldest first; each only if it still matches
   * when it is deleted (a delivery replayed meanwhile is pending again, and stays).
   */
  Purged purge(DeliveryFilter filter, int limit) throws SQLException {
    List<String> ids = ids(filter, limit);
    int purged =
        store.transaction(
            c -> {
              int n = 0;
              for (int from = 0; from < ids.size(); from += 100) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 100));
                List<Object> params = new ArrayList<>(chunk);
                String sql =
                    "DELETE FROM hookc_inbox WHERE id IN ("
                        + DeliveryFilter.marks(chunk.size())
                        + ") AND "
                        + filter.condition(params, System.currentTimeMillis());
                try (PreparedStatement delete = prepared(c, sql, params)) {
                  n += delete.executeUpdate();
                }
              }
              return n;
            });
    return new Purged(purged, count(filter));
  }

  private List<String> ids(DeliveryFilter filter, int limit) throws SQLException {
    List<Object> params = new ArrayList<>();
    String sql =
        "SELECT id FROM hookc_inbox WHERE "
            + filter.condition(params, System.currentTimeMillis())
            + " ORDER BY received_at, id LIMIT ?";
    params.add(limit);
    return store.transaction(
        c -> {
          List<String> ids = new ArrayList<>();
          try (PreparedStatement select = prepared(c, sql, params);
              ResultSet row = select.executeQuery()) {
            while (row.next()) {
              ids.add(row.getString(1));
            }
          }
          return ids;
        });
  }

  private static Item item(ResultSet row, long now) throws SQLException {
    String state = row.getString(3);
    boolean running = state.equals("PENDING") && row.getLong(8) > now;
    return new Item(
        row.getString(1),
        row.getString(2),
        state,
        running,
        row.getInt(4),
        row.getString(5),
        Instant.ofEpochMilli(row.getLong(6)).toString(),
        state.equals("PENDING") ? Instant.ofEpochMilli(row.getLong(7)).toString() : null,
        row.getString(9));
  }

  private static PreparedStatement prepared(Connection c, String sql, List<Object> params)
      throws SQLException {
    PreparedStatement statement = c.prepareStatement(sql);
    try {
      for (int i = 0; i < params.size(); i++) {
        Object value = params.get(i);
        if (value instanceof Long l) {
          statement.setLong(i + 1, l);
        } else if (value instanceof Integer n) {
          statement.setInt(i + 1, n);
        } else {
          statement.setString(i + 1, (String) value);
        }
      }
      return statement;
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  /** Where a page ended: the last delivery's time of receipt and id, in the listing's order. */
  record Cursor(Order order, long receivedAt, String id) {
    private static final Set<Character> ORDERS = Set.of('n', 'o');

    String encoded() {
      String text = (order == Order.NEWEST ? "n" : "o") + ":" + receivedAt + ":" + id;
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor {@code text} encodes, or empty when it is not one. */
    static Optional<Cursor> decode(String text) {
      try {
        String[] parts =
            new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(":", 3);
        if (parts.length != 3 || parts[0].length() != 1 || !ORDERS.contains(parts[0].charAt(0))) {
          return Optional.empty();
        }
        return Optional.of(
            new Cursor(
                parts[0].equals("n") ? Order.NEWEST : Order.OLDEST,
                Long.parseLong(parts[1]),
                parts[2]));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
  }
}
