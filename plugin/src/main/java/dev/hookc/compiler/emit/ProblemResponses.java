package dev.hookc.compiler.emit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookc.compiler.model.Event;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code application/problem+json} answers hookc itself gives, documented once under {@code
 * components/responses} and referenced by each operation they can answer.
 */
final class ProblemResponses {
  /** The problem body's schema, under {@code components/schemas}. */
  static final String SCHEMA = "Problem";

  private static final String PREFIX = "#/components/responses/";

  /** Status, name and description of each. */
  private static final String[][] RESPONSES = {
    {
      "400",
      "BadRequest",
      "The request does not match the operation's contract: a parameter missing or invalid, a body"
          + " that is not JSON or breaks its schema. `errors` lists every violation by JSON"
          + " Pointer."
    },
    {
      "401",
      "Unauthorized",
      "The request's signature or token is missing, malformed, expired or does not verify."
    },
    {
      "405",
      "MethodNotAllowed",
      "The path exists, but not with this method; `Allow` lists those it has."
    },
    {"413", "PayloadTooLarge", "The body is over the route's limit."},
    {"415", "UnsupportedMediaType", "The body's `Content-Type` is not one the operation declares."},
    {
      "503",
      "ServiceUnavailable",
      "The server is busy or stopping, or a database, API or Kafka broker it needs could not be"
          + " reached; retry after `Retry-After` seconds."
    },
  };

  private ProblemResponses() {}

  /** {@code components/responses}. */
  static ObjectNode responses(JsonNodeFactory nodes) {
    ObjectNode responses = nodes.objectNode();
    for (String[] response : RESPONSES) {
      ObjectNode entry = responses.putObject(response[1]);
      entry.put("description", response[2]);
      if (response[0].equals("405") || response[0].equals("503")) {
        String header = response[0].equals("405") ? "Allow" : "Retry-After";
        entry
            .putObject("headers")
            .putObject(header)
            .put("description", response[0].equals("405") ? "the allowed methods" : "seconds")
            .putObject("schema")
            .put("type", response[0].equals("405") ? "string" : "integer");
      }
      entry
          .putObject("content")
          .putObject("application/problem+json")
          .putObject("schema")
          .put("$ref", "#/components/schemas/" + SCHEMA);
    }
    return responses;
  }

  /** The problem body of RFC 9457 as hookc writes it. */
  static ObjectNode schema(JsonNodeFactory nodes) {
    ObjectNode schema = nodes.objectNode();
    schema.put("type", "object");
    schema.put("description", "An RFC 9457 problem, as hookc answers every error.");
    ObjectNode properties = schema.putObject("properties");
    properties.putObject("type").put("type", "string").put("format", "uri");
    properties.putObject("title").put("type", "string");
    properties.putObject("status").put("type", "integer");
    properties.putObject("detail").put("type", "string");
    properties
        .putObject("requestId")
        .put("type", "string")
        .put("description", "also in the server's log line of the request");
    ObjectNode error = properties.putObject("errors").put("type", "array").putObject("items");
    error.put("type", "object");
    ObjectNode fields = error.putObject("properties");
    fields.putObject("pointer").put("type", "string");
    fields.putObject("keyword").put("type", "string");
    fields.putObject("message").put("type", "string");
    properties.putObject("errorCount").put("type", "integer");
    schema.putArray("required").add("type").add("title").add("status");
    return schema;
  }

  /**
   * An operation's responses: those it declares, a description given where it has none (OpenAPI
   * requires one) and the problem body where hookc answers that status itself, then references to
   * the problems it can answer that it does not declare.
   */
  static ObjectNode merge(
      JsonNodeFactory nodes,
      Map<String, ObjectNode> declared,
      boolean authenticated,
      boolean body,
      Event event) {
    Map<String, ObjectNode> all = new TreeMap<>(declared);
    for (String[] response : RESPONSES) {
      String status = response[0];
      boolean applies =
          switch (status) {
            case "400", "503" -> true;
            case "401" -> authenticated;
            case "413", "415" -> body;
            default -> false;
          };
      ObjectNode mine = all.get(status);
      if (mine == null && applies) {
        all.put(status, nodes.objectNode().put("$ref", PREFIX + response[1]));
      } else if (mine != null && applies && !mine.has("content")) {
        mine.putObject("content")
            .putObject("application/problem+json")
            .putObject("schema")
            .put("$ref", "#/components/schemas/" + SCHEMA);
      }
    }
    ObjectNode responses = nodes.objectNode();
    all.forEach(
        (status, response) -> {
          if (!response.has("$ref") && !response.has("description")) {
            response.put("description", reason(status, event));
          }
          responses.set(status, response);
        });
    return responses;
  }

  private static String reason(String status, Event event) {
    return switch (status) {
      case "200" -> "OK";
      case "201" -> "Created";
      case "202" -> "Accepted";
      case "204" -> "No Content";
      case "default" -> "Any other answer of " + event.method() + " " + event.path();
      default -> "Status " + status;
    };
  }
}
