package dev.hookc.runtime;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Problems for JSON that cannot be read or bound. Jackson's own messages name Java classes and
 * features, so only the parts that describe the client's input are passed on.
 */
final class JsonProblems {

  private static final String MALFORMED = Problems.TYPE_PREFIX + "malformed-json";
  private static final String INVALID = Problems.TYPE_PREFIX + "invalid-body";

  private JsonProblems() {}

  static HttpProblem empty() {
    return new HttpProblem(
            400, "Bad Request", "the request body is empty; expected a JSON document")
        .withType(MALFORMED);
  }

  static HttpProblem trailing(JsonLocation location) {
    return new HttpProblem(
            400,
            "Bad Request",
            "malformed JSON"
                + at(location)
                + ": unexpected content after the end of the JSON document")
        .withType(MALFORMED);
  }

  static HttpProblem malformed(JsonProcessingException e, JsonLocation where) {
    String reason;
    if (e instanceof StreamConstraintsException) {
      reason = limitReason(e.getOriginalMessage());
    } else if (e instanceof StreamReadException) {
      reason = clean(e.getOriginalMessage());
    } else {
      reason = "the request body is not a JSON document";
    }
    JsonLocation location = e == null || e.getLocation() == null ? where : e.getLocation();
    return new HttpProblem(400, "Bad Request", "malformed JSON" + at(location) + ": " + reason)
        .withType(MALFORMED);
  }

  static HttpProblem unbindable(Exception e) {
    Violation violation;
    if (e instanceof JsonMappingException) {
      JsonMappingException mapping = (JsonMappingException) e;
      violation = violation(pointer(mapping.getPath()), mapping);
    } else {
      violation = new Violation("", "type", "the document does not have the expected shape");
    }
    return new HttpProblem(
            400,
            "Bad Request",
            "the request body does not have the expected shape",
            List.of(violation))
        .withType(INVALID);
  }

  private static Violation violation(String pointer, JsonMappingException e) {
    String message = String.valueOf(e.getOriginalMessage());
    if (message.startsWith("Missing required creator property")) {
      return new Violation(pointer, "required", "a required property is missing");
    }
    if (e instanceof ValueInstantiationException) {
      return new Violation(pointer, "value", "the value is not acceptable");
    }
    if (e instanceof MismatchedInputException) {
      Class<?> target = ((MismatchedInputException) e).getTargetType();
      if (target != null && target.isEnum()) {
        return new Violation(pointer, "enum", "expected one of " + enumNames(target));
      }
      if (target != null) {
        return new Violation(pointer, "type", "expected " + describe(target));
      }
    }
    return new Violation(pointer, "type", "the value does not have the expected type");
  }

  private static String enumNames(Class<?> type) {
    StringBuilder names = new StringBuilder();
    for (Object constant : type.getEnumConstants()) {
      names.append(names.length() == 0 ? "" : ", ").append(constant);
    }
    return "[" + names + "]";
  }

  private static String describe(Class<?> type) {
    if (type == String.class || type == char.class || type == Character.class) {
      return "a string";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "a boolean";
    }
    if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
      boolean integral =
          type == int.class || type == long.class || type == short.class || type == byte.class;
      integral |= type == Integer.class || type == Long.class || type == Short.class;
      integral |= type == Byte.class || type == java.math.BigInteger.class;
      return integral ? "an integer" : "a number";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")
        ? "an object"
        : "a value of another type";
  }

  /** The JSON Pointer (RFC 6901) of a Jackson reference path. */
  static String pointer(List<JsonMappingException.Reference> path) {
    StringBuilder pointer = new StringBuilder();
    for (JsonMappingException.Reference ref : path) {
      pointer.append('/');
      if (ref.getFieldName() != null) {
        pointer.append(ref.getFieldName().replace("~", "~0").replace("/", "~1"));
      } else if (ref.getIndex() >= 0) {
        pointer.append(ref.getIndex());
      } else {
        pointer.append('-');
      }
    }
    return pointer.toString();
  }

  private static String at(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static String limitReason(String message) {
    String text = String.valueOf(message);
    if (text.contains("nesting depth")) {
      return "the document nests deeper than " + Json.MAX_DEPTH + " levels";
    }
    if (text.contains("Number value length") || text.contains("number")) {
      return "a number in the document is too long";
    }
    if (text.contains("String value length")) {
      return "a string in the document is too long";
    }
    return "the document exceeds a size limit";
  }

  /** Jackson's reason without the parts that describe the parser rather than the input. */
  private static String clean(String message) {
    String text = message == null ? "unexpected input" : message;
    int marker = text.indexOf(" (start marker at");
    if (marker >= 0) {
      text = text.substring(0, marker);
    }
    int newline = text.indexOf('\n');
    if (newline >= 0) {
      text = text.substring(0, newline);
    }
    // Names of Jackson features, in backticks, mean nothing to a client.
    return text.replaceAll("\\s*\\([^()]*`[^`]*`[^()]*\\)", "").replaceAll("`[^`]*`", "").trim();
  }
}
