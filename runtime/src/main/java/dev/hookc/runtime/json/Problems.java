package dev.hookc.runtime.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.Violation;
import dev.hookc.runtime.http.Rejection;
import java.util.List;
import java.util.Map;

/** hookc's own problems, and the one place that turns a problem into a response. */
public final class Problems {

  public static final String TYPE_PREFIX = "https://hookc.dev/problems/";
  public static final String MEDIA_TYPE = "application/problem+json";

  /** At most this many violations are listed; {@code errorCount} then gives the total. */
  public static final int MAX_ERRORS = 100;

  private Problems() {}

  public static HttpProblem badRequest(String detail) {
    return HttpProblem.badRequest(detail, List.of());
  }

  public static HttpProblem notFound() {
    return new HttpProblem(404, "Not Found", "no route matches the request path")
        .withType(TYPE_PREFIX + "not-found");
  }

  public static HttpProblem methodNotAllowed(String method, String allow) {
    return new HttpProblem(
            405,
            "Method Not Allowed",
            "method " + method + " is not allowed here; allowed: " + allow)
        .withType(TYPE_PREFIX + "method-not-allowed")
        .withHeader("Allow", allow);
  }

  /**
   * A request the transport refused before any handler saw it (malformed, too large, too slow, or
   * one connection too many); the transport closes the connection after the answer.
   */
  public static HttpProblem rejected(Rejection rejection) {
    HttpProblem problem =
        new HttpProblem(rejection.status(), rejection.title(), rejection.detail())
            .withType(TYPE_PREFIX + rejection.type());
    return rejection.status() == 503 ? problem.withHeader("Retry-After", "1") : problem;
  }

  public static HttpProblem overloaded() {
    return new HttpProblem(
            503, "Service Unavailable", "the server is busy; retry after the given delay")
        .withType(TYPE_PREFIX + "overloaded")
        .withHeader("Retry-After", "1");
  }

  public static HttpProblem stopping() {
    return new HttpProblem(503, "Service Unavailable", "the server is shutting down")
        .withType(TYPE_PREFIX + "stopping")
        .withHeader("Retry-After", "1")
        .withHeader("Connection", "close");
  }

  /** The seconds a sender is asked to wait after a datasource outage, as a Kafka hand-off does. */
  public static final String DATASOURCE_RETRY_AFTER = "5";

  /**
   * A synchronous request whose workflow ended because {@code datasource} could not serve {@code
   * operation} ({@code why}: could not be reached, did not answer in time): the same delivery may
   * well succeed later. It names what the project declared, never the driver's message, a URL, SQL
   * or credentials.
   */
  public static HttpProblem datasourceUnavailable(String datasource, String operation, String why) {
    return new HttpProblem(
            503,
            "Service Unavailable",
            "the datasource "
                + datasource
                + " "
                + why
                + " ("
                + operation
                + "); retry after the given delay")
        .withType(TYPE_PREFIX + "datasource-unavailable")
        .withHeader("Retry-After", DATASOURCE_RETRY_AFTER);
  }

  public static HttpProblem internal() {
    return new HttpProblem(
            500,
            "Internal Server Error",
            "the server failed to handle the request; quote the requestId when reporting it")
        .withType(TYPE_PREFIX + "internal-error");
  }

  /** The response for {@code problem}; {@code requestId} appears in the body. */
  public static Response toResponse(HttpProblem problem, String requestId) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("type", problem.type());
    body.put("title", problem.title());
    body.put("status", problem.status());
    body.put("detail", problem.detail());
    body.put("requestId", requestId);
    List<Violation> errors = problem.errors();
    if (!errors.isEmpty()) {
      ArrayNode list = body.putArray("errors");
      for (Violation v : errors.subList(0, Math.min(errors.size(), MAX_ERRORS))) {
        list.addObject()
            .put("pointer", v.pointer())
            .put("keyword", v.keyword())
            .put("message", v.message());
      }
      if (errors.size() > MAX_ERRORS) {
        body.put("errorCount", errors.size());
      }
    }
    Response response = Response.of(problem.status(), MEDIA_TYPE, JacksonTreeWriter.write(body));
    for (Map.Entry<String, List<String>> header : problem.headers().entrySet()) {
      for (String value : header.getValue()) {
        response = response.withAddedHeader(header.getKey(), value);
      }
    }
    return response;
  }
}
