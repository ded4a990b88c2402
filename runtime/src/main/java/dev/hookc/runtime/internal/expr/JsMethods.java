package dev.hookc.runtime.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The string and list methods compiled expressions may call, with JavaScript's results. Every
 * method yields {@code null} when its receiver is missing, where JavaScript would throw.
 */
public final class JsMethods {
  private JsMethods() {}

  /** {@code s.length}. */
  public static Long length(String s) {
    return s == null ? null : (long) s.length();
  }

  /** {@code list.length}. */
  public static Long length(List<?> list) {
    return list == null ? null : (long) list.size();
  }

  /** {@code s.includes(part)}. */
  public static Boolean includes(String s, String part) {
    return s == null ? null : s.contains(Js.string(part));
  }

  /** {@code s.startsWith(prefix)}. */
  public static Boolean startsWith(String s, String prefix) {
    return s == null ? null : s.startsWith(Js.string(prefix));
  }

  /** {@code s.endsWith(suffix)}. */
  public static Boolean endsWith(String s, String suffix) {
    return s == null ? null : s.endsWith(Js.string(suffix));
  }

  /** {@code s.toUpperCase()}, independent of the server's locale. */
  public static String toUpperCase(String s) {
    return s == null ? null : s.toUpperCase(Locale.ROOT);
  }

  /** {@code s.toLowerCase()}, independent of the server's locale. */
  public static String toLowerCase(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  /** {@code s.trim()}: removes Unicode white space at both ends. */
  public static String trim(String s) {
    return s == null ? null : s.strip();
  }

  /** {@code s.split(separator)}: an empty separator splits into UTF-16 units. */
  public static List<String> split(String s, String separator) {
    if (s == null) {
      return null;
    }
    String sep = Js.string(separator);
    List<String> parts = new ArrayList<>();
    if (sep.isEmpty()) {
      s.chars().forEach(c -> parts.add(String.valueOf((char) c)));
      return parts;
    }
    Collections.addAll(parts, s.split(Pattern.quote(sep), -1));
    return parts;
  }

  /** {@code s.indexOf(part)}: -1 when absent. */
  public static Long indexOf(String s, String part) {
    return s == null ? null : (long) s.indexOf(Js.string(part));
  }

  /**
   * {@code s.slice(start, end)}: negative positions count from the end; {@code end} may be null.
   */
  public static String slice(String s, Long start, Long end) {
    if (s == null) {
      return null;
    }
    int from = relative(start, s.length(), 0);
    int to = relative(end, s.length(), s.length());
    return from < to ? s.substring(from, to) : "";
  }

  /** {@code s.substring(start, end)}: negative positions are 0 and the two may be swapped. */
  public static String substring(String s, Long start, Long end) {
    if (s == null) {
      return null;
    }
    int from = clamp(start == null ? 0 : start, s.length());
    int to = clamp(end == null ? s.length() : end, s.length());
    return s.substring(Math.min(from, to), Math.max(from, to));
  }

  /** {@code s.replace(search, replacement)}: the first occurrence, taken literally. */
  public static String replace(String s, String search, String replacement) {
    if (s == null) {
      return null;
    }
    String find = Js.string(search);
    int at = s.indexOf(find);
    return at < 0
        ? s
        : s.substring(0, at) + Js.string(replacement) + s.substring(at + find.length());
  }

  /** {@code s.concat(more...)}. */
  public static String concat(String s, Object... more) {
    if (s == null) {
      return null;
    }
    StringBuilder joined = new StringBuilder(s);
    for (Object item : more) {
      joined.append(Js.string(item));
    }
    return joined.toString();
  }

  /** {@code list.includes(item)}: numbers compare by value. */
  public static Boolean includes(List<?> list, Object item) {
    return list == null ? null : indexOf(list, item) >= 0;
  }

  /** {@code list.indexOf(item)}: -1 when absent. */
  public static Long indexOf(List<?> list, Object item) {
    if (list == null) {
      return null;
    }
    for (int i = 0; i < list.size(); i++) {
      if (Js.strictEquals(list.get(i), item)) {
        return (long) i;
      }
    }
    return -1L;
  }

  /** {@code list.join(separator)}: missing items are empty; the separator defaults to a comma. */
  public static String join(List<?> list, String separator) {
    if (list == null) {
      return null;
    }
    String sep = separator == null ? "," : separator;
    return list.stream()
        .map(item -> JsValues.isNull(item) ? "" : Js.string(item))
        .collect(Collectors.joining(sep));
  }

  /** {@code list.slice(start, end)}. */
  public static <T> List<T> slice(List<T> list, Long start, Long end) {
    if (list == null) {
      return null;
    }
    int from = relative(start, list.size(), 0);
    int to = relative(end, list.size(), list.size());
    return from < to ? List.copyOf(new ArrayList<>(list.subList(from, to))) : List.of();
  }

  /** {@code list.concat(other)}. */
  public static <T> List<T> concat(List<T> list, List<? extends T> other) {
    if (list == null) {
      return null;
    }
    List<T> joined = new ArrayList<>(list);
    if (other != null) {
      joined.addAll(other);
    }
    return joined;
  }

  /**
   * Calls a method by name on a value whose type is known only at runtime: a string or an array
   * gets the method of that name above; anything else yields {@code null}.
   */
  public static JsonNode invoke(Object target, String method, Object... args) {
    JsonNode node = Js.node(target);
    if (node.isTextual()) {
      return Js.node(JsMethodCalls.onString(node.textValue(), method, args));
    }
    if (node.isArray()) {
      List<JsonNode> items = new ArrayList<>();
      node.forEach(items::add);
      return Js.node(JsMethodCalls.onList(items, method, args));
    }
    return null;
  }

  static int relative(Long position, int length, int absent) {
    if (position == null) {
      return absent;
    }
    long p = position < 0 ? Math.max(0, length + position) : Math.min(position, length);
    return (int) p;
  }

  private static int clamp(long position, int length) {
    return (int) Math.max(0, Math.min(position, length));
  }

  static Long integer(Object value) {
    return JsNumbers.integer(JsValues.toNumber(value));
  }
}
