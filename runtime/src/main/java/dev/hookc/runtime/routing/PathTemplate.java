package dev.hookc.runtime.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** A parsed route path: literal segments and named parameters. */
public final class PathTemplate {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  private final String source;
  private final List<String> literals; // null where the segment is a parameter
  private final List<String> names; // null where the segment is literal
  private final boolean literalOnly;

  private PathTemplate(String source, List<String> literals, List<String> names) {
    this.source = source;
    this.literals = literals;
    this.names = names;
    this.literalOnly = names.stream().allMatch(Objects::isNull);
  }

  public static PathTemplate parse(String path) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/': " + path);
    }
    List<String> segments = split(path);
    List<String> literals = new ArrayList<>(segments.size());
    List<String> names = new ArrayList<>(segments.size());
    Set<String> seen = new HashSet<>();
    for (String segment : segments) {
      String name = parameterName(segment);
      if (segment.isEmpty()) {
        throw new IllegalArgumentException("empty segment in path: " + path);
      }
      if (name == null && (segment.contains("{") || segment.contains("}"))) {
        throw new IllegalArgumentException("not a valid path segment: " + segment);
      }
      if (name != null && !NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("not a valid parameter name: " + segment);
      }
      if (name != null && !seen.add(name)) {
        throw new IllegalArgumentException("duplicate parameter '" + name + "' in path: " + path);
      }
      literals.add(name == null ? segment : null);
      names.add(name);
    }
    return new PathTemplate(path, literals, names);
  }

  /** The segments of a path, ignoring the leading slash and one trailing slash. */
  public static List<String> split(String path) {
    String trimmed =
        path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    List<String> segments = new ArrayList<>();
    if (trimmed.equals("/")) {
      return segments;
    }
    int start = 1;
    while (true) {
      int slash = trimmed.indexOf('/', start);
      if (slash < 0) {
        segments.add(trimmed.substring(start));
        return segments;
      }
      segments.add(trimmed.substring(start, slash));
      start = slash + 1;
    }
  }

  private static String parameterName(String segment) {
    if (segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}")) {
      return segment.substring(1, segment.length() - 1);
    }
    if (segment.length() > 1 && segment.startsWith(":")) {
      return segment.substring(1);
    }
    return null;
  }

  public int size() {
    return literals.size();
  }

  /** The parameters bound by matching {@code segments} (already decoded), or null on no match. */
  public Map<String, String> match(List<String> segments) {
    if (segments.size() != literals.size()) {
      return null;
    }
    for (int i = 0; i < segments.size(); i++) {
      String literal = literals.get(i);
      if (literal != null && !literal.equals(segments.get(i))) {
        return null;
      }
    }
    if (literalOnly) {
      // Most webhook routes are literal paths: no map to build per request.
      return Map.of();
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < segments.size(); i++) {
      if (names.get(i) != null) {
        params.put(names.get(i), segments.get(i));
      }
    }
    return params;
  }

  /**
   * Orders two templates that match the same path: at the first segment where one is literal and
   * the other a parameter, the literal one comes first.
   */
  public static int bySpecificity(PathTemplate a, PathTemplate b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      boolean aLiteral = a.literals.get(i) != null;
      boolean bLiteral = b.literals.get(i) != null;
      if (aLiteral != bLiteral) {
        return aLiteral ? -1 : 1;
      }
    }
    return 0;
  }

  /** The template with parameter names erased, so that equivalent templates compare equal. */
  public String shape() {
    StringBuilder shape = new StringBuilder();
    for (String literal : literals) {
      shape.append('/').append(literal == null ? "{}" : literal);
    }
    return shape.length() == 0 ? "/" : shape.toString();
  }

  @Override
  public String toString() {
    return source;
  }
}
