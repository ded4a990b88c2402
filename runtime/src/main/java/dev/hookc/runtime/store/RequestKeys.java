package dev.hookc.runtime.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.Json;
import dev.hookc.runtime.Request;
import java.util.function.Function;

/** Where an idempotency key is in a request; each returns null when the request has none. */
public final class RequestKeys {
  private RequestKeys() {}

  /** Header {@code name}, in any case. */
  public static Function<Request, String> header(String name) {
    return request -> request.header(name);
  }

  /** Query parameter {@code name}. */
  public static Function<Request, String> query(String name) {
    return request -> request.queryParam(name);
  }

  /** Path parameter {@code name}. */
  public static Function<Request, String> param(String name) {
    return request -> request.pathParam(name);
  }

  /** The scalar at {@code path} in the JSON body, such as Stripe's event {@code id}. */
  public static Function<Request, String> body(String... path) {
    return request -> {
      JsonNode node = Json.readBody(request);
      for (String name : path) {
        node = node.path(name);
      }
      return node.isValueNode() && !node.isNull() ? node.asText() : null;
    };
  }
}
