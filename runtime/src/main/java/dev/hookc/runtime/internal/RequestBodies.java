package dev.hookc.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.Json;
import dev.hookc.runtime.Request;
import dev.hookc.runtime.json.BodyRepresentation;
import dev.hookc.runtime.json.Problems;
import dev.hookc.runtime.json.Utf8;
import dev.hookc.runtime.routing.UriDecoding;
import java.nio.charset.CharacterCodingException;
import java.util.List;
import java.util.Map;

/**
 * Reads a request body in one of the content types its route declares, as a JSON tree that the
 * route's schema validator then checks.
 *
 * <p>{@code application/json} (and any {@code +json} type) is read strictly by {@link Json}; an
 * {@code application/x-www-form-urlencoded} body becomes an object whose fields are converted by
 * the schema's declared property types, since form fields arrive as text. A body without a {@code
 * Content-Type} is read as the first declared type.
 */
public final class RequestBodies {
  /** JSON bodies. */
  public static final String JSON = "application/json";

  /** HTML-form bodies, as many webhook providers send them. */
  public static final String FORM = "application/x-www-form-urlencoded";

  private RequestBodies() {}

  /**
   * The body of {@code request}, read by {@code format}: an empty body is a 400 unless the format
   * is optional, when it is the missing node; undeclared form fields stay text.
   *
   * @throws HttpProblem 415 listing the accepted types for any other content type; 400 for an empty
   *     required body or one that cannot be read
   */
  public static JsonNode read(Request request, BodyFormat format) {
    List<String> accepted = format.accepted();
    String mediaType = request.mediaType();
    String type = mediaType == null ? accepted.get(0) : acceptedType(mediaType, accepted);
    BodyRepresentation.requireUtf8(request);
    if (request.bodyBytes().length == 0) {
      if (format.required()) {
        throw HttpProblem.badRequest(
            "the request body is required; send one of " + String.join(", ", accepted), List.of());
      }
      return MissingNode.getInstance();
    }
    return type.equals(FORM)
        ? form(request.bodyBytes(), format.formFields())
        : Json.readBody(request);
  }

  /**
   * The body as sent, without a schema: JSON when it parses, a form's fields as text, otherwise
   * (empty, malformed, another content type) {@code null}. For code that must see a body that did
   * not pass its contract, such as a validation-error hook.
   */
  public static JsonNode raw(Request request) {
    if (request.bodyBytes().length == 0) {
      return null;
    }
    try {
      return FORM.equals(request.mediaType())
          ? form(request.bodyBytes(), Map.of())
          : Json.readBody(request);
    } catch (HttpProblem unreadable) {
      return null;
    }
  }

  /**
   * Refuses a body that is not valid UTF-8, whatever its content type, before the workflow runs. A
   * workflow builds {@code inputs.raw_body} only when it reads it, but a client mistake must not
   * depend on that: found in the middle of a workflow, it would come after tasks that had already
   * acted on the request. (The JSON reader accepts some such bodies, such as JSON sent as UTF-16.)
   *
   * @throws HttpProblem 400 when the body is not valid UTF-8
   */
  public static void requireUtf8(Request request) {
    BodyRepresentation.requireUtf8(request);
    if (!Utf8.isWellFormed(request.bodyBytes())) {
      throw notUtf8();
    }
  }

  /** The 400 for a body that is not valid UTF-8. */
  public static HttpProblem notUtf8() {
    return HttpProblem.badRequest("the request body is not valid UTF-8", List.of());
  }

  private static String acceptedType(String mediaType, List<String> accepted) {
    for (String type : accepted) {
      if (mediaType.equals(type) || (type.equals(JSON) && mediaType.endsWith("+json"))) {
        return type;
      }
    }
    throw new HttpProblem(
            415,
            "Unsupported Media Type",
            "content type "
                + mediaType
                + " is not accepted here; send one of "
                + String.join(", ", accepted))
        .withType(Problems.TYPE_PREFIX + "unsupported-media-type")
        .withHeader("Accept", String.join(", ", accepted));
  }

  private static JsonNode form(byte[] body, Map<String, Conversion> fields) {
    Map<String, List<String>> values;
    try {
      values = UriDecoding.query(utf8(body));
    } catch (HttpProblem e) {
      throw Problems.badRequest("the form body has a malformed percent-encoding");
    }
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    values.forEach(
        (name, list) -> {
          Conversion conversion = fields.getOrDefault(name, Conversion.STRING);
          // A value that does not convert stays text, so the schema validator reports it at its
          // pointer together with every other violation.
          JsonNode converted = conversion.convert(list);
          if (converted == null || (!conversion.isArray() && list.size() > 1)) {
            converted = text(list);
          }
          object.set(name, converted);
        });
    return object;
  }

  private static JsonNode text(List<String> list) {
    if (list.size() == 1) {
      return JsonNodeFactory.instance.textNode(list.get(0));
    }
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    list.forEach(array::add);
    return array;
  }

  private static String utf8(byte[] body) {
    try {
      return Utf8.decode(body);
    } catch (CharacterCodingException e) {
      throw Problems.badRequest("the form body is not valid UTF-8");
    }
  }
}
