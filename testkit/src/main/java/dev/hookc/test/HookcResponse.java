package dev.hookc.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole answer to a {@link HookcRequest}. Its {@link #toString} shows the request line, the
 * status, the headers and the body, so that an assertion that fails says what the server answered.
 */
public final class HookcResponse {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SHOWN_BODY_CHARS = 2000;

  private final String method;
  private final URI uri;
  private final int status;
  private final Map<String, List<String>> headers;
  private final byte[] body;

  HookcResponse(
      String method, URI uri, int status, Map<String, List<String>> headers, byte[] body) {
    this.method = method;
    this.uri = uri;
    this.status = status;
    Map<String, List<String>> lower = new TreeMap<>();
    headers.forEach(
        (name, values) -> lower.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    this.headers = Collections.unmodifiableMap(lower);
    this.body = body;
  }

  /** The status code, such as 200. */
  public int status() {
    return status;
  }

  /** The first value of header {@code name}, whatever its case; null when absent. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Every header, names in lower case, sorted. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The body as UTF-8 text. */
  public String body() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body as received. */
  public byte[] bodyBytes() {
    return body.clone();
  }

  /**
   * The body read as JSON, such as an {@code application/problem+json} answer's {@code detail}.
   *
   * @throws IllegalStateException when the body is not JSON, with this response in its message
   */
  public JsonNode json() {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException("the body is not JSON: " + this, e);
    }
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    text.append(method).append(' ').append(uri).append(" -> ").append(status).append('\n');
    headers.forEach(
        (name, values) ->
            values.forEach(v -> text.append(name).append(": ").append(v).append('\n')));
    String shown = body();
    if (shown.length() > SHOWN_BODY_CHARS) {
      shown = shown.substring(0, SHOWN_BODY_CHARS) + "... (" + body.length + " bytes)";
    }
    return text.append('\n').append(shown).toString();
  }
}
