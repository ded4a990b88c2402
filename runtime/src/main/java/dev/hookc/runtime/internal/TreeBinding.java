package dev.hookc.runtime.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hookc.runtime.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The conversions that generated binders use to build payload objects straight from a validated
 * tree, without reflection.
 *
 * <p>Each conversion takes only the value shapes for which the result is certain to equal what
 * {@link Json#bind} gives, and answers {@link Unsupported} for every other one (a number where a
 * string is declared, a float where an integer is, a value that does not fit): the generated binder
 * then binds the whole body with {@link Json#bind}, so coercions and errors stay exactly Jackson's.
 */
public final class TreeBinding {
  // Shared on purpose: it has no stack trace to be wrong, and is caught inside the runtime.
  @SuppressWarnings("StaticAssignmentOfThrowable")
  private static final Unsupported UNSUPPORTED = new Unsupported();

  private TreeBinding() {}

  /** Thrown for a value the fast path leaves to {@link Json#bind}; carries no stack trace. */
  public static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private Unsupported() {
      // Preallocated and thrown often by hostile bodies, so it must cost nothing to throw.
      super("left to Json.bind", null, false, false);
    }
  }

  /** The signal to bind the whole body with {@link Json#bind}. */
  public static Unsupported unsupported() {
    return UNSUPPORTED;
  }

  /** Whether {@code node} is an object to bind member by member; null when it is JSON null. */
  public static boolean isObject(JsonNode node) {
    if (node.isObject()) {
      return true;
    }
    if (node.isNull()) {
      return false;
    }
    throw UNSUPPORTED;
  }

  /** A {@code String} property. */
  public static String string(JsonNode node) {
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isNull()) {
      return null;
    }
    throw UNSUPPORTED;
  }

  /** A {@code Long} property: an integer token that fits. */
  public static Long integer(JsonNode node) {
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    if (node.isNull()) {
      return null;
    }
    throw UNSUPPORTED;
  }

  /** A {@code BigDecimal} property, exact. */
  public static BigDecimal decimal(JsonNode node) {
    if (node.isIntegralNumber() || node.isBigDecimal()) {
      return node.decimalValue();
    }
    if (node.isNull()) {
      return null;
    }
    throw UNSUPPORTED;
  }

  /** A {@code Boolean} property. */
  public static Boolean bool(JsonNode node) {
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNull()) {
      return null;
    }
    throw UNSUPPORTED;
  }

  /** A {@code List} property, each item converted by {@code item}. */
  public static <T> List<T> list(JsonNode node, Function<JsonNode, T> item) {
    if (node.isArray()) {
      List<T> items = new ArrayList<>(node.size());
      for (JsonNode value : node) {
        items.add(item.apply(value));
      }
      return items;
    }
    if (node.isNull()) {
      return null;
    }
    throw UNSUPPORTED;
  }

  /** An undeclared property's value, as Jackson's any-setter receives it. */
  public static Object untyped(JsonNode node) {
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isNull()) {
      return null;
    }
    try {
      return Json.mapper().treeToValue(node, Object.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw UNSUPPORTED;
    }
  }
}
