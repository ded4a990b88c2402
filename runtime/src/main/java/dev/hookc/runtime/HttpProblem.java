package dev.hookc.runtime;

import dev.hookc.runtime.json.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An error that carries its HTTP answer: thrown anywhere in a handler, it becomes an RFC 9457
 * {@code application/problem+json} response with this status, title, detail and violations.
 *
 * <p>The problem {@code type} is {@code about:blank} unless set with {@link #withType}; hookc's own
 * problems use stable {@code https://hookc.dev/problems/<slug>} types. Problems carry no stack
 * trace, since they describe the client's request rather than a fault in the server.
 */
public class HttpProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final String title;
  private final String detail;
  private final List<Violation> errors;
  private final transient Map<String, List<String>> headers;

  /** A problem without violations. */
  public HttpProblem(int status, String title, String detail) {
    this(status, title, detail, List.of());
  }

  /** A problem listing the ways the request broke its contract. */
  public HttpProblem(int status, String title, String detail, List<Violation> errors) {
    this(status, "about:blank", title, detail, errors, Map.of());
  }

  private HttpProblem(
      int status,
      String type,
      String title,
      String detail,
      List<Violation> errors,
      Map<String, List<String>> headers) {
    super(title + ": " + detail, null, false, false);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("not an error status: " + status);
    }
    this.status = status;
    this.type = Objects.requireNonNull(type, "type");
    this.title = Objects.requireNonNull(title, "title");
    this.detail = Objects.requireNonNull(detail, "detail");
    this.errors = List.copyOf(errors);
    this.headers = headers;
  }

  /** A 400 problem for a request that broke its contract. */
  public static HttpProblem badRequest(String detail, List<Violation> errors) {
    return new HttpProblem(400, "Bad Request", detail, errors)
        .withType(Problems.TYPE_PREFIX + "bad-request");
  }

  /** This problem with a response header added (for example {@code Retry-After}). */
  public HttpProblem withHeader(String name, String value) {
    Map<String, List<String>> copy = new LinkedHashMap<>(headers);
    Response.checkHeader(name, value);
    copy.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    copy.replaceAll((k, v) -> List.copyOf(v));
    return new HttpProblem(status, type, title, detail, errors, Map.copyOf(copy));
  }

  /** This problem with another {@code type} URI, such as a link to the documentation. */
  public HttpProblem withType(String type) {
    return new HttpProblem(status, type, title, detail, errors, headers);
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return detail;
  }

  public List<Violation> errors() {
    return errors;
  }

  /** The extra response headers, in the order they were added per name. */
  public Map<String, List<String>> headers() {
    return headers;
  }
}
