package dev.hookc.compiler.load;

import java.util.List;

/**
 * A parsed event key {@code <source>.<method>.<path>}. Only the first two dots separate parts, so a
 * dot inside the path is legal (Godspeed splits on every dot and breaks).
 *
 * @param path the path with parameters normalised to {@code {name}}
 * @param parameters the parameter names in order, with the character offset of each in the key
 */
record EventKey(String source, String method, String path, List<PathParameter> parameters) {

  /** A path parameter and the offset of its first character in the whole key. */
  record PathParameter(String name, int offset) {}

  /** The path with every parameter replaced by {@code {}}, for finding duplicate routes. */
  String routeShape() {
    StringBuilder shape = new StringBuilder();
    for (String segment : path.split("/", -1)) {
      if (!shape.isEmpty() || segment.isEmpty()) {
        shape.append(shape.isEmpty() && segment.isEmpty() ? "" : "/");
      }
      shape.append(segment.startsWith("{") ? "{}" : segment);
    }
    return shape.toString();
  }
}
