package dev.hookc.runtime.internal.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The items {@code com.gs.each_sequential} and {@code com.gs.each_parallel} run over. */
public final class Loops {
  private Loops() {}

  /** The items of a typed list; none when it is null. */
  public static <T> List<T> items(List<T> list) {
    return list == null ? List.of() : list;
  }

  /**
   * The elements of a JSON array; none when it is null or missing.
   *
   * @throws IllegalArgumentException when it is another kind of value, which fails the task
   */
  public static List<JsonNode> items(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new IllegalArgumentException(
          "a loop's value must be an array, not " + value.getNodeType());
    }
    List<JsonNode> items = new ArrayList<>();
    value.forEach(items::add);
    return items;
  }
}
