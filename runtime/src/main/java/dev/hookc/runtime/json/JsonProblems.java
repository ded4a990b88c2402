package dev.hookc.runtime.json;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.hookc.runtime.HttpProblem;
import dev.hookc.runtime.Violation;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Problems for JSON that cannot be read or bound. Jackson's own messages name Java classes and
 * features, so only the parts that describe the client's input are passed on.
 */
public final class JsonProblems {

  private static final String MALFORMED = Problems.TYPE_PREFIX + "malformed-json";
  private static final String INVALID = Problems.TYPE_PREFIX + "invalid-body";

  private JsonProblems() {}

  public static HttpProblem empty() {
    return new HttpProblem(
            400, "Bad Request", "the request body is empty; expected a JSON document")
        .withType(MALFORMED);
  }

  public static HttpProblem trailing(int line, int column) {
    return malformed(line, column, "unexpected content after the end of the JSON document");
  }

  /** A body that is not one well-formed JSON document, with the position of the first mistake. */
  public static HttpProblem malformed(int line, int column, String reason) {
    return new HttpProblem(
            400,
            "Bad Request",
            "malformed JSON at line " + line + ", column " + column + ": " + reason)
        .withType(MALFORMED);
  }

  public static HttpProblem unbindable(Exception e) {
    Violation violation;
    if (e instanceof JsonMappingException mapping) {
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
    if (e instanceof MismatchedInputException mismatched) {
      Class<?> target = mismatched.getTargetType();
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
  public static String pointer(List<JsonMappingException.Reference> path) {
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
}
