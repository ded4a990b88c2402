package dev.hookc.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.json.JacksonTreeWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP answer: status, headers and body bytes. Immutable; the {@code with*} methods return a new
 * response.
 *
 * <p>The server always sends {@code Content-Length} (or nothing, for 204 and 304), so bodies are
 * held in memory.
 */
public final class Response {

  private final int status;
  private final Map<String, List<String>> headers;
  private final byte[] body;

  private Response(int status, Map<String, List<String>> headers, byte[] body) {
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  /** A response whose body is {@code body} serialised as JSON with {@link Json#mapper()}. */
  public static Response json(int status, Object body) {
    // The bytes are new, so unlike of() there is nothing to copy.
    byte[] bytes = body instanceof JsonNode node ? JacksonTreeWriter.write(node) : Json.write(body);
    return checked(status, "application/json", bytes);
  }

  /** A response with the given content type and body. */
  public static Response of(int status, String contentType, byte[] body) {
    Objects.requireNonNull(body, "body");
    return checked(status, contentType, body.clone());
  }

  private static Response checked(int status, String contentType, byte[] body) {
    checkStatus(status);
    if (body.length > 0 && (status == 204 || status == 304)) {
      throw new IllegalArgumentException("status " + status + " cannot have a body");
    }
    if (contentType == null) {
      return new Response(status, Map.of(), body);
    }
    checkHeader("Content-Type", contentType);
    return new Response(status, Map.of("Content-Type", List.of(contentType)), body);
  }

  /** A response with no body. */
  public static Response empty(int status) {
    checkStatus(status);
    return new Response(status, Map.of(), new byte[0]);
  }

  /** This response with {@code name} set to {@code value}, replacing earlier values. */
  public Response withHeader(String name, String value) {
    checkHeader(name, value);
    Map<String, List<String>> copy = new LinkedHashMap<>(headers);
    copy.keySet().removeIf(name::equalsIgnoreCase);
    copy.put(name, List.of(value));
    return new Response(status, Collections.unmodifiableMap(copy), body);
  }

  /** This response with one more value for {@code name}, as {@code Set-Cookie} needs. */
  public Response withAddedHeader(String name, String value) {
    checkHeader(name, value);
    Map<String, List<String>> copy = new LinkedHashMap<>(headers);
    String key = copy.keySet().stream().filter(name::equalsIgnoreCase).findFirst().orElse(name);
    List<String> values = new ArrayList<>(copy.getOrDefault(key, List.of()));
    values.add(value);
    copy.put(key, List.copyOf(values));
    return new Response(status, Collections.unmodifiableMap(copy), body);
  }

  public int status() {
    return status;
  }

  /** The headers, with names as given. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of header {@code name} (case-insensitive), or null. */
  public String header(String name) {
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(name)) {
        return entry.getValue().get(0);
      }
    }
    return null;
  }

  /** A copy of the body bytes. */
  public byte[] body() {
    return body.clone();
  }

  /** The body without copying, for the server's own writing. */
  byte[] bodyBytes() {
    return body;
  }

  private static void checkStatus(int status) {
    if (status < 200 || status > 599) {
      throw new IllegalArgumentException("not a final status: " + status);
    }
  }

  static void checkHeader(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("not a valid header name: " + name);
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= 32 || c >= 127 || c == ':') {
        throw new IllegalArgumentException("not a valid header name: " + name);
      }
    }
    // Line breaks would let a value smuggle extra headers into the response.
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("header value contains a line break: " + name);
    }
  }
}
