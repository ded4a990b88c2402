package dev.hookc.runtime.internal.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.Json;
import dev.hookc.runtime.Request;
import dev.hookc.runtime.Response;
import dev.hookc.runtime.internal.RequestBodies;
import dev.hookc.runtime.json.Utf8;
import dev.hookc.runtime.workflow.Status;
import java.nio.charset.CharacterCodingException;
import java.util.List;
import java.util.Map;

/**
 * Turns a request into a workflow's inputs and a workflow's status into the response: the two ends
 * of every generated controller.
 */
public final class RequestInputs {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RequestInputs() {}

  /** The path parameters as an object ({@code inputs.params}). */
  public static JsonNode params(Request request) {
    ObjectNode params = NODES.objectNode();
    request.pathParams().forEach(params::put);
    return params;
  }

  /** The query parameters as an object; a repeated parameter is a list ({@code inputs.query}). */
  public static JsonNode query(Request request) {
    return multiMap(request.queryParams());
  }

  /** The headers as an object with lower-case names ({@code inputs.headers}). */
  public static JsonNode headers(Request request) {
    return multiMap(request.headers());
  }

  /** The authenticated user's claims ({@code inputs.user}); null when the route is public. */
  public static JsonNode user(Request request) {
    return request.user() instanceof JsonNode claims ? claims : NullNode.getInstance();
  }

  /** The body of a route that declares none: parsed when one was sent, else null. */
  public static JsonNode optionalBody(Request request) {
    return request.body().length == 0 ? NullNode.getInstance() : Json.readBody(request);
  }

  /**
   * The body exactly as received, as text ({@code inputs.raw_body}), for checking a signature over
   * it; empty when no body was sent. A body that is not valid UTF-8 is refused rather than decoded
   * with replacement characters, since text that no longer matches the bytes would make every
   * signature over it fail for a reason nobody could see. A controller refuses such a body before
   * its workflow runs ({@link RequestBodies#requireUtf8}), so a task that reads the text later
   * cannot fail.
   *
   * @throws HttpProblem 400 when the body is not valid UTF-8
   */
  public static String rawBody(Request request) {
    try {
      return Utf8.decode(request.body());
    } catch (CharacterCodingException e) {
      throw RequestBodies.notUtf8();
    }
  }

  /**
   * The HTTP response for a workflow's status: its code, its data as the JSON body (none when the
   * data is null), and its headers as HTTP headers.
   */
  public static Response respond(Status status) {
    Response response =
        status.data().isNull() || status.data().isMissingNode()
            ? Response.empty(status.code())
            : Response.json(status.code(), status.data());
    for (Map.Entry<String, String> header : status.headers().entrySet()) {
      response = response.withHeader(header.getKey(), header.getValue());
    }
    return response;
  }

  private static JsonNode multiMap(Map<String, List<String>> values) {
    ObjectNode object = NODES.objectNode();
    values.forEach(
        (name, list) -> {
          if (list.size() == 1) {
            object.put(name, list.get(0));
          } else {
            ArrayNode array = object.putArray(name);
            list.forEach(array::add);
          }
        });
    return object;
  }
}
