package dev.hookc.runtime.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.Json;
import dev.hookc.runtime.Request;
import java.util.function.Function;

/**
 * Where an idempotency key is in a request; each returns null when the request has none.
 *
 * <p>Idempotent and async routes check every key the same way before storing it: one that is
 * missing or blank, longer than {@value #MAX_LENGTH} characters, or holding a control character or
 * half of a surrogate pair is a 400 problem, never a database error.
 */
public final class RequestKeys {
  /** The longest key that is stored: the key columns hold 500 characters. */
  static final int MAX_LENGTH = 500;

  /**
   * What starts the stored key of a body value that is not a plain string. Strings are stored as
   * they are, as they always were; a number, a boolean, or a string that itself starts with this,
   * is stored as this followed by its JSON text, so {@code 123} and {@code "123"} are two keys.
   */
  static final String TYPED = "json:";

  private static final String MISSING = "https://hookc.dev/problems/missing-idempotency-key";
  private static final String INVALID = "https://hookc.dev/problems/invalid-idempotency-key";

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

  /**
   * The scalar at {@code path} in the JSON body, such as Stripe's event {@code id}: a string as it
   * is, any other scalar marked with its type (so that the number {@code 123} is not the string
   * {@code "123"}).
   */
  public static Function<Request, String> body(String... path) {
    return request -> {
      JsonNode node = Json.readBody(request);
      for (String name : path) {
        node = node.path(name);
      }
      return node.isValueNode() && !node.isNull() ? stored(node) : null;
    };
  }

  /** The stored key of a JSON scalar; see {@link #TYPED}. */
  static String stored(JsonNode scalar) {
    if (scalar.isTextual() && !scalar.textValue().startsWith(TYPED)) {
      return scalar.textValue();
    }
    return TYPED + scalar;
  }

  /**
   * {@code key} once checked for storage.
   *
   * @throws HttpProblem 400 when it is missing or blank, too long, or holds a character that is not
   *     text (a control character, which PostgreSQL refuses in text when it is NUL, or half of a
   *     surrogate pair, which drivers write as {@code ?} so that two keys would become one)
   */
  static String checked(String key) {
    if (key == null || key.isBlank()) {
      throw new HttpProblem(
              400, "Bad Request", "the request has no idempotency key, which this route requires")
          .withType(MISSING);
    }
    if (key.length() > MAX_LENGTH) {
      throw invalid("the idempotency key is longer than " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw invalid("the idempotency key contains a control character");
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < key.length()
          && Character.isLowSurrogate(key.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw invalid("the idempotency key contains half of a surrogate pair");
      }
    }
    return key;
  }

  private static HttpProblem invalid(String detail) {
    return new HttpProblem(400, "Bad Request", detail).withType(INVALID);
  }
}
